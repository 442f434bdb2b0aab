#include "rec/ImportedAls.h"

#include "common/TimeUtil.h"
#include "rec/Als.h"

namespace ss::rec {

boost::json::object ImportedAlsRecommender::parameters() const {
    const auto& f = *factors_;
    boost::json::object o{{"engine", f.engine},
                          {"factors", f.items.cols},
                          {"alpha", f.alpha},
                          {"regularization", f.regularization},
                          {"regularization_scaled_by_pairs", f.regularizationScaledByPairs},
                          {"weights", f.weights},
                          {"imported", f.imported}};
    if (f.trainedUntil) o["trained_until"] = *f.trainedUntil;
    return o;
}

Status ImportedAlsRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext&) {
    const auto& f = *factors_;
    if (f.users.rows != train->users() || f.items.rows != train->items())
        return makeError(ErrorCode::Internal, "the imported ALS factors were laid onto other data than this training");
    if (fit.evaluating) {
        // Factors trained on the held-out events would be scored on what they learnt from.
        if (!fit.heldOutFrom)
            return makeError(ErrorCode::Usage,
                             "imported ALS factors can be evaluated only on a temporal split: a leave-last or random split holds out "
                             "pairs from all through the data the factors were trained on");
        if (!f.trainedUntil)
            return makeError(ErrorCode::Usage,
                             "the imported ALS factors do not say when their training data ends (trained_until in model.json), so "
                             "an evaluation could count events they were trained on");
        if (*f.trainedUntil >= *fit.heldOutFrom)
            return makeError(ErrorCode::Usage, "the imported ALS factors were trained on events up to " + isoDateTime(*f.trainedUntil) +
                                                   ", at or after this evaluation's cut-off " + isoDateTime(*fit.heldOutFrom) +
                                                   ": they have seen the test period. Train them on the events before the cut-off "
                                                   "(spark-submit cluster/als.py --before " + std::to_string(*fit.heldOutFrom) +
                                                   ") and import them again");
    }
    train_ = std::move(train);
    confidence_ = train_->weights;
    for (auto& v : confidence_.values) v = static_cast<float>(1.0 + f.alpha * v);
    yty_ = AlsRecommender::gramian(f.items);
    return {};
}

void ImportedAlsRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const { scoreDense(users, out); }

const DenseMatrix* ImportedAlsRecommender::denseItems() const { return factors_ ? &factors_->items : nullptr; }

void ImportedAlsRecommender::denseQueries(std::span<const std::int32_t> users, float* out) const { gatherRows(factors_->users, users, out); }

std::vector<Contribution> ImportedAlsRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    const auto& f = *factors_;
    if (!coversUser(user)) return {};
    const double pairs = f.regularizationScaledByPairs ? static_cast<double>(confidence_.rowSize(user)) : 1.0;
    return AlsRecommender::explainByHistory(f.items, yty_, confidence_.rowIndices(user), confidence_.rowValues(user), item,
                                            f.regularization * pairs, n);
}

SimilarItems ImportedAlsRecommender::similarItems(std::int32_t item, std::size_t n) const {
    return {SimilarityMeasure::AlsFactors, cosineNeighbours(factors_->items, item, n)};
}

bool ImportedAlsRecommender::coversUser(std::int32_t user) const {
    return Recommender::coversUser(user) && factors_->userKnown[static_cast<std::size_t>(user)] != 0;
}

}  // namespace ss::rec
