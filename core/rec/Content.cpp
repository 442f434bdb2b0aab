#include "rec/Content.h"

#include <cmath>

namespace ss::rec {

ContentRecommender::ContentRecommender(const ItemVectorTable& itemVectors, ContentOptions options, std::string model)
    : options_(options), model_(std::move(model)) {
    // The table's distinct rows normalised, then grouped again: v and 2·v are one direction.
    DenseMatrix unit = itemVectors.distinct().rows;
    normalizeRows(unit);
    auto groups = DistinctRows::of(unit, 0.0);
    const std::vector<std::int32_t> groupOfRow = groups->rowOfEachItem();  // the table's rows are its "items"
    unit = DenseMatrix();
    std::vector<std::int32_t> groupOfItem(static_cast<std::size_t>(itemVectors.items()));
    for (int i = 0; i < itemVectors.items(); ++i) groupOfItem[static_cast<std::size_t>(i)] = groupOfRow[static_cast<std::size_t>(itemVectors.rowOf(i))];
    ItemVectorTable normalised(std::move(groups->rows), std::move(groupOfItem));
    vectors_ = normalised.expanded();
    if (normalised.repeatedShare() >= 0.25) distinct_ = std::move(normalised).releaseDistinct();
}

boost::json::object ContentRecommender::parameters() const {
    boost::json::object o{{"half_life_days", options_.halfLifeDays}, {"dim", vectors_.cols}};
    if (!model_.empty()) o["encoder"] = model_;
    return o;
}

Status ContentRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext&) {
    if (vectors_.rows != train->items())
        return makeError(ErrorCode::Internal, "content vectors cover " + std::to_string(vectors_.rows) + " items, the data has " +
                                                  std::to_string(train->items()));
    train_ = std::move(train);
    now_ = fit.now;
    return {};
}

std::vector<float> ContentRecommender::historyWeights(std::int32_t user) const {
    return train_->recencyWeights(user, now_, options_.halfLifeDays);
}

std::vector<float> ContentRecommender::userVector(std::int32_t user) const {
    const int d = vectors_.cols;
    std::vector<float> u(static_cast<std::size_t>(d), 0.0f);
    const auto items = train_->weights.rowIndices(user);
    const auto a = historyWeights(user);
    for (std::size_t h = 0; h < items.size(); ++h) {
        const float* v = vectors_.row(items[h]);
        for (int k = 0; k < d; ++k) u[k] += a[h] * v[k];
    }
    return u;
}

void ContentRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const { scoreDense(users, out); }

void ContentRecommender::denseQueries(std::span<const std::int32_t> users, float* out) const {
    const int d = vectors_.cols;
    DenseMatrix block(static_cast<int>(users.size()), d);
    for (std::size_t r = 0; r < users.size(); ++r) {
        const auto u = userVector(users[r]);
        std::copy(u.begin(), u.end(), block.row(static_cast<int>(r)));
    }
    normalizeRows(block);
    std::copy(block.data.begin(), block.data.end(), out);
}

std::vector<Contribution> ContentRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    const int d = vectors_.cols;
    const auto u = userVector(user);
    const double norm = std::sqrt(double(dot(u.data(), u.data(), d)));
    if (norm <= 0) return {};
    const auto items = train_->weights.rowIndices(user);
    const auto a = historyWeights(user);
    std::vector<Contribution> all;
    for (std::size_t h = 0; h < items.size(); ++h)
        all.push_back({items[h], static_cast<float>(a[h] * dot(vectors_.row(items[h]), vectors_.row(item), d) / norm)});
    return topContributions(std::move(all), n);
}

SimilarItems ContentRecommender::similarItems(std::int32_t item, std::size_t n) const {
    return {SimilarityMeasure::TextVectors, cosineNeighbours(vectors_, item, n)};
}

}  // namespace ss::rec
