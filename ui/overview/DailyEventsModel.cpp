#include "DailyEventsModel.h"

#include <QDateTime>
#include <algorithm>

namespace ss::ui {

void DailyEventsModel::setDays(std::vector<DailyCount> days) {
    beginResetModel();
    days_ = std::move(days);
    endResetModel();
}

int DailyEventsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(days_.size());
}

int DailyEventsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DailyEventsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || (role != Qt::DisplayRole && role != Qt::EditRole)) return {};
    const auto& d = days_[static_cast<std::size_t>(index.row())];
    switch (index.column()) {
    case Day: return QVariant(static_cast<qreal>(d.day) * 1000.0);
    case Events: return QVariant(static_cast<qreal>(d.events));
    case Purchases: return QVariant(static_cast<qreal>(d.purchases));
    }
    return {};
}

QVariant DailyEventsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Day: return tr("Day");
    case Events: return tr("Events");
    case Purchases: return tr("Purchases");
    }
    return {};
}

qint64 DailyEventsModel::maxEvents() const {
    qint64 m = 0;
    for (const auto& d : days_) m = std::max<qint64>(m, d.events);
    return m;
}

}  // namespace ss::ui
