// HybridRecommender: a weighted blend of two fitted-or-unfitted recommenders. Each component's scores are
// standardised per user over all items (z-scores), so the blend weight means the same whatever the
// scale: score = w · z_a + (1 − w) · z_b. Covers a user when either component does; scores cold items
// when either does. Components already fitted on the same training data are reused as they are.
#pragma once

#include <memory>

#include "rec/Recommender.h"

namespace ss::rec {

class HybridRecommender final : public Recommender {
public:
    HybridRecommender(std::shared_ptr<Recommender> a, std::shared_ptr<Recommender> b, double weightA = 0.5);
    std::string name() const override { return "hybrid"; }
    boost::json::object parameters() const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    std::vector<std::string> explainTerms(std::int32_t user, std::int32_t item, std::size_t n) const override;  // a part's that has words
    bool coversUser(std::int32_t user) const override { return a_->coversUser(user) || b_->coversUser(user); }
    bool scoresColdItems() const override { return a_->scoresColdItems() || b_->scoresColdItems(); }
    TrainingReport trainingReport() const override;

    const Recommender& first() const { return *a_; }
    const Recommender& second() const { return *b_; }

private:
    std::shared_ptr<Recommender> a_, b_;
    double weight_;
};

}  // namespace ss::rec
