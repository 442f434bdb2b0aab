// RankingMetrics: precision, recall, NDCG, MAP, MRR and hit rate at K under a named convention
// ('recommenders' or 'recbole', see MetricDefinitions), with per-user values behind every mean.
// Stateless; every function is pure over its arguments: any thread, concurrently.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "common/Result.h"
#include "eval/GroundTruth.h"
#include "eval/MetricDefinitions.h"
#include "eval/MetricsReport.h"
#include "eval/Predictions.h"

namespace ss {

struct RankingOptions {
    int k = 10;
    Convention convention = Convention::Recommenders;
    Gain gain = Gain::Binary;  // NDCG only
};

// One user's values, indexed by MetricId.
struct UserMetricValues {
    std::array<double, kAllMetrics.size()> values{};
    double operator[](MetricId id) const { return values[static_cast<std::size_t>(id)]; }
    double& operator[](MetricId id) { return values[static_cast<std::size_t>(id)]; }
};

class RankingMetrics {
public:
    // The per-user kernel with binary relevance: relevantAtRank[i] != 0 when the item at rank i+1 of the
    // (already ranked, already de-duplicated) list is relevant; only the first k entries are read.
    // relevantCount = |R(u)|. This is the same input as RecBole's metric_info(pos_index, pos_len).
    static UserMetricValues evaluateUser(const std::vector<int>& relevantAtRank, std::size_t relevantCount, int k);

    // Graded NDCG for one user: gainAtRank[i] is the gain of the item at rank i+1 (0 when not relevant),
    // relevantGains the gains of all of the user's relevant items in any order.
    static double ndcgGraded(const std::vector<double>& gainAtRank, std::vector<double> relevantGains, int k);

    // Ranks each user's predictions (Predictions::rank), cuts to k and averages per the convention.
    // Fails with Usage for k < 1 and with InputData for an empty truth.
    static Result<MetricsReport> evaluate(const GroundTruth& truth, const Predictions& predictions,
                                          const RankingOptions& options = {});
};

}  // namespace ss
