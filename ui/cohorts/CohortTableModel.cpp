#include "CohortTableModel.h"

#include <QColor>
#include <QFont>
#include <QLocale>

#include <cmath>

#include "CohortText.h"
#include "Text.h"

namespace ss::ui {

CohortTableModel::CohortTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void CohortTableModel::setMatrix(CohortMatrix matrix) {
    beginResetModel();
    matrix_ = std::move(matrix);
    hasMatrix_ = true;
    endResetModel();
}

void CohortTableModel::setMeasure(Measure measure) {
    if (measure == measure_) return;
    measure_ = measure;
    if (rowCount() > 0 && columnCount() > kFirstPeriodColumn)
        emit dataChanged(index(0, kFirstPeriodColumn), index(rowCount() - 1, columnCount() - 1));
}

int CohortTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !hasMatrix_) return 0;
    return static_cast<int>(matrix_.rows.size()) + (matrix_.rows.empty() ? 0 : 1);
}

int CohortTableModel::columnCount(const QModelIndex& parent) const {
    if (parent.isValid() || !hasMatrix_) return 0;
    return kFirstPeriodColumn + static_cast<int>(matrix_.periodLabels.size());
}

const CohortCell* CohortTableModel::cell(const QModelIndex& index) const {
    if (!index.isValid() || index.column() < kFirstPeriodColumn) return nullptr;
    const auto col = static_cast<std::size_t>(index.column() - kFirstPeriodColumn);
    const auto& cells = isMeanRow(index.row()) ? matrix_.mean : matrix_.rows[static_cast<std::size_t>(index.row())].cells;
    return col < cells.size() ? &cells[col] : nullptr;
}

QColor CohortTableModel::heat(double rate) {
    // White to a deep teal: readable black text on every shade up to about 70%, white above.
    const double t = std::clamp(std::isnan(rate) ? 0.0 : rate, 0.0, 1.0);
    return QColor::fromRgbF(static_cast<float>(1.0 - 0.85 * t), static_cast<float>(1.0 - 0.45 * t), static_cast<float>(1.0 - 0.5 * t));
}

QString CohortTableModel::cellText(const CohortCell& c) const {
    const QLocale locale;
    QString text;
    switch (measure_) {
    case Measure::Rate: text = std::isnan(c.rate) ? QStringLiteral("–") : locale.toString(c.rate * 100.0, 'f', 1) + QLocale().percent(); break;
    case Measure::Customers: text = locale.toString(static_cast<qlonglong>(c.count)); break;
    case Measure::Purchases: text = std::isnan(c.purchasesPerCustomer) ? QStringLiteral("–") : locale.toString(c.purchasesPerCustomer, 'f', 2); break;
    case Measure::Revenue: text = std::isnan(c.revenuePerCustomer) ? QStringLiteral("–") : locale.toString(c.revenuePerCustomer, 'f', 2); break;
    }
    return c.complete ? text : text + QStringLiteral("…");
}

QString CohortTableModel::tooltip(int row, int column, const CohortCell& c) const {
    const QLocale locale;
    const QString period = CohortText::periodLabel(matrix_.definition, static_cast<std::size_t>(column - kFirstPeriodColumn));
    const QString who = isMeanRow(row) ? tr("All complete cohorts") : tr("Cohort %1").arg(qs(matrix_.rows[static_cast<std::size_t>(row)].label));
    QString text = tr("%1, %2: %3 of %4 customers").arg(who, period, locale.toString(static_cast<qlonglong>(c.count)),
                                                        locale.toString(static_cast<qlonglong>(c.base)));
    if (!std::isnan(c.rate)) text += QStringLiteral(" (%1%)").arg(locale.toString(c.rate * 100.0, 'f', 1));
    if (!std::isnan(c.low)) text += QStringLiteral("\n") + tr("95% interval: %1% to %2%").arg(locale.toString(c.low * 100.0, 'f', 1), locale.toString(c.high * 100.0, 'f', 1));
    text += QStringLiteral("\n") + tr("Purchases per customer so far: %1").arg(locale.toString(c.purchasesPerCustomer, 'f', 2));
    if (matrix_.hasRevenue) text += QStringLiteral("\n") + tr("Revenue per customer so far: %1").arg(locale.toString(c.revenuePerCustomer, 'f', 2));
    if (!c.complete) text += QStringLiteral("\n") + tr("Incomplete: the data ends before this period does, so it may still grow.");
    return text;
}

QVariant CohortTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const bool mean = isMeanRow(index.row());
    if (index.column() < kFirstPeriodColumn) {
        if (role == Qt::DisplayRole) {
            if (index.column() == 0) return mean ? tr("Mean") : qs(matrix_.rows[static_cast<std::size_t>(index.row())].label);
            std::int64_t size = 0;
            if (mean) {
                for (const auto& r : matrix_.rows) size += r.size;
            } else {
                size = matrix_.rows[static_cast<std::size_t>(index.row())].size;
            }
            return QLocale().toString(static_cast<qlonglong>(size));
        }
        if (role == Qt::FontRole && mean) {
            QFont f;
            f.setBold(true);
            return f;
        }
        if (role == Qt::TextAlignmentRole) return index.column() == 0 ? int(Qt::AlignLeft | Qt::AlignVCenter) : int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    const CohortCell* c = cell(index);
    if (!c) return {};
    switch (role) {
    case Qt::DisplayRole: return cellText(*c);
    case Qt::ToolTipRole: return tooltip(index.row(), index.column(), *c);
    case Qt::BackgroundRole: return c->complete ? QVariant(heat(c->rate)) : QVariant(QColor(245, 245, 245));
    case Qt::ForegroundRole:
        if (!c->complete) return QColor(110, 110, 110);
        return c->rate > 0.7 ? QColor(Qt::white) : QColor(Qt::black);
    case Qt::FontRole: {
        QFont f;
        f.setItalic(!c->complete);
        f.setBold(mean);
        return f;
    }
    case Qt::TextAlignmentRole: return int(Qt::AlignRight | Qt::AlignVCenter);
    case RateRole: return c->rate;
    case CompleteRole: return c->complete;
    case CountRole: return static_cast<qlonglong>(c->count);
    default: return {};
    }
}

QVariant CohortTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section == 0) return tr("Cohort");
    if (section == 1) return tr("Customers");
    return CohortText::periodLabel(matrix_.definition, static_cast<std::size_t>(section - kFirstPeriodColumn));
}

}  // namespace ss::ui
