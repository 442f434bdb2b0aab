#include "rec/Hybrid.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace ss::rec {
namespace {

void standardize(float* row, std::size_t n) {
    double sum = 0, sum2 = 0;
    for (std::size_t i = 0; i < n; ++i) sum += row[i], sum2 += double(row[i]) * row[i];
    const double mean = sum / double(n);
    const double sd = std::sqrt(std::max(0.0, sum2 / double(n) - mean * mean));
    const double scale = sd > 0 ? 1.0 / sd : 0.0;
    for (std::size_t i = 0; i < n; ++i) row[i] = static_cast<float>((row[i] - mean) * scale);
}

}  // namespace

HybridRecommender::HybridRecommender(std::shared_ptr<Recommender> a, std::shared_ptr<Recommender> b, double weightA)
    : a_(std::move(a)), b_(std::move(b)), weight_(weightA) {}

boost::json::object HybridRecommender::parameters() const {
    return {{"a", a_->name()}, {"b", b_->name()}, {"weight_a", weight_}, {"a_parameters", a_->parameters()},
            {"b_parameters", b_->parameters()}, {"normalisation", "per-user z-score"}};
}

Status HybridRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) {
    if (a_->training() != train.get()) SS_TRY(a_->fit(train, fit, job));
    if (b_->training() != train.get()) SS_TRY(b_->fit(train, fit, job));
    train_ = std::move(train);
    return {};
}

void HybridRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const {
    const auto n = static_cast<std::size_t>(items());
    std::vector<float> other(users.size() * n);
    a_->scoreBlock(users, out);
    b_->scoreBlock(users, other.data());
    for (std::size_t r = 0; r < users.size(); ++r) {
        float* ra = out + r * n;
        float* rb = other.data() + r * n;
        const bool ca = a_->coversUser(users[r]), cb = b_->coversUser(users[r]);
        standardize(ra, n);
        standardize(rb, n);
        // A component that does not cover the user contributes nothing for them.
        const float wa = ca ? static_cast<float>(cb ? weight_ : 1.0) : 0.0f;
        const float wb = cb ? static_cast<float>(ca ? 1.0 - weight_ : 1.0) : 0.0f;
        for (std::size_t i = 0; i < n; ++i) ra[i] = wa * ra[i] + wb * rb[i];
    }
}

std::vector<Contribution> HybridRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    // Each component's terms scaled to its largest one, then weighted and merged per history item.
    std::map<std::int32_t, float> merged;
    auto add = [&](const Recommender& m, double w) {
        auto c = m.explain(user, item, n);
        float top = 0;
        for (const auto& x : c) top = std::max(top, std::fabs(x.value));
        if (top <= 0) return;
        for (const auto& x : c) merged[x.item] += static_cast<float>(w * x.value / top);
    };
    add(*a_, weight_);
    add(*b_, 1.0 - weight_);
    std::vector<Contribution> all;
    for (const auto& [i, v] : merged) all.push_back({i, v});
    return topContributions(std::move(all), n);
}

std::vector<std::string> HybridRecommender::explainTerms(std::int32_t user, std::int32_t item, std::size_t n) const {
    auto terms = a_->explainTerms(user, item, n);
    return terms.empty() ? b_->explainTerms(user, item, n) : terms;
}

TrainingReport HybridRecommender::trainingReport() const {
    return {.parts = {a_->trainingReport(), b_->trainingReport()}};
}

// The first part's items: the hybrid's own scores mix two scales and are no similarity.
SimilarItems HybridRecommender::similarItems(std::int32_t item, std::size_t n) const { return a_->similarItems(item, n); }

}  // namespace ss::rec
