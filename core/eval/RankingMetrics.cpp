#include "eval/RankingMetrics.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>

namespace ss {

namespace {

// log2(i + 1) for 1-based rank i. Recommenders uses ln, RecBole log2: the base cancels in DCG / IDCG.
double discount(std::size_t rank) { return std::log2(static_cast<double>(rank) + 1.0); }

double gainOf(double rating, Gain gain) {
    switch (gain) {
    case Gain::Binary: return 1.0;
    case Gain::Raw: return rating;
    case Gain::Exponential: return std::exp2(rating) - 1.0;
    }
    return 1.0;
}

double mean(const std::vector<UserValue>& values) {
    if (values.empty()) return 0.0;
    double sum = 0.0;
    for (const UserValue& v : values) sum += v.value;
    return sum / static_cast<double>(values.size());
}

}  // namespace

UserMetricValues RankingMetrics::evaluateUser(const std::vector<int>& relevantAtRank, std::size_t relevantCount,
                                              int k) {
    UserMetricValues out;
    if (k <= 0) return out;
    const std::size_t n = std::min(relevantAtRank.size(), static_cast<std::size_t>(k));
    const std::size_t idealLength = std::min(relevantCount, static_cast<std::size_t>(k));

    std::size_t hits = 0;
    double dcg = 0.0, precisionSum = 0.0, reciprocal = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        if (relevantAtRank[i] == 0) continue;
        ++hits;
        const std::size_t rank = i + 1;
        dcg += 1.0 / discount(rank);
        precisionSum += static_cast<double>(hits) / static_cast<double>(rank);
        if (reciprocal == 0.0) reciprocal = 1.0 / static_cast<double>(rank);
    }
    double idcg = 0.0;
    for (std::size_t rank = 1; rank <= idealLength; ++rank) idcg += 1.0 / discount(rank);

    out[MetricId::Precision] = static_cast<double>(hits) / static_cast<double>(k);
    out[MetricId::Recall] = relevantCount ? static_cast<double>(hits) / static_cast<double>(relevantCount) : 0.0;
    out[MetricId::Ndcg] = idcg > 0.0 ? dcg / idcg : 0.0;
    out[MetricId::Map] = idealLength ? precisionSum / static_cast<double>(idealLength) : 0.0;
    out[MetricId::Mrr] = reciprocal;
    out[MetricId::Hit] = hits > 0 ? 1.0 : 0.0;
    return out;
}

double RankingMetrics::ndcgGraded(const std::vector<double>& gainAtRank, std::vector<double> relevantGains, int k) {
    if (k <= 0) return 0.0;
    const std::size_t n = std::min(gainAtRank.size(), static_cast<std::size_t>(k));
    double dcg = 0.0;
    for (std::size_t i = 0; i < n; ++i) dcg += gainAtRank[i] / discount(i + 1);
    // Ideal order: the best min(k, |R|) gains, highest first (Recommenders sorts by rating, takes k).
    std::sort(relevantGains.begin(), relevantGains.end(), std::greater<>());
    const std::size_t m = std::min(relevantGains.size(), static_cast<std::size_t>(k));
    double idcg = 0.0;
    for (std::size_t i = 0; i < m; ++i) idcg += relevantGains[i] / discount(i + 1);
    return idcg > 0.0 ? dcg / idcg : 0.0;
}

Result<MetricsReport> RankingMetrics::evaluate(const GroundTruth& truth, const Predictions& predictions,
                                               const RankingOptions& options) {
    if (options.k < 1)
        return makeError(ErrorCode::Usage, "k must be at least 1, got " + std::to_string(options.k), "--k");
    if (truth.empty()) return makeError(ErrorCode::InputData, "the truth has no users", "truth");

    MetricsReport report;
    report.k = options.k;
    report.convention = options.convention;
    report.gain = options.gain;
    report.users = truth.userCount();
    for (const auto& entry : predictions.users())
        if (!truth.find(entry.first)) ++report.predictedUsersNotInTruth;

    report.metrics.resize(kAllMetrics.size());
    for (std::size_t m = 0; m < kAllMetrics.size(); ++m) report.metrics[m].id = kAllMetrics[m];

    std::vector<int> relevantAtRank;
    std::vector<double> gainAtRank, relevantGains;
    for (const auto& [user, relevant] : truth.users()) {
        const std::vector<ScoredItem>* scored = predictions.find(user);
        UserMetricValues values;  // all 0: what a user without predictions scores
        if (scored) {
            ++report.usersWithPredictions;
            const std::vector<std::string> top = Predictions::rank(*scored, options.k);
            relevantAtRank.assign(top.size(), 0);
            gainAtRank.assign(top.size(), 0.0);
            for (std::size_t i = 0; i < top.size(); ++i) {
                const auto it = relevant.find(top[i]);
                if (it == relevant.end()) continue;
                relevantAtRank[i] = 1;
                gainAtRank[i] = gainOf(it->second, options.gain);
            }
            values = evaluateUser(relevantAtRank, relevant.size(), options.k);
            if (options.gain != Gain::Binary) {
                relevantGains.clear();
                for (const auto& item : relevant) relevantGains.push_back(gainOf(item.second, options.gain));
                values[MetricId::Ndcg] = ndcgGraded(gainAtRank, relevantGains, options.k);
            }
        }
        for (std::size_t m = 0; m < kAllMetrics.size(); ++m) {
            const MetricId id = kAllMetrics[m];
            // Recommenders: NDCG over every truth user, the rest over users with predictions too.
            // RecBole: every user with positives (every truth user) for every metric.
            const bool counted = scored || options.convention == Convention::RecBole || id == MetricId::Ndcg;
            if (counted) report.metrics[m].perUser.push_back(UserValue{user, values[id]});
        }
    }
    for (MetricResult& m : report.metrics) m.value = mean(m.perUser);
    return report;
}

}  // namespace ss
