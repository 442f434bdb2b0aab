#include "HistoryModel.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

#include "BehaviourIcons.h"
#include "ItemCardDelegate.h"

namespace ss::ui {

void HistoryModel::setRows(std::vector<HistoryRow> rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const HistoryRow& a, const HistoryRow& b) { return a.time > b.time; });
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

const HistoryRow* HistoryModel::row(int r) const { return r >= 0 && r < rowCount() ? &rows_[static_cast<std::size_t>(r)] : nullptr; }

QString HistoryModel::stars(double rating) {
    const int full = std::clamp(static_cast<int>(std::lround(rating)), 0, 5);
    return QString(full, QChar(0x2605)) + QString(5 - full, QChar(0x2606));
}

int HistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int HistoryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    const HistoryRow* r = index.isValid() ? row(index.row()) : nullptr;
    if (!r || index.column() >= ColumnCount) return {};
    const int column = index.column();
    switch (role) {
    case ItemCardDelegate::SubtitleRole: return ItemCardDelegate::facts(r->category, r->price, r->externalId);
    case ItemCardDelegate::NoteRole:
        return r->rating ? QStringLiteral("%1  %2").arg(stars(*r->rating), r->reviewTitle) : QString();
    case ItemIndexRole: return r->item;
    case TimeRole: return static_cast<qint64>(r->time);
    case BehaviourRole: return static_cast<int>(r->type);
    case Qt::DecorationRole: return column == Behaviour ? QVariant(BehaviourIcons::icon(r->type)) : QVariant();
    case Qt::TextAlignmentRole: return column == Price ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == Review && r->rating)
            return tr("Rated %1 of 5: %2").arg(QLocale().toString(*r->rating, 'g', 2), r->reviewTitle);
        if (column == Title) return QStringLiteral("%1\n%2").arg(r->externalId, r->title);
        return {};
    case Qt::DisplayRole:
        switch (column) {
        case When: return QLocale().toString(QDateTime::fromSecsSinceEpoch(r->time, Qt::UTC), QStringLiteral("yyyy-MM-dd HH:mm"));
        case Behaviour: return BehaviourIcons::name(r->type);
        case Title: return r->title.isEmpty() ? r->externalId : r->title;
        case Category: return r->category;
        case Price: return r->price ? QVariant(QLocale().toString(*r->price, 'f', 2)) : QVariant();
        case Review: return r->rating ? QVariant(stars(*r->rating)) : QVariant();
        }
        return {};
    default: return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case When: return tr("When (UTC)");
    case Behaviour: return tr("Behaviour");
    case Title: return tr("Item");
    case Category: return tr("Category");
    case Price: return tr("Price");
    case Review: return tr("Review");
    }
    return {};
}

}  // namespace ss::ui
