#include "rec/Popularity.h"

#include <algorithm>
#include <limits>

namespace ss::rec {

boost::json::object PopularityRecommender::parameters() const {
    boost::json::object o;
    if (options_.windowDays) o["window_days"] = *options_.windowDays;
    else o["window_days"] = nullptr;
    return o;
}

Status PopularityRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext&) {
    train_ = std::move(train);
    popularity_.assign(static_cast<std::size_t>(train_->items()), 0.0f);
    const auto& w = train_->weights;
    const std::int64_t since = options_.windowDays ? fit.now - std::int64_t(*options_.windowDays) * 86400 : std::numeric_limits<std::int64_t>::min();
    for (std::size_t p = 0; p < w.nnz(); ++p)
        if (train_->lastTime[p] >= since) popularity_[w.indices[p]] += w.values[p];
    return {};
}

void PopularityRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const {
    for (std::size_t r = 0; r < users.size(); ++r) std::copy(popularity_.begin(), popularity_.end(), out + r * popularity_.size());
}

}  // namespace ss::rec
