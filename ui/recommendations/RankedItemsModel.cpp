#include "RankedItemsModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include "ItemCardDelegate.h"

namespace ss::ui {

RankedItemsModel::RankedItemsModel(QObject* parent) : QAbstractTableModel(parent), scoreHeader_(tr("Score")) {}

void RankedItemsModel::setRows(std::vector<RankedItemRow> rows) {
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

const RankedItemRow* RankedItemsModel::row(int r) const {
    return r >= 0 && r < rowCount() ? &rows_[static_cast<std::size_t>(r)] : nullptr;
}

void RankedItemsModel::setScoreHeader(const QString& header, const QString& tooltip) {
    scoreHeader_ = header;
    scoreTooltip_ = tooltip;
    emit headerDataChanged(Qt::Horizontal, Score, Score);
}

int RankedItemsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int RankedItemsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant RankedItemsModel::data(const QModelIndex& index, int role) const {
    const RankedItemRow* r = index.isValid() ? row(index.row()) : nullptr;
    if (!r || index.column() >= ColumnCount) return {};
    const int column = index.column();
    switch (role) {
    case ItemCardDelegate::SubtitleRole: return ItemCardDelegate::facts(r->category, r->price, r->externalId);
    case ItemCardDelegate::NoteRole: return r->because;
    case ItemCardDelegate::NoteMutedRole: return r->fallback;
    case ItemIndexRole: return r->item;
    case ExternalIdRole: return r->externalId;
    case Qt::TextAlignmentRole:
        return column == Rank || column == Price || column == Score ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                                    : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        if (column == Score && r->adjusted > r->score) return QBrush(QColor(0x2e, 0x7d, 0x32));
        if (column == Score && r->adjusted < r->score) return QBrush(QColor(0xc6, 0x28, 0x28));
        if (column == Because && r->fallback) return QBrush(QColor(0x80, 0x80, 0x80));
        return {};
    case Qt::ToolTipRole:
        if (column == Because) return r->becauseDetail.isEmpty() ? r->because : r->becauseDetail;
        if (column == Score && r->adjusted != r->score)
            return tr("Model score %1; %2 by the boost/bury rules to %3.")
                .arg(r->score, 0, 'f', 4)
                .arg(r->adjusted > r->score ? tr("raised") : tr("lowered"))
                .arg(r->adjusted, 0, 'f', 4);
        if (column == Title || column == Item) {
            QString text = QStringLiteral("%1\n%2\n%3").arg(r->title, r->category, r->externalId);
            if (r->price) text += QStringLiteral("  ·  %1").arg(QLocale().toString(*r->price, 'f', 2));
            if (!r->because.isEmpty()) text += QStringLiteral("\n\n") + (r->becauseDetail.isEmpty() ? r->because : r->because + QStringLiteral("\n") + r->becauseDetail);
            return text;
        }
        return {};
    case Qt::EditRole:
    case Qt::DisplayRole:
        switch (column) {
        case Rank: return index.row() + 1;
        case Item: return r->externalId;
        case Title: return r->title.isEmpty() ? r->externalId : r->title;
        case Category: return r->category;
        case Price:
            if (!r->price) return {};
            return role == Qt::EditRole ? QVariant(*r->price) : QVariant(QLocale().toString(*r->price, 'f', 2));
        case Score:
            if (role == Qt::EditRole) return r->adjusted;
            // The model's own score; an arrow says a boost or bury rule moved the item.
            return QString::number(r->score, 'f', 4) + (r->adjusted > r->score ? QStringLiteral(" ↑") : r->adjusted < r->score ? QStringLiteral(" ↓") : QString());
        case Because: return r->because;
        }
        return {};
    default: return {};
    }
}

QVariant RankedItemsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::ToolTipRole && section == Score) return scoreTooltip_.isEmpty() ? QVariant() : QVariant(scoreTooltip_);
    if (role != Qt::DisplayRole) return {};
    switch (section) {
    case Rank: return tr("#");
    case Item: return tr("Item");
    case Title: return tr("Title");
    case Category: return tr("Category");
    case Price: return tr("Price");
    case Score: return scoreHeader_;
    case Because: return tr("Because");
    }
    return {};
}

}  // namespace ss::ui
