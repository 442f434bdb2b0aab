// MetricDefinitions: the names of the ranking metrics and of the conventions we compute them under, and the
// written definition of each (as data, so the GUI shows in a tooltip exactly what the code computes).
// Owns nothing; pure functions over constant tables: any thread.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace ss {

// Order matters: reports list metrics in this order, and JSON keys follow it.
enum class MetricId { Precision, Recall, Ndcg, Map, Mrr, Hit };
inline constexpr std::array<MetricId, 6> kAllMetrics = {MetricId::Precision, MetricId::Recall, MetricId::Ndcg,
                                                        MetricId::Map,       MetricId::Mrr,    MetricId::Hit};

// The field disagrees on which users a mean runs over (DESIGN §4); a report always names its convention.
enum class Convention {
    Recommenders,  // Microsoft Recommenders python_evaluation (default)
    RecBole,       // RecBole recbole/evaluator/metrics.py
};

// Gain of a relevant item in NDCG. Only NDCG looks at ratings; every other metric is binary.
// Binary is what both conventions use by default; Raw and Exponential follow Recommenders' score_type
// "raw" (gain = rating) and "exp" (gain = 2^rating - 1).
enum class Gain { Binary, Raw, Exponential };

std::string_view metricKey(MetricId id);          // "precision", "recall", "ndcg", "map", "mrr", "hit"
std::string metricLabel(MetricId id, int k);       // "precision@10": the JSON / table key
std::optional<MetricId> parseMetricKey(std::string_view key);  // accepts "ndcg" and "ndcg@10"

std::string_view conventionName(Convention convention);  // "recommenders", "recbole"
std::optional<Convention> parseConvention(std::string_view name);

// One paragraph per metric and convention: formula, which users the mean runs over, and edge cases.
std::string_view definition(MetricId id, Convention convention);
// How predictions are ordered before truncation to k (shared by every metric and convention).
std::string_view rankingRule();

}  // namespace ss
