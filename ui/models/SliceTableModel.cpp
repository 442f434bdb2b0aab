#include "SliceTableModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>

#include <algorithm>

#include "RecommenderChoices.h"
#include "TableHighlight.h"
#include "Text.h"

namespace ss::ui {

void SliceTableModel::setResult(std::shared_ptr<const rec::EvaluationResult> result) {
    beginResetModel();
    result_ = std::move(result);
    rebuild();
    endResetModel();
}

void SliceTableModel::setMetric(MetricId metric) {
    beginResetModel();
    metric_ = metric;
    rebuild();
    endResetModel();
}

void SliceTableModel::rebuild() {
    slices_.clear();
    best_.clear();
    if (!result_) return;
    for (const auto& run : result_->runs)
        for (const auto& s : run.slices)
            if (std::find(slices_.begin(), slices_.end(), s.name) == slices_.end()) slices_.push_back(s.name);
    for (std::size_t row = 0; row < slices_.size(); ++row) {
        int best = -1;
        double bestValue = 0;
        for (std::size_t r = 0; r < result_->runs.size(); ++r)
            if (const auto* s = slice(static_cast<int>(row), static_cast<int>(r)); s && (best < 0 || s->report.value(metric_) > bestValue)) {
                best = static_cast<int>(r);
                bestValue = s->report.value(metric_);
            }
        best_.push_back(bestValue > 0 ? best : -1);  // all zero: nothing to single out
    }
}

const rec::SliceResult* SliceTableModel::slice(int row, int run) const {
    if (!result_ || row < 0 || row >= static_cast<int>(slices_.size()) || run < 0 || run >= static_cast<int>(result_->runs.size())) return nullptr;
    for (const auto& s : result_->runs[static_cast<std::size_t>(run)].slices)
        if (s.name == slices_[static_cast<std::size_t>(row)]) return &s;
    return nullptr;
}

QString SliceTableModel::sliceLabel(const QString& key) {
    if (key == "cold_items") return tr("Cold items (no training interactions)");
    if (key == "warm_items") return tr("Warm items");
    if (key == "cold_users") return tr("Cold users (no training history)");
    if (key == "warm_users") return tr("Warm users");
    if (key.startsWith(QStringLiteral("cohort "))) {
        const QString month = key.mid(7);
        return month.isEmpty() ? tr("Cohort (no first event)") : tr("Cohort %1").arg(month);
    }
    return key;
}

QString SliceTableModel::shortSliceLabel(const QString& key) {
    if (key == "cold_items") return tr("Cold items");
    if (key == "warm_items") return tr("Warm items");
    if (key == "cold_users") return tr("Cold users");
    if (key == "warm_users") return tr("Warm users");
    if (key.startsWith(QStringLiteral("cohort "))) return key.mid(7).isEmpty() ? tr("No cohort") : key.mid(7);
    return key;
}

int SliceTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(slices_.size()); }
int SliceTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !result_ ? 0 : kFirstRecommenderColumn + static_cast<int>(result_->runs.size());
}

QVariant SliceTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const int row = index.row(), column = index.column();
    const QString key = qs(slices_[static_cast<std::size_t>(row)]);
    const int run = column - kFirstRecommenderColumn;
    const rec::SliceResult* s = nullptr;
    if (run >= 0) s = slice(row, run);
    else  // the slice name and user count: from any run that has it
        for (int r = 0; r < static_cast<int>(result_->runs.size()) && !s; ++r) s = slice(row, r);
    const bool best = run >= 0 && best_[static_cast<std::size_t>(row)] == run;
    switch (role) {
    case SliceKeyRole: return key;
    case ShortLabelRole: return shortSliceLabel(key);
    case BestRole: return best;
    case ValueRole:
        if (column == 1 && s) return static_cast<qulonglong>(s->report.users);
        return run >= 0 && s ? QVariant(s->report.value(metric_)) : QVariant();
    case Qt::BackgroundRole: return best ? QVariant(QBrush(TableHighlight::kBest)) : QVariant();
    case Qt::FontRole: return TableHighlight::bestFont(best);
    case Qt::TextAlignmentRole: return column == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::DisplayRole:
        if (column == 0) return sliceLabel(key);
        if (!s) return QStringLiteral("—");
        if (column == 1) return static_cast<qulonglong>(s->report.users);
        return QString::number(s->report.value(metric_), 'f', 4);
    default: return {};
    }
}

QVariant SliceTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount()) return {};
    if (role == Qt::ToolTipRole && section >= kFirstRecommenderColumn)
        return qs(std::string(definition(metric_, result_ ? result_->convention : Convention::Recommenders)));
    if (role == Qt::ToolTipRole && section == 1) return tr("Test users in the slice (users in its ground truth).");
    if (role != Qt::DisplayRole) return {};
    if (section == 0) return tr("Slice");
    if (section == 1) return tr("Users");
    const auto& run = result_->runs[static_cast<std::size_t>(section - kFirstRecommenderColumn)];
    return tr("%1 %2").arg(RecommenderChoices::shortLabel(qs(run.recommender)), qs(metricLabel(metric_, result_->k)));
}

}  // namespace ss::ui
