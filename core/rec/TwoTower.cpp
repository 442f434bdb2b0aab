#include "rec/TwoTower.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "common/JobStages.h"
#include "rec/ModelState.h"

#ifdef SS_REC_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif

namespace ss::rec {

TwoTowerRecommender::TwoTowerRecommender(std::shared_ptr<const ItemVectorTable> itemVectors, TwoTowerOptions options, std::string encoderModel)
    : vectors_(std::move(itemVectors)), options_(std::move(options)), encoder_(std::move(encoderModel)) {}

bool TwoTowerRecommender::available() {
#ifdef SS_REC_WITH_TORCH
    return true;
#else
    return false;
#endif
}

boost::json::object TwoTowerRecommender::parameters() const {
    boost::json::object o{{"dim", options_.dim},
                          {"hidden", options_.hidden},
                          {"pooling", options_.attention ? "attention" : "mean"},
                          {"id_embedding", options_.idEmbedding},
                          {"shared_tower", options_.sharedTower},
                          {"negatives", options_.negatives},
                          {"negative_pool", options_.negativePool},
                          {"batch_size", options_.batchSize},
                          {"max_epochs", options_.maxEpochs},
                          {"patience", options_.patience},
                          {"early_stopping", options_.earlyStopping},
                          {"learning_rate", options_.learningRate},
                          {"weight_decay", options_.weightDecay},
                          {"validation_fraction", options_.validationFraction},
                          {"history_length", options_.historyLength},
                          {"examples_per_epoch", options_.examplesPerEpoch},
                          {"device", options_.device},
                          {"popularity_negatives", options_.popularityNegatives},
                          {"negative_sampling", "from the training catalog: uniform, with the popularity_negatives share drawn by popularity^0.75"},
                          {"loss", "sigmoid + binary cross-entropy over sampled negatives"},
                          {"optimizer", "AdamW"}};
    if (!encoder_.empty()) o["encoder"] = encoder_;
    return o;
}

Status TwoTowerRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) {
#ifndef SS_REC_WITH_TORCH
    (void)train, (void)fit, (void)job;
    return makeError(ErrorCode::Unsupported, "this build of ShelfSense has no LibTorch: the two-tower model is not available");
#else
    if (vectors_->items() != train->items())
        return makeError(ErrorCode::Internal, "item vectors cover " + std::to_string(vectors_->items()) + " items, the data has " +
                                                  std::to_string(train->items()));
    const auto start = std::chrono::steady_clock::now();
    train_ = std::move(train);
    seed_ = fit.seed;
    torchkernels::TwoTowerInput input;
    input.items = vectors_->items();
    input.inputDim = vectors_->cols();
    input.seenItem.assign(static_cast<std::size_t>(input.items), 0);
    input.itemUsers.assign(static_cast<std::size_t>(input.items), 0.0f);
    for (auto i : train_->weights.indices) input.seenItem[i] = 1, input.itemUsers[i] += 1.0f;
    // Sized once: each customer's history is their training pairs (63 million at 100M events).
    input.history.reserve(train_->weights.indices.size());
    input.historyOffset.reserve(static_cast<std::size_t>(train_->users()) + 1);
    input.historyOffset.push_back(0);
    for (int u = 0; u < train_->users(); ++u) {
        const auto h = train_->historyByTime(u);
        input.history.insert(input.history.end(), h.begin(), h.end());
        input.historyOffset.push_back(static_cast<std::int64_t>(input.history.size()));
    }
    // Listings that share a text share a vector: without id embeddings, and when at least a quarter
    // of the items repeat another's vector, the trainer works per distinct vector (its gathers read a
    // smaller table, and its ranking scores each row once); otherwise it reads a row per item.
    const bool byRow = !options_.idEmbedding && vectors_->repeatedShare() >= 0.25;
    const DistinctRows& inputRows = vectors_->distinct();
    DenseMatrix perItem;
    if (byRow) {
        input.rowVectors = inputRows.rows.data.data();
        input.rows = inputRows.rows.rows;
        input.rowOffsets = inputRows.offsets.data();
        input.rowItems = inputRows.items.data();
        input.itemRow.assign(vectors_->rowOfItem().begin(), vectors_->rowOfItem().end());
    } else {
        perItem = vectors_->expanded();
        input.itemVectors = perItem.data.data();
    }
    torchkernels::TwoTowerConfig c;
    c.dim = options_.dim;
    c.hidden = options_.hidden;
    c.attention = options_.attention;
    c.idEmbedding = options_.idEmbedding;
    c.sharedTower = options_.sharedTower;
    c.negatives = options_.negatives;
    c.negativePool = options_.negativePool;
    c.popularityNegatives = options_.popularityNegatives;
    c.batchSize = options_.batchSize;
    c.maxEpochs = options_.maxEpochs;
    c.patience = options_.patience;
    c.earlyStopping = options_.earlyStopping;
    c.learningRate = options_.learningRate;
    c.weightDecay = options_.weightDecay;
    c.validationFraction = options_.validationFraction;
    c.historyLength = options_.historyLength;
    c.examplesPerEpoch = options_.examplesPerEpoch;
    c.seed = fit.seed;
    c.device = options_.device;
    auto progress = [&](double fraction, const std::string&) { job.report(fraction, stages::kTwoTowerEpoch); };
    // Every epoch's losses reach the job's owner as a milestone (a point of the live loss curve).
    auto onEpoch = [&](int epoch, double trainLoss, double validationLoss, double validationNdcg) {
        JobProgress milestone{double(epoch) / double(std::max(1, options_.maxEpochs)),
                              stages::kTwoTowerEpoch,
                              {},
                              {{stages::kValueEpoch, double(epoch)}, {stages::kValueTrainLoss, trainLoss}, {stages::kValueValidationLoss, validationLoss}},
                              true};
        if (!std::isnan(validationNdcg)) milestone.values.emplace_back(stages::kValueValidationNdcg, validationNdcg);
        job.report(milestone);
    };
    auto outcome = torchkernels::trainTwoTower(input, c, [&job] { return job.cancelled(); }, progress, onEpoch);
    if (outcome.cancelled) return makeError(ErrorCode::Cancelled, "two-tower training cancelled");
    if (!outcome.error.empty()) return makeError(ErrorCode::Internal, outcome.error, "two-tower training");
    perItem = DenseMatrix();  // the trainer's table is spent: freed before the factors take room
    x_ = DenseMatrix::adopt(train_->users(), outcome.dim, std::move(outcome.userFactors));
    y_ = DenseMatrix::adopt(train_->items(), outcome.dim, std::move(outcome.itemFactors));
    if (byRow) {
        // Without id embeddings an item's output is its input row's output: the input's grouping is
        // the factors' grouping, with no second pass hashing the factors.
        DistinctRows outputs{DenseMatrix(inputRows.rows.rows, outcome.dim), inputRows.offsets, inputRows.items};
        for (int r = 0; r < outputs.rows.rows; ++r) {
            const float* from = y_.row(outputs.itemsOf(r).front());
            std::copy(from, from + outcome.dim, outputs.rows.row(r));
        }
        distinct_ = std::move(outputs);
    } else {
        distinct_ = DistinctRows::of(y_, 0.25);
    }
    trainLoss_ = std::move(outcome.trainLoss);
    validationLoss_ = std::move(outcome.validationLoss);
    validationNdcg_ = std::move(outcome.validationNdcg);
    rankingCustomers_ = outcome.rankingCustomers;
    bestEpoch_ = outcome.bestEpoch;
    epochs_ = outcome.epochs;
    examples_ = outcome.examples;
    validationExamples_ = outcome.validationExamples;
    device_ = outcome.device;
    seconds_ = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return {};
#endif
}

void TwoTowerRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const { scoreDense(users, out); }

void TwoTowerRecommender::denseQueries(std::span<const std::int32_t> users, float* out) const { gatherRows(x_, users, out); }

std::vector<Contribution> TwoTowerRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    // The towers are not additive over history items; the closest thing is how near each history item
    // lies to the recommendation in the model's own item space (cosine of item-tower outputs).
    const int f = y_.cols;
    const float* yj = y_.row(item);
    const double nj = std::sqrt(double(dot(yj, yj, f)));
    std::vector<Contribution> all;
    for (auto i : train_->weights.rowIndices(user)) {
        const float* yi = y_.row(i);
        const double ni = std::sqrt(double(dot(yi, yi, f)));
        if (ni > 0 && nj > 0) all.push_back({i, static_cast<float>(dot(yi, yj, f) / (ni * nj))});
    }
    return topContributions(std::move(all), n);
}

std::vector<std::byte> TwoTowerRecommender::saveState() const {
    if (x_.empty()) return {};
    ModelState state(stateTag());
    state.write(x_);
    state.write(y_);
    // The curves travel along so a restored model still shows how it trained: losses, and the validation
    // ranking when it chose the epoch (a third row; a state of two rows predates it).
    DenseMatrix curves(validationNdcg_.empty() ? 2 : 3, static_cast<int>(trainLoss_.size()));
    for (std::size_t e = 0; e < trainLoss_.size(); ++e) {
        curves.row(0)[e] = static_cast<float>(trainLoss_[e]);
        curves.row(1)[e] = e < validationLoss_.size() ? static_cast<float>(validationLoss_[e]) : 0.0f;
        if (curves.rows == 3) curves.row(2)[e] = e < validationNdcg_.size() ? static_cast<float>(validationNdcg_[e]) : 0.0f;
    }
    state.write(curves);
    return state.bytes();
}

bool TwoTowerRecommender::restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> bytes) {
    ModelState state(stateTag(), bytes);
    DenseMatrix x, y, curves;
    if (!state.read(x) || !state.read(y) || !state.read(curves) || !state.atEnd()) return false;
    if (x.rows != train->users() || y.rows != train->items() || x.cols != y.cols || y.rows != vectors_->items() || (curves.rows != 2 && curves.rows != 3))
        return false;
    train_ = std::move(train);
    x_ = std::move(x);
    y_ = std::move(y);
    distinct_ = DistinctRows::of(y_, 0.25);
    trainLoss_.assign(curves.row(0), curves.row(0) + curves.cols);
    validationLoss_.assign(curves.row(1), curves.row(1) + curves.cols);
    if (curves.rows == 3) validationNdcg_.assign(curves.row(2), curves.row(2) + curves.cols);
    epochs_ = curves.cols;
    device_ = "cache";
    seconds_ = 0;
    return true;
}

TrainingReport TwoTowerRecommender::trainingReport() const {
    return {.device = device_,
            .trainLoss = trainLoss_,
            .validationLoss = validationLoss_,
            .validationNdcg = validationNdcg_,
            .epochs = epochs_,
            .bestEpoch = bestEpoch_,
            .examples = examples_,
            .validationExamples = validationExamples_,
            .rankingCustomers = rankingCustomers_ > 0 ? std::optional<std::int64_t>(rankingCustomers_) : std::nullopt,
            .seconds = seconds_};
}

SimilarItems TwoTowerRecommender::similarItems(std::int32_t item, std::size_t n) const {
    return {SimilarityMeasure::TwoTowerEmbeddings, cosineNeighbours(y_, item, n)};
}

}  // namespace ss::rec
