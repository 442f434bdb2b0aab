#include "ConfusionMatrixModel.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

#include "SentimentText.h"

namespace ss::ui {

ConfusionMatrixModel::ConfusionMatrixModel(QObject* parent) : QAbstractTableModel(parent) {}

void ConfusionMatrixModel::setQuality(const sentiment::ClassifierQuality& quality, const sentiment::LabelScheme& scheme) {
    beginResetModel();
    confusion_ = quality.confusion;
    scheme_ = scheme;
    endResetModel();
}

int ConfusionMatrixModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(confusion_.size()); }
int ConfusionMatrixModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(confusion_.size()); }

QVariant ConfusionMatrixModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const auto& row = confusion_[static_cast<std::size_t>(index.row())];
    if (static_cast<std::size_t>(index.column()) >= row.size()) return {};
    const auto count = row[static_cast<std::size_t>(index.column())];
    std::int64_t total = 0;
    for (auto v : row) total += v;
    if (role == Qt::DisplayRole) return QLocale().toString(static_cast<qlonglong>(count));
    if (role == Qt::TextAlignmentRole) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::BackgroundRole && index.row() == index.column()) return QBrush(QColor(210, 235, 225));
    if (role == Qt::ToolTipRole)
        return tr("%1 of the %2 %3 reviews were labelled %4")
            .arg(SentimentText::percent(total ? static_cast<double>(count) / static_cast<double>(total) : NAN))
            .arg(total)
            .arg(SentimentText::sentiment(static_cast<int>(scheme_.sentimentOf(index.row()))),
                 SentimentText::sentiment(static_cast<int>(scheme_.sentimentOf(index.column()))));
    return {};
}

QVariant ConfusionMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole || section < 0 || section >= rowCount()) return QAbstractTableModel::headerData(section, orientation, role);
    const QString name = SentimentText::sentiment(static_cast<int>(scheme_.sentimentOf(section)));
    return orientation == Qt::Horizontal ? tr("labelled %1").arg(name) : tr("truly %1").arg(name);
}

}  // namespace ss::ui
