// PopularityRecommender: every user gets the items with the largest summed training weight (behaviour
// weights), optionally counting only interactions in the last `windowDays` before the cut-off.
// Covers every user, so it is also the engine's fallback for users without history.
#pragma once

#include <optional>

#include "rec/Recommender.h"

namespace ss::rec {

struct PopularityOptions {
    std::optional<int> windowDays;  // none: all training time
};

class PopularityRecommender final : public Recommender {
public:
    explicit PopularityRecommender(PopularityOptions options = {}) : options_(options) {}
    std::string name() const override { return "popularity"; }
    boost::json::object parameters() const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    bool coversUser(std::int32_t) const override { return true; }
    bool sameForEveryUser() const override { return true; }
    const std::vector<float>& popularity() const { return popularity_; }

private:
    PopularityOptions options_;
    std::vector<float> popularity_;
};

}  // namespace ss::rec
