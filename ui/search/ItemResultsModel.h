// ItemResultsModel: a ranked list of items with scores (search results, similar items).
// GUI thread only; filled from a job's result.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "embed/SemanticCatalog.h"

namespace ss::ui {

class ItemResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Item, Title, Category, Price, Score, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setHits(std::vector<ItemHit> hits);
    const ItemHit* hit(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<ItemHit> hits_;
};

}  // namespace ss::ui
