#include "AudienceModel.h"

namespace ss::ui {

void AudienceModel::setRows(std::vector<AudienceRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

const AudienceRow* AudienceModel::row(int r) const { return r >= 0 && r < rowCount() ? &rows_[static_cast<std::size_t>(r)] : nullptr; }

int AudienceModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int AudienceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AudienceModel::data(const QModelIndex& index, int role) const {
    const AudienceRow* r = index.isValid() ? row(index.row()) : nullptr;
    if (!r || index.column() >= ColumnCount) return {};
    if (role == UserIndexRole) return r->user;
    if (role == Qt::TextAlignmentRole)
        return index.column() == Customer ? QVariant(Qt::AlignLeft | Qt::AlignVCenter) : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    switch (index.column()) {
    case Rank: return index.row() + 1;
    case Customer: return r->externalId;
    case Score: return role == Qt::EditRole ? QVariant(r->score) : QVariant(QString::number(r->score, 'f', 4));
    case History: return r->historyItems;
    }
    return {};
}

QVariant AudienceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Score) return tr("The model's score for the item: the customers it would show the item to first.");
    if (role == Qt::ToolTipRole && section == History) return tr("Items in the customer's history.");
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Rank: return tr("#");
    case Customer: return tr("Customer");
    case Score: return tr("Score");
    case History: return tr("History");
    }
    return {};
}

}  // namespace ss::ui
