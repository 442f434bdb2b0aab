// TopicTableModel: complaint (or praise) topics as a table — the distinctive terms, how many
// reviews, the share of all grouped reviews, the busiest month, and the products most concerned.
// GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include "sentiment/ComplaintTopics.h"

namespace ss::ui {

class TopicTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Terms, Reviews, Share, Products, ColumnCount };

    explicit TopicTableModel(QObject* parent = nullptr);
    void setReport(sentiment::TopicReport report);
    const sentiment::TopicReport& report() const { return report_; }
    const sentiment::Topic* topic(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    sentiment::TopicReport report_;
};

}  // namespace ss::ui
