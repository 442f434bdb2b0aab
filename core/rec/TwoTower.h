// TwoTowerRecommender: the seed design's neural model, trained with LibTorch.
//   item tower  frozen BERT item vector → MLP (→ + optional learned id embedding)        → R^dim
//   user tower  mean (or attention with a learned query) over the item vectors of the
//               user's most recent history items (or, shared, over their item-tower
//               outputs, id embedding included) → MLP                                  → R^dim
//   score       u · i; training minimises sigmoid + binary cross-entropy over observed next items
//               (each training interaction, predicted from the user's earlier items) and `negatives`
//               uniformly sampled items per positive; AdamW; early stopping on the validation loss of
//               a held-out share of users (the best epoch's weights are kept); every epoch's losses are
//               recorded. Seeded: the same seed, data and threads give the same factors.
// Scoring uses the towers' outputs as factors (the engine's batched product). Cold items have text, so
// they get scores. Trains on CUDA when present ("auto", the default), else on the CPU; "cpu"/"cuda" force.
// Without LibTorch in the build, fit() fails with Unsupported.
#pragma once

#include <functional>
#include <optional>

#include "rec/Dense.h"
#include "rec/ItemVectorTable.h"
#include "rec/Recommender.h"

namespace ss::rec {

struct TwoTowerOptions {
    int dim = 64;
    int hidden = 256;
    bool attention = false;
    bool idEmbedding = false;
    bool sharedTower = false;  // the user tower pools the item tower's outputs of the history items
    int negatives = 4;
    // Each batch draws this many negatives and every positive picks its `negatives` from them: each
    // negative is still a uniform (or popularity) draw, so the loss is the same in expectation, while
    // the item tower runs over at most batch + pool rows instead of batch × (1 + negatives).
    // 0: every positive's negatives drawn apart.
    int negativePool = 512;
    // Share of negatives drawn ∝ popularity^0.75 (the rest uniformly from the training catalog): more
    // of them means less learned popularity bias and a weaker popular head. Uniform by default: with
    // negatives drawn only from items that existed in training it is best overall and on new items.
    double popularityNegatives = 0.0;
    int batchSize = 512;
    int maxEpochs = 20;
    int patience = 2;
    // "ranking": the best epoch is the one whose held-out customers' later items rank best (NDCG@10 over
    // the whole catalogue, better only by more than a standard error; an epoch worse than the best by
    // more than two standard errors stops training at once); "loss": the lowest validation
    // loss; "auto": ranking when epochs are samples of the examples (a big shop: there the loss keeps
    // falling by fractions of a percent an epoch while the ranking stopped moving after the first),
    // loss over full passes (small shops, where it measured better).
    std::string earlyStopping = "auto";
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    double validationFraction = 0.1;
    int historyLength = 50;
    // Each epoch trains on a fresh seeded sample of this many examples (0: all of them). Every history
    // position is an example, so a shop of 100 million events has about 90 million: on a CPU one pass
    // would take over an hour, while a few million per epoch reach the same loss. Validation then uses
    // a fixed sample of a tenth as many.
    int examplesPerEpoch = 2'000'000;
    std::string device = "auto";  // CUDA when present
};

class TwoTowerRecommender final : public Recommender {
public:
    // itemVectors: a vector per dense item, read as they are and shared, not copied.
    TwoTowerRecommender(std::shared_ptr<const ItemVectorTable> itemVectors, TwoTowerOptions options = {}, std::string encoderModel = {});
    std::string name() const override { return "twotower"; }
    boost::json::object parameters() const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    const DenseMatrix* denseItems() const override { return &y_; }
    // Items with the same text vector get the same item-tower output (without id embeddings): scored once.
    const DistinctRows* denseDistinctRows() const override { return distinct_ ? &*distinct_ : nullptr; }
    void denseQueries(std::span<const std::int32_t> users, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    bool scoresColdItems() const override { return true; }
    TrainingReport trainingReport() const override;
    // Version 2: negatives from the training catalog only.
    std::string stateTag() const override { return "twotower/2"; }
    std::vector<std::byte> saveState() const override;
    bool restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> state) override;

    const DenseMatrix& userFactors() const { return x_; }
    const DenseMatrix& itemFactors() const { return y_; }
    const std::vector<double>& trainLoss() const { return trainLoss_; }
    const std::vector<double>& validationLoss() const { return validationLoss_; }
    const std::vector<double>& validationNdcg() const { return validationNdcg_; }
    static bool available();  // built with LibTorch

private:
    std::shared_ptr<const ItemVectorTable> vectors_;
    TwoTowerOptions options_;
    std::string encoder_;
    DenseMatrix x_, y_;
    std::optional<DistinctRows> distinct_;
    std::vector<double> trainLoss_, validationLoss_, validationNdcg_;
    int bestEpoch_ = 0, epochs_ = 0;
    std::int64_t examples_ = 0, validationExamples_ = 0, rankingCustomers_ = 0;
    std::string device_;
    double seconds_ = 0;
    std::uint64_t seed_ = 0;
};

}  // namespace ss::rec
