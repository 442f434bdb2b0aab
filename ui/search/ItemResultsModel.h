// ItemResultsModel: a ranked list of items with scores (search results, similar items) and which
// side of the search found each (its words, its meaning, or both). GUI thread only; filled from a
// job's result.
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "store/CatalogQuery.h"

namespace ss::ui {

class ItemResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Item, Title, Category, Price, Score, FoundBy, ColumnCount };
    // What the score column holds: the cosine of the vectors, or the fused rank score (0..1).
    enum class ScoreKind { Similarity, Relevance };
    using QAbstractTableModel::QAbstractTableModel;

    void setHits(std::vector<ItemHit> hits, ScoreKind kind = ScoreKind::Similarity);
    ScoreKind scoreKind() const { return kind_; }
    const ItemHit* hit(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString foundBy(const ItemHit& hit) const;
    std::vector<ItemHit> hits_;
    ScoreKind kind_ = ScoreKind::Similarity;
};

}  // namespace ss::ui
