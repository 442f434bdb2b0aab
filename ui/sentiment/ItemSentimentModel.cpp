#include "ItemSentimentModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include <cmath>

#include "SentimentText.h"
#include "Text.h"

namespace ss::ui {

ItemSentimentModel::ItemSentimentModel(QObject* parent) : QAbstractTableModel(parent) {}

void ItemSentimentModel::setItems(std::vector<sentiment::ItemSentiment> items) {
    beginResetModel();
    items_ = std::move(items);
    endResetModel();
}

int ItemSentimentModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(items_.size()); }
int ItemSentimentModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ItemSentimentModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& item = items_[static_cast<std::size_t>(index.row())];
    const auto& t = item.tally;
    auto number = [](double v) { return std::isfinite(v) ? QVariant(v) : QVariant(-1.0); };
    if (role == SortRole) {
        switch (index.column()) {
        case Product: return qs(item.externalId);
        case Title: return qs(item.title);
        case Category: return qs(item.category);
        case Reviews: return static_cast<qlonglong>(t.labelled());
        case ShareNegative: return number(t.shareNegative());
        case Mean: return number(t.mean());
        case RecentNegative: return number(item.recent.shareNegative());
        case Predicted: return static_cast<qlonglong>(t.predicted);
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Product: return qs(item.externalId);
        case Title: return qs(item.title);
        case Category: return qs(item.category);
        case Reviews: return QLocale().toString(static_cast<qlonglong>(t.labelled()));
        case ShareNegative: return SentimentText::percent(t.shareNegative());
        case Mean: return std::isfinite(t.mean()) ? QLocale().toString(t.mean(), 'f', 2) : QStringLiteral("–");
        case RecentNegative: return item.recent.labelled() ? SentimentText::percent(item.recent.shareNegative()) : QStringLiteral("–");
        case Predicted: return QLocale().toString(static_cast<qlonglong>(t.predicted));
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Reviews) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && index.column() == ShareNegative && std::isfinite(t.shareNegative()))
        return QBrush(QColor::fromHsvF(0.0, std::min(1.0, t.shareNegative()) * 0.55, 1.0));
    if (role == Qt::ForegroundRole && index.column() == ShareNegative && std::isfinite(t.shareNegative())) return QBrush(Qt::black);
    if (role == Qt::ToolTipRole && index.column() == RecentNegative)
        return tr("%1 labelled reviews in the last 90 days of the project's reviews").arg(item.recent.labelled());
    if (role == Qt::ToolTipRole && index.column() == Predicted)
        return tr("Reviews without stars (or label) whose sentiment the classifier predicted");
    return {};
}

QVariant ItemSentimentModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Product: return tr("Product");
    case Title: return tr("Title");
    case Category: return tr("Category");
    case Reviews: return tr("Reviews");
    case ShareNegative: return tr("Negative");
    case Mean: return tr("Mean (−1…1)");
    case RecentNegative: return tr("Negative, last 90 days");
    case Predicted: return tr("Predicted");
    }
    return {};
}

}  // namespace ss::ui
