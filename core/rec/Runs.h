// Stored evaluation runs (the `runs` and `run_user_metrics` tables Evaluation writes): listing them for
// the Models screen and reading one run's per-user values back (drill-down, significance between runs
// of different evaluations on the same split). Use from the thread that owns the connection's Project.
#pragma once

#include <boost/json/object.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/Result.h"
#include "store/Database.h"
#include "eval/MetricsReport.h"
#include "rec/Evaluation.h"

namespace ss::rec {

// One row of the runs table, typed. Parameters stay a JSON object: each recommender names its own.
struct StoredRun {
    std::int64_t id = 0;
    std::string recommender;
    boost::json::object parameters;
    SplitSummary split;
    std::string convention;                  // "recommenders", ...
    std::map<std::string, double> metrics;   // "ndcg@10" → value (NaN where undefined)
    TrainingReport training;
    RunTimings timings;
    std::uint64_t seed = 0;
    int k = 0;
    std::string datasetFingerprint;
    std::int64_t created = 0;  // unix seconds

    std::optional<double> metric(MetricId id) const;  // at this run's k
};

class Runs {
public:
    // Newest first; at most `limit` runs. Reads on the caller's connection (any project connection).
    static Result<std::vector<StoredRun>> list(Database& db, std::size_t limit = 1000);
    // One metric's per-user values of a run ("ndcg@10"), ordered by user id (as text, like MetricResult).
    static Result<std::vector<UserValue>> userValues(Database& db, std::int64_t runId, const std::string& metric);
    // Two stored runs compared per user on one metric (paired t-test and Wilcoxon, as an evaluation's
    // own comparisons). Meaningful for runs on the same split and data (sameSetting() says whether).
    static Result<Comparison> compare(Database& db, const StoredRun& a, const StoredRun& b, MetricId metric,
                                      double alpha = 0.05);
    static bool sameSetting(const StoredRun& a, const StoredRun& b);
};

}  // namespace ss::rec
