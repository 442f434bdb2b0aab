// TrainingReport: what a recommender's training left worth keeping — the device it ran on, the
// two-tower's loss curves and best epoch, ALS's objective and time per iteration, a hybrid's two
// parts. The typed form of a run's `training` object in `evaluate --json` and in the runs table; one
// toJson/fromJson (fromJson tolerates missing fields). Plain value type, any thread.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ss::rec {

struct TrainingReport {
    std::string device;                        // "cpu", "cuda:0", ...; empty when the model does not say
    // Epoch-trained models (two-tower): loss per epoch on the training and validation examples.
    std::vector<double> trainLoss, validationLoss;
    // With ranking-based stopping: mean NDCG@10 of the held-out customers per epoch (it chose the best).
    std::vector<double> validationNdcg;
    std::optional<int> epochs, bestEpoch;      // bestEpoch: the epoch whose weights are kept
    std::optional<std::int64_t> examples, validationExamples, rankingCustomers;
    std::optional<double> seconds;
    // Iterative solvers (ALS): the objective and seconds per iteration.
    std::vector<double> iterationLoss, secondsPerIteration;
    // A hybrid's parts, in order ("a", then "b").
    std::vector<TrainingReport> parts;

    bool empty() const;
    // This report or the first part with a validation curve (a two-tower alone or inside a hybrid).
    const TrainingReport* lossCurves() const;

    // Two-tower: {"train_loss", "validation_loss", "validation_ndcg", "best_epoch", "epochs", "examples",
    // "validation_examples", "ranking_customers", "device", "seconds"}; ALS: {"seconds_per_iteration", "device", "loss"};
    // item-kNN: {"device"}; a hybrid: {"a": {...}, "b": {...}}; others {}.
    boost::json::object toJson() const;
    static TrainingReport fromJson(const boost::json::value& json);
    bool operator==(const TrainingReport&) const = default;
};

}  // namespace ss::rec
