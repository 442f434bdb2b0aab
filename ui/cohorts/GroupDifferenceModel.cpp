#include "GroupDifferenceModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace ss::ui {

namespace {

bool significant(const RetentionDifference& d) { return d.low > 0 || d.high < 0; }

QString percent(double rate) { return QLocale().toString(rate * 100.0, 'f', 1) + QStringLiteral("%"); }

QString points(double difference) {
    const QString sign = difference > 0 ? QStringLiteral("+") : QString();
    return sign + QLocale().toString(difference * 100.0, 'f', 1);
}

}  // namespace

GroupDifferenceModel::GroupDifferenceModel(QObject* parent) : QAbstractTableModel(parent) {}

void GroupDifferenceModel::setComparison(const QString& groupA, const QString& groupB, std::vector<RetentionDifference> differences,
                                         const QStringList& periods) {
    beginResetModel();
    groupA_ = groupA;
    groupB_ = groupB;
    rows_.clear();
    for (auto& d : differences)
        if (d.column > 0) rows_.push_back(d);  // period 0 is the whole cohort on both sides
    periods_ = periods;
    endResetModel();
}

void GroupDifferenceModel::clear() { setComparison({}, {}, {}, {}); }

int GroupDifferenceModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int GroupDifferenceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant GroupDifferenceModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= ColumnCount) return {};
    const auto& d = rows_[static_cast<std::size_t>(index.row())];
    if (role == DifferenceRole) return d.difference;
    if (role == SignificantRole) return significant(d);
    if (role == Qt::TextAlignmentRole && index.column() != Period) return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::FontRole && significant(d) && index.column() >= Difference) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ForegroundRole && significant(d) && index.column() >= Difference)
        return QBrush(d.difference > 0 ? QColor(0x1b, 0x7f, 0x3b) : QColor(0xb3, 0x26, 0x1e));
    if (role == Qt::ToolTipRole) {
        return tr("%1: %2 of %3 returned (%4)\n%5: %6 of %7 returned (%8)\n%9")
            .arg(groupA_, QLocale().toString(qlonglong(d.countA)), QLocale().toString(qlonglong(d.baseA)), percent(d.rateA))
            .arg(groupB_, QLocale().toString(qlonglong(d.countB)), QLocale().toString(qlonglong(d.baseB)), percent(d.rateB))
            .arg(significant(d) ? tr("The 95% interval leaves out zero: the groups differ in this period.")
                                : tr("The 95% interval holds zero: no difference shown in this period."));
    }
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Period: return d.column < static_cast<std::size_t>(periods_.size()) ? periods_[static_cast<int>(d.column)] : QString::number(d.column);
    case RateA: return percent(d.rateA);
    case RateB: return percent(d.rateB);
    case Difference: return points(d.difference);
    case Interval: return tr("%1 to %2").arg(points(d.low), points(d.high));
    }
    return {};
}

QVariant GroupDifferenceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Period: return tr("Period");
    case RateA: return groupA_.isEmpty() ? tr("Group A") : groupA_;
    case RateB: return groupB_.isEmpty() ? tr("Group B") : groupB_;
    case Difference: return tr("Difference (points)");
    case Interval: return tr("95% interval");
    }
    return {};
}

}  // namespace ss::ui
