// RankedItemsModel: one ranked list of items for display — a model's top-K for a customer (with the
// score after boost/bury and the explanation "because you bought X; viewed Y") or an item's similar
// items. Rows are prepared by the screen from core results; the model only presents them.
// GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

namespace ss::ui {

struct RankedItemRow {
    std::int32_t item = -1;  // dense index in the session's dataset
    QString externalId, title, category;
    std::optional<double> price;
    double score = 0, adjusted = 0;
    bool fallback = false;   // served by popularity: the model has nothing for this customer
    QString because;         // short explanation shown in the table
    QString becauseDetail;   // every contribution, for the tooltip
};

class RankedItemsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Item, Title, Category, Price, Score, Because, ColumnCount };
    enum Role { ItemIndexRole = Qt::UserRole + 1, ExternalIdRole };
    explicit RankedItemsModel(QObject* parent = nullptr);

    void setRows(std::vector<RankedItemRow> rows);
    void clear() { setRows({}); }
    const RankedItemRow* row(int r) const;
    const std::vector<RankedItemRow>& rows() const { return rows_; }
    // Header of the score column ("Score", "Similarity", ...) and its tooltip.
    void setScoreHeader(const QString& header, const QString& tooltip);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<RankedItemRow> rows_;
    QString scoreHeader_, scoreTooltip_;
};

}  // namespace ss::ui
