// Survival: how long customers stay active. A customer's active lifetime runs from their first event
// to their last event before a gap longer than the churn gap G (that last event is the churn); a
// customer whose last event is less than G days before the data's end has not churned yet and is
// censored at their last event. Kaplan–Meier curves with exponential Greenwood 95% bands, median
// lifetimes with their intervals and the log-rank test between groups, as `lifelines` computes them.
// Pure functions on values: any thread (compute() checks the job's stop token).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "store/ActivityLog.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

struct Lifetime {
    std::size_t customer = 0;
    std::int64_t days = 0;  // whole days from the first event to the churn (or censoring) event
    bool churned = false;   // false: censored
};

struct SurvivalPoint {
    double time = 0;          // days
    std::int64_t atRisk = 0;  // customers still under observation just before `time`
    std::int64_t churned = 0, censored = 0;
    double survival = 1.0, low = 1.0, high = 1.0;
};

struct SurvivalCurve {
    std::string group;  // "all" or a segment value
    std::int64_t customers = 0, churned = 0;
    std::vector<SurvivalPoint> points;  // time 0 first, then each distinct lifetime
    // First time the curve (or its lower / upper band) is at or below one half; +inf when it never is.
    double median = 0, medianLow = 0, medianHigh = 0;
};

struct LogRankResult {
    double chiSquare = 0;
    int degreesOfFreedom = 0;
    double pValue = 1.0;
};

struct SurvivalReport {
    int churnGapDays = 30;
    std::int64_t dataEnd = 0;
    std::string groupedBy;  // empty: one curve for everyone
    std::vector<SurvivalCurve> curves;
    std::optional<LogRankResult> logRank;  // with two or more groups

    std::string describe() const;
    boost::json::object toJson() const;
    static Result<SurvivalReport> fromJson(const boost::json::value& json);
};

class Survival {
public:
    // One lifetime per customer with at least one event (and flagged in `include` when given), in
    // customer order. `threads`: workers measuring shares of the customers (0: one per core for large logs).
    static std::vector<Lifetime> lifetimes(const ActivityLog& log, int churnGapDays, std::span<const char> include = {},
                                           std::size_t threads = 0);
    static SurvivalCurve kaplanMeier(std::span<const double> durations, std::span<const char> churned, std::string group = "all");
    // Log-rank test across groups (k groups, k − 1 degrees of freedom). Needs k >= 2.
    static LogRankResult logRank(std::span<const std::vector<double>> durations, std::span<const std::vector<char>> churned);

    // groupOf: one group index per customer (-1: in no group); groupNames indexes it. Without groups,
    // one curve for all customers.
    static Result<SurvivalReport> compute(const ActivityLog& log, int churnGapDays, const JobContext& job = {},
                                          std::span<const int> groupOf = {}, std::span<const std::string> groupNames = {},
                                          std::string groupedBy = {});
};

}  // namespace ss
