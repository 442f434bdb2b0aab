// AudienceModel: who a model would show an item to first — customers ranked by the model's score
// for the item, with the size of their history. Filled from the session's audience() job.
// GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace ss::ui {

struct AudienceRow {
    std::int32_t user = -1;  // dense index in the session's dataset
    QString externalId;
    double score = 0;
    int historyItems = 0;
};

class AudienceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Customer, Score, History, ColumnCount };
    enum Role { UserIndexRole = Qt::UserRole + 1 };
    explicit AudienceModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setRows(std::vector<AudienceRow> rows);
    const AudienceRow* row(int r) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<AudienceRow> rows_;
};

}  // namespace ss::ui
