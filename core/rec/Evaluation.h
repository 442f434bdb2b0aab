// Evaluation: trains several recommenders on one split and measures them the same way —
//   * full ranking over all items with training items removed (DESIGN §4), top-K through the engine,
//     users without training history served by popularity (recorded as "cold_user_fallback");
//   * ranking metrics under the named convention (core/eval), each with a seeded bootstrap 95% CI;
//   * beyond accuracy: catalogue coverage, novelty, intra-list diversity (cosine of item text vectors
//     when loaded), average popularity;
//   * slices: cold items (test positives on items without training interactions), warm items, cold
//     users, warm users, one per acquisition cohort (month of first event) and one per saved segment;
//   * pairwise comparisons per metric over the users both models are measured on: paired t-test and
//     Wilcoxon signed-rank p-values; `significant` when the t-test p < alpha; the same per model pair
//     on the cold-item and cold-user slices (new items and new customers are where models differ);
//   * every run stored in the project (runs + run_user_metrics) with parameters, seed, split, k,
//     dataset fingerprint, metrics and timings. The same seed and data give the same numbers.
// run() is a job: call it on a worker thread; it opens its own connections.
#pragma once

#include <boost/json/fwd.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "eval/MetricsReport.h"
#include "eval/Significance.h"
#include "rec/Factory.h"
#include "rec/ItemVectors.h"
#include "rec/Rules.h"
#include "rec/Split.h"
#include "rec/TrainingReport.h"

namespace ss::rec {

struct EvaluationOptions {
    std::vector<std::string> recommenders = defaultComparison();
    SplitOptions split;
    int k = 10;
    Convention convention = Convention::Recommenders;
    std::uint64_t seed = 42;
    int bootstrapResamples = 1000;
    double alpha = 0.05;
    int threads = 1;
    bool store = true;                  // write runs + run_user_metrics
    bool coldUserFallback = true;       // popularity for users without training history
    RecommenderConfig config;
    ItemVectorOptions vectors;
    MerchandisingRules rules;           // applied to every list (offline evaluation of rules)
    std::size_t maxCohortSlices = 24;   // most recent cohorts reported as slices
    // Named customer sets measured as slices "segment NAME" (project user ids). run(project, ...)
    // adds every segment saved in the project (segments list) unless savedSegmentSlices is off.
    std::map<std::string, std::set<std::int64_t>> segmentSlices;
    bool savedSegmentSlices = true;
};

struct SliceResult {
    std::string name;   // "cold_items", "warm_items", "cold_users", "warm_users", "cohort 2025-03"
    MetricsReport report;
};

struct BeyondAccuracyValues {
    double coverage = 0, novelty = 0, averagePopularity = 0;
    std::optional<double> diversity;  // needs item vectors
    // Share of recommended items customers mostly complain about (over half of at least 3 labelled
    // reviews negative); needs reviews with a sentiment.
    std::optional<double> negativeShare;
};

// A run's timings: the `timings` object of `evaluate --json` and of the runs table.
struct RunTimings {
    double fitSeconds = 0, scoreSeconds = 0, usersPerSecond = 0;
    std::size_t blockUsers = 0;  // users per scoring block (the engine's batch size)
    // A dense model's rows each user was scored against: its items, or its distinct rows when items
    // share them (then fewer); 0 for the others.
    std::size_t scoredRows = 0;

    // {"fit_seconds", "score_seconds", "users_per_second", "block_users"[, "scored_rows"]}
    boost::json::object toJson() const;
    static RunTimings fromJson(const boost::json::value& json);
    bool operator==(const RunTimings&) const = default;
};

struct RunResult {
    std::string recommender;
    boost::json::object parameters;
    MetricsReport report;
    std::map<MetricId, ConfidenceInterval> ci95;
    std::vector<SliceResult> slices;
    BeyondAccuracyValues beyond;
    double fitSeconds = 0, scoreSeconds = 0, usersPerSecond = 0;
    std::size_t fallbackUsers = 0;
    std::size_t blockUsers = 0;    // users per scoring block (the engine's batch size)
    std::size_t scoredRows = 0;    // dense models: item rows (distinct ones when shared) each user was scored against
    RunTimings timings() const { return {fitSeconds, scoreSeconds, usersPerSecond, blockUsers, scoredRows}; }
    TrainingReport training;       // loss curves etc.
    std::int64_t runId = 0;        // rows in `runs` (0 when not stored)
};

struct Comparison {
    std::string a, b;
    MetricId metric = MetricId::Ndcg;
    std::size_t n = 0;
    double meanDifference = 0;  // mean(a − b)
    double tPValue = 1, wilcoxonPValue = 1;  // NaN when undefined (identical values)
    bool significant = false;
    std::string slice;  // empty: all test users; else a slice's name ("cold_items", "cold_users")
};

// Paired comparison of two models' per-user values of one metric, over the users both have: mean
// difference (a − b), paired t-test and Wilcoxon signed-rank p-values (NaN when undefined);
// significant when the t-test p < alpha.
Comparison comparePaired(const std::string& a, const std::string& b, MetricId metric, const std::vector<UserValue>& valuesA,
                         const std::vector<UserValue>& valuesB, double alpha);

struct EvaluationResult {
    std::string fingerprint;
    std::size_t users = 0, items = 0, events = 0;
    SplitSummary split;
    int k = 10;
    Convention convention = Convention::Recommenders;
    std::uint64_t seed = 42;
    std::string vectorsModel;
    std::vector<RunResult> runs;
    std::vector<Comparison> comparisons;       // all test users
    std::vector<Comparison> sliceComparisons;  // cold_items and cold_users slices
    double seconds = 0;
};

class Evaluation {
public:
    static Result<EvaluationResult> run(const std::filesystem::path& project, const EvaluationOptions& options, const JobContext& job);
    // The same on data already in memory (benchmarks, tests); runs are stored only when `project` is given.
    // The split is taken by value: its training interactions become the models' (gigabytes at scale;
    // a caller that is done with its split moves it in).
    static Result<EvaluationResult> run(const Dataset& data, Split split, const EvaluationOptions& options,
                                        ModelInputs inputs, const std::filesystem::path& project, const JobContext& job);
};

// DESIGN §3 `evaluate` shape: {"split": {...}, "runs": [{"recommender", "metrics": {"ndcg@K": x, ...},
// "ci95": {"ndcg@K": [lo, hi], ...}, ...}], "comparisons": [{"a", "b", "metric", "p_value", ...}]}
// plus dataset, k, convention, seed, slices, beyond accuracy, timings and training logs.
boost::json::object toJson(const EvaluationResult& result);
boost::json::object toJson(const RunResult& run);

}  // namespace ss::rec
