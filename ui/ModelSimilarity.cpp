#include "ModelSimilarity.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "rec/Als.h"
#include "rec/Content.h"
#include "rec/Hybrid.h"
#include "rec/ItemKnn.h"
#include "rec/TwoTower.h"

namespace ss::ui {
namespace {

void keepBest(std::vector<std::pair<std::int32_t, float>>& all, std::size_t n) {
    auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
    if (all.size() > n) {
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
        all.resize(n);
    } else {
        std::sort(all.begin(), all.end(), better);
    }
}

}  // namespace

ModelSimilarity::Neighbours ModelSimilarity::cosine(const rec::DenseMatrix& vectors, std::int32_t item, std::size_t n) {
    Neighbours out;
    if (item < 0 || item >= vectors.rows) return out;
    const float* a = vectors.row(item);
    const float na = std::sqrt(rec::dot(a, a, vectors.cols));
    if (na == 0) return out;
    out.items.reserve(static_cast<std::size_t>(vectors.rows));
    for (int j = 0; j < vectors.rows; ++j) {
        if (j == item) continue;
        const float* b = vectors.row(j);
        const float nb = std::sqrt(rec::dot(b, b, vectors.cols));
        if (nb == 0) continue;
        out.items.emplace_back(j, rec::dot(a, b, vectors.cols) / (na * nb));
    }
    keepBest(out.items, n);
    return out;
}

ModelSimilarity::Neighbours ModelSimilarity::coOccurrence(const rec::Interactions& train, std::int32_t item, std::size_t n) {
    Neighbours out;
    out.measure = tr("Co-occurrence cosine (customers in common)");
    const rec::CsrMatrix byItem = train.weights.transposed();
    if (item < 0 || item >= byItem.rows || byItem.rowSize(item) == 0) return out;
    std::unordered_map<std::int32_t, int> common;
    for (std::int32_t u : byItem.rowIndices(item))
        for (std::int32_t j : train.weights.rowIndices(u))
            if (j != item) ++common[j];
    const double ni = double(byItem.rowSize(item));
    for (const auto& [j, c] : common) out.items.emplace_back(j, float(c / std::sqrt(ni * double(byItem.rowSize(j)))));
    keepBest(out.items, n);
    return out;
}

ModelSimilarity::Neighbours ModelSimilarity::similar(const rec::Recommender& model, const rec::ItemVectorSet* vectors, std::int32_t item,
                                                     std::size_t n) {
    if (const auto* knn = dynamic_cast<const rec::ItemKnnRecommender*>(&model)) {
        Neighbours out;
        out.measure = tr("Item-kNN similarity (shrunk cosine)");
        const auto& s = knn->similarities();
        if (item >= 0 && item < s.rows) {
            const auto idx = s.rowIndices(item);
            const auto val = s.rowValues(item);
            for (std::size_t q = 0; q < idx.size(); ++q)
                if (idx[q] != item) out.items.emplace_back(idx[q], val[q]);
        }
        keepBest(out.items, n);
        return out;
    }
    if (const auto* als = dynamic_cast<const rec::AlsRecommender*>(&model)) {
        auto out = cosine(als->itemFactors(), item, n);
        out.measure = tr("Cosine of ALS item factors");
        return out;
    }
    if (const auto* tower = dynamic_cast<const rec::TwoTowerRecommender*>(&model)) {
        auto out = cosine(tower->itemFactors(), item, n);
        out.measure = tr("Cosine of two-tower item embeddings");
        return out;
    }
    if (const auto* content = dynamic_cast<const rec::ContentRecommender*>(&model)) {
        auto out = cosine(content->itemVectors(), item, n);
        out.measure = tr("Cosine of item text vectors");
        return out;
    }
    if (const auto* hybrid = dynamic_cast<const rec::HybridRecommender*>(&model)) return similar(hybrid->first(), vectors, item, n);
    if (vectors && !vectors->vectors.empty()) {
        auto out = cosine(vectors->vectors, item, n);
        out.measure = tr("Cosine of item text vectors");
        return out;
    }
    if (const auto* train = model.training()) return coOccurrence(*train, item, n);
    return {};
}

}  // namespace ss::ui
