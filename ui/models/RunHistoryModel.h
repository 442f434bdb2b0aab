// RunHistoryModel: the evaluation runs stored in a project, newest first — when, the recommender,
// the split, k, the headline metrics with the convention, the test users and the data it ran on.
// Rows keep the StoredRun for comparisons. GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "rec/Runs.h"

namespace ss::ui {

class RunHistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, When, Recommender, Split, Ndcg, Recall, Users, Data, ColumnCount };
    explicit RunHistoryModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setRuns(std::vector<rec::StoredRun> runs);
    const rec::StoredRun* run(int row) const;
    static QString describeSplit(const rec::StoredRun& run);  // "temporal, cut-off 2025-06-01" / "random, 20% test"

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<rec::StoredRun> runs_;
};

}  // namespace ss::ui
