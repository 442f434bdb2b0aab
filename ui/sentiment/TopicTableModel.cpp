#include "TopicTableModel.h"

#include <QLocale>
#include <QStringList>

#include "SentimentText.h"
#include "Text.h"

namespace ss::ui {

TopicTableModel::TopicTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void TopicTableModel::setReport(sentiment::TopicReport report) {
    beginResetModel();
    report_ = std::move(report);
    endResetModel();
}

const sentiment::Topic* TopicTableModel::topic(int row) const {
    return row >= 0 && row < rowCount() ? &report_.topics[static_cast<std::size_t>(row)] : nullptr;
}

int TopicTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(report_.topics.size()); }
int TopicTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant TopicTableModel::data(const QModelIndex& index, int role) const {
    const auto* t = topic(index.row());
    if (!index.isValid() || !t) return {};
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Terms: {
            QStringList terms;
            for (const auto& term : t->terms) terms << qs(term);
            return terms.join(QStringLiteral(", "));
        }
        case Reviews: return QLocale().toString(t->size);
        case Share: return SentimentText::percent(report_.reviews ? static_cast<double>(t->size) / static_cast<double>(report_.reviews) : NAN);
        case Products: {
            QStringList products;
            for (const auto& [item, count] : t->items) products << tr("%1 (%2)").arg(qs(item)).arg(count);
            return products.join(QStringLiteral(", "));
        }
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Terms && !t->snippets.empty()) return qs(t->snippets.front().text);
    if (role == Qt::TextAlignmentRole && (index.column() == Reviews || index.column() == Share)) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant TopicTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Terms: return tr("What the reviews say");
    case Reviews: return tr("Reviews");
    case Share: return tr("Share");
    case Products: return tr("Most concerned products");
    }
    return {};
}

}  // namespace ss::ui
