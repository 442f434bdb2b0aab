// MetricsReport: the result of one ranking evaluation — mean value of each metric, the per-user values
// behind every mean (for significance tests and drill-down), and the population sizes.
// Plain value type, no behaviour beyond lookups: any thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <boost/json/fwd.hpp>

#include "eval/MetricDefinitions.h"

namespace ss {

struct UserValue {
    std::string user;
    double value = 0.0;
};

struct MetricResult {
    MetricId id = MetricId::Precision;
    double value = 0.0;  // mean of perUser (0 when perUser is empty, as Recommenders returns)
    // Exactly the users this metric's mean runs over (it differs between metrics under the
    // 'recommenders' convention), ordered by user id.
    std::vector<UserValue> perUser;
};

struct MetricsReport {
    int k = 10;
    Convention convention = Convention::Recommenders;
    Gain gain = Gain::Binary;
    std::size_t users = 0;                   // users in the truth
    std::size_t usersWithPredictions = 0;    // users in the truth that also have predictions
    std::size_t predictedUsersNotInTruth = 0;  // ignored by both conventions; reported so it is visible
    std::vector<MetricResult> metrics;       // one per MetricId, in kAllMetrics order

    const MetricResult& metric(MetricId id) const;
    double value(MetricId id) const { return metric(id).value; }
};

// DESIGN §3 `metrics` shape: {"k", "convention", "users", "metrics": {"precision@K": x, ...}} plus
// "users_with_predictions", "predicted_users_not_in_truth" and "gain".
boost::json::value toJson(const MetricsReport& report);

}  // namespace ss
