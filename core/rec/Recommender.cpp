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

void Recommender::scoreItem(std::span<const std::int32_t> users, std::int32_t item, float* out) const {
    if (users.empty()) return;
    const int n = items();
    if (const DenseMatrix* dense = denseItems(); dense && dense->rows == n && dense->cols > 0) {
        constexpr std::size_t kBlock = 4096;  // query rows at a time (1 MiB at 64 dimensions)
        std::vector<float> queries;
        for (std::size_t b = 0; b < users.size(); b += kBlock) {
            const auto part = users.subspan(b, std::min(kBlock, users.size() - b));
            queries.resize(part.size() * static_cast<std::size_t>(dense->cols));
            denseQueries(part, queries.data());
            gemmNT(queries.data(), dense->row(item), out + b, static_cast<int>(part.size()), 1, dense->cols);
        }
        return;
    }
    std::vector<float> rows;
    if (sameForEveryUser()) {
        rows.resize(static_cast<std::size_t>(n));
        scoreBlock(users.first(1), rows.data());
        std::fill(out, out + users.size(), rows[static_cast<std::size_t>(item)]);
        return;
    }
    const std::size_t block = std::clamp<std::size_t>(4'000'000 / std::max(1, n), 1, 1024);
    for (std::size_t b = 0; b < users.size(); b += block) {
        const auto part = users.subspan(b, std::min(block, users.size() - b));
        rows.resize(part.size() * static_cast<std::size_t>(n));
        scoreBlock(part, rows.data());
        for (std::size_t r = 0; r < part.size(); ++r) out[b + r] = rows[r * static_cast<std::size_t>(n) + static_cast<std::size_t>(item)];
    }
}

bool Recommender::restoreState(std::shared_ptr<const Interactions>, std::span<const std::byte>) { return false; }

}  // namespace ss::rec
