// HistoryModel: one customer's history as a timeline, newest first — when, the behaviour (with its
// glyph), the item with category and price, and the customer's review of it (stars and title) when
// there is one. Rows are prepared by the screen from the session's history and the reviews table.
// GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <optional>
#include <vector>

#include "store/EventType.h"

namespace ss::ui {

struct HistoryRow {
    std::int64_t time = 0;  // unix seconds
    EventType type = EventType::View;
    std::int32_t item = -1;  // dense index in the session's dataset
    QString externalId, title, category;
    std::optional<double> price;
    std::optional<double> rating;  // the customer's review of the item, if any
    QString reviewTitle;
};

class HistoryModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, Behaviour, Title, Category, Price, Review, ColumnCount };
    enum Role { ItemIndexRole = Qt::UserRole + 1, TimeRole, BehaviourRole };
    explicit HistoryModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    // Rows in any order; shown newest first.
    void setRows(std::vector<HistoryRow> rows);
    const HistoryRow* row(int r) const;
    static QString stars(double rating);  // "★★★★☆" for 4 of 5

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<HistoryRow> rows_;
};

}  // namespace ss::ui
