// DailyEventsModel: events and purchases per day (columns: day as ms since epoch, events, purchases)
// for the overview chart, bound with QVXYModelMapper. Filled from a job's result on the GUI thread.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "store/Project.h"

namespace ss::ui {

class DailyEventsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Day, Events, Purchases, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setDays(std::vector<DailyCount> days);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    qint64 maxEvents() const;

private:
    std::vector<DailyCount> days_;
};

}  // namespace ss::ui
