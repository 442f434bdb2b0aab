#include "rec/Recommender.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "common/TopN.h"

namespace ss::rec {

std::vector<Contribution> Recommender::explain(std::int32_t, std::int32_t, std::size_t) const { return {}; }
std::vector<std::string> Recommender::explainTerms(std::int32_t, std::int32_t, std::size_t) const { return {}; }

bool Recommender::coversUser(std::int32_t user) const {
    return train_ && user >= 0 && user < train_->users() && train_->weights.rowSize(user) > 0;
}

std::vector<Contribution> topContributions(std::vector<Contribution> all, std::size_t n) {
    keepTopN(all, n, [](const Contribution& c) { return c.item; }, [](const Contribution& c) { return c.value; });
    return all;
}

std::vector<std::pair<std::int32_t, float>> cosineNeighbours(const DenseMatrix& vectors, std::int32_t item, std::size_t n) {
    std::vector<std::pair<std::int32_t, float>> out;
    if (item < 0 || item >= vectors.rows) return out;
    const float* a = vectors.row(item);
    const float na = std::sqrt(dot(a, a, vectors.cols));
    if (na == 0) return out;
    out.reserve(static_cast<std::size_t>(vectors.rows));
    for (int j = 0; j < vectors.rows; ++j) {
        if (j == item) continue;
        const float* b = vectors.row(j);
        const float nb = std::sqrt(dot(b, b, vectors.cols));
        if (nb == 0) continue;
        out.emplace_back(j, dot(a, b, vectors.cols) / (na * nb));
    }
    keepTopN(out, n);
    return out;
}

std::vector<std::pair<std::int32_t, float>> coOccurrenceNeighbours(const Interactions& train, std::int32_t item, std::size_t n) {
    std::vector<std::pair<std::int32_t, float>> out;
    const CsrMatrix byItem = train.weights.transposed();
    if (item < 0 || item >= byItem.rows || byItem.rowSize(item) == 0) return out;
    std::unordered_map<std::int32_t, int> common;
    for (std::int32_t u : byItem.rowIndices(item))
        for (std::int32_t j : train.weights.rowIndices(u))
            if (j != item) ++common[j];
    const double ni = double(byItem.rowSize(item));
    for (const auto& [j, c] : common) out.emplace_back(j, float(c / std::sqrt(ni * double(byItem.rowSize(j)))));
    keepTopN(out, n);
    return out;
}

SimilarItems Recommender::similarItems(std::int32_t item, std::size_t n) const {
    SimilarItems out;
    if (train_) out.items = coOccurrenceNeighbours(*train_, item, n);
    return out;
}

void Recommender::denseQueries(std::span<const std::int32_t>, float*) const {}

void Recommender::scoreDense(std::span<const std::int32_t> users, float* out) const {
    const DenseMatrix* items = denseItems();
    const int d = items->cols;
    std::vector<float> queries(users.size() * static_cast<std::size_t>(d));
    denseQueries(users, queries.data());
    gemmNT(queries.data(), items->data.data(), out, static_cast<int>(users.size()), items->rows, d);
}

bool Recommender::restoreState(std::shared_ptr<const Interactions>, std::span<const std::byte>) { return false; }

}  // namespace ss::rec
