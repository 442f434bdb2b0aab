// ItemSentimentModel: sentiment per product as a table — product, title, category, reviews, share
// negative, mean sentiment, share negative in the last 90 days and how many labels are predicted.
// SortRole gives numbers for a proxy to sort by (most negative first by default). GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include <vector>

#include "sentiment/SentimentOverview.h"

namespace ss::ui {

class ItemSentimentModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Product, Title, Category, Reviews, ShareNegative, Mean, RecentNegative, Predicted, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit ItemSentimentModel(QObject* parent = nullptr);
    void setItems(std::vector<sentiment::ItemSentiment> items);
    const sentiment::ItemSentiment& item(int row) const { return items_[static_cast<std::size_t>(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<sentiment::ItemSentiment> items_;
};

}  // namespace ss::ui
