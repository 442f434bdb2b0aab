// ContentRecommender: items are their text embeddings (the sentence encoder's vectors from the project's
// cache), a user is the recency-weighted mean of the items they interacted with,
//     u = Σ_i a_i v_i,   a_i = w(u,i) · 2^(−age_i / halfLife)   (age from the cut-off to the last event),
// and score(u, j) = cos(u, v_j). Items need no interactions, so cold-start items are scored.
// The explanation of j lists a_i · cos(v_i, v_j) / ‖u‖ per history item (the terms of the score).
#pragma once

#include <optional>

#include "rec/Dense.h"
#include "rec/DistinctRows.h"
#include "rec/ItemVectorTable.h"
#include "rec/Recommender.h"

namespace ss::rec {

struct ContentOptions {
    double halfLifeDays = 30.0;  // 0: no recency decay
};

class ContentRecommender final : public Recommender {
public:
    // itemVectors: a vector per dense item index (zero for items without text); normalised inside.
    ContentRecommender(const ItemVectorTable& itemVectors, ContentOptions options = {}, std::string model = {});
    std::string name() const override { return "content"; }
    boost::json::object parameters() const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    const DenseMatrix* denseItems() const override { return &vectors_; }
    const DistinctRows* denseDistinctRows() const override { return distinct_ ? &*distinct_ : nullptr; }
    void denseQueries(std::span<const std::int32_t> users, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    bool scoresColdItems() const override { return true; }

    const DenseMatrix& itemVectors() const { return vectors_; }
    // The (unnormalised) weighted mean vector of a user's history.
    std::vector<float> userVector(std::int32_t user) const;

private:
    std::vector<float> historyWeights(std::int32_t user) const;
    DenseMatrix vectors_;
    // Items with the very same vector (one title listed by many sellers; items without text) scored once
    // when at least a quarter of the items repeat another's vector.
    std::optional<DistinctRows> distinct_;
    ContentOptions options_;
    std::string model_;
    std::int64_t now_ = 0;
};

}  // namespace ss::rec
