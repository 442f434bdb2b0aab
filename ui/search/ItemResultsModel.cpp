#include "ItemResultsModel.h"

#include <QLocale>

#include "Text.h"

namespace ss::ui {

void ItemResultsModel::setHits(std::vector<ItemHit> hits, ScoreKind kind) {
    beginResetModel();
    hits_ = std::move(hits);
    kind_ = kind;
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, Score, Score);
}

QString ItemResultsModel::foundBy(const ItemHit& hit) const {
    if (hit.lexicalRank && hit.semanticRank) return tr("words and meaning");
    if (hit.lexicalRank) return tr("words");
    if (hit.semanticRank) return tr("meaning");
    return {};
}

const ItemHit* ItemResultsModel::hit(int row) const {
    return row >= 0 && row < rowCount() ? &hits_[static_cast<std::size_t>(row)] : nullptr;
}

int ItemResultsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(hits_.size()); }
int ItemResultsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ItemResultsModel::data(const QModelIndex& index, int role) const {
    const ItemHit* h = index.isValid() ? hit(index.row()) : nullptr;
    if (!h || index.column() >= ColumnCount) return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Price || index.column() == Score || index.column() == Rank
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Score)
        return kind_ == ScoreKind::Similarity
                   ? tr("Cosine similarity between the sentence vectors (1 = same meaning).")
                   : tr("Fused rank score: 1 = first by its words and first by its meaning (reciprocal rank fusion).");
    if (role == Qt::ToolTipRole && index.column() == FoundBy) {
        QStringList parts;
        if (h->lexicalRank)
            parts << (h->bm25 ? tr("#%1 by its words (BM25 %2)").arg(h->lexicalRank).arg(*h->bm25, 0, 'f', 2)
                              : tr("#%1 by its words (a short term found in its text)").arg(h->lexicalRank));
        if (h->semanticRank) parts << tr("#%1 by its meaning (cosine %2)").arg(h->semanticRank).arg(double(h->cosine.value_or(0)), 0, 'f', 3);
        return parts.isEmpty() ? QVariant() : QVariant(parts.join(QLatin1Char('\n')));
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    switch (index.column()) {
    case Rank: return index.row() + 1;
    case Item: return qs(h->item.externalId);
    case Title: return qs(h->item.title);
    case Category: return qs(h->item.category);
    case Price: return h->item.price ? QVariant(QLocale().toString(*h->item.price, 'f', 2)) : QVariant();
    case Score: return role == Qt::EditRole ? QVariant(double(h->score)) : QVariant(QString::number(h->score, 'f', 4));
    case FoundBy: return foundBy(*h);
    }
    return {};
}

QVariant ItemResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Rank: return tr("#");
    case Item: return tr("Item");
    case Title: return tr("Title");
    case Category: return tr("Category");
    case Price: return tr("Price");
    case Score: return kind_ == ScoreKind::Similarity ? tr("Similarity") : tr("Relevance");
    case FoundBy: return tr("Found by");
    }
    return {};
}

}  // namespace ss::ui
