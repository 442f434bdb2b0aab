#include "eval/MetricDefinitions.h"

#include <cctype>

namespace ss {

namespace {

// Per-user formulas are identical in the two conventions (checked against both projects' code and
// tests); what differs is the set of users each mean runs over. So each definition = formula + population.
constexpr std::string_view kFormula[] = {
    // Precision
    "Precision@K: hits / K, where hits = relevant items among the top K. The divisor is K even when "
    "fewer than K items were predicted, so the maximum can be below 1.",
    // Recall
    "Recall@K: hits / |R(u)|, the share of the user's relevant items that appear in the top K.",
    // NDCG
    "NDCG@K: DCG / IDCG with DCG = sum over top-K positions i holding a relevant item of "
    "gain / log2(i + 1), and IDCG the same sum for the ideal order over the min(K, |R(u)|) best relevant "
    "items. Gain is 1 for every relevant item (binary) unless graded gain is selected.",
    // MAP
    "MAP@K: mean over users of AP@K = (sum over top-K positions i holding a relevant item of "
    "Precision@i) / min(K, |R(u)|).",
    // MRR
    "MRR@K: mean over users of 1 / rank of the first relevant item within the top K (0 when none).",
    // Hit
    "Hit@K (hit ratio): share of users with at least one relevant item in the top K.",
};

constexpr std::string_view kRecommendersUsers =
    " Convention 'recommenders' (Microsoft Recommenders python_evaluation): averaged over the users present "
    "in both the truth and the predictions; users without predictions are left out.";
constexpr std::string_view kRecommendersNdcgUsers =
    " Convention 'recommenders' (Microsoft Recommenders python_evaluation): averaged over every user in the "
    "truth; a user without predictions counts 0.";
// python_evaluation has no MRR or hit rate; we give them the population of its precision and recall.
constexpr std::string_view kRecommendersExtension =
    " (Recommenders' python_evaluation itself has no such function; the population is that of its "
    "precision@k.)";
constexpr std::string_view kRecBoleUsers =
    " Convention 'recbole' (RecBole evaluator): averaged over every user with test positives; a user "
    "without predictions counts 0; users with predictions but no positives are left out.";

constexpr std::string_view kRankingRule =
    "Each user's predictions are ranked by score, highest first; equal scores keep the order in which "
    "they were given (a stable sort), so a list that arrives already ordered keeps its order. NaN scores "
    "rank last. If an item is predicted twice for a user, only its best-ranked occurrence counts. The "
    "list is then cut to the first K items.";

// Built once: definition() hands out views into these strings, so they must live for the program.
struct Definitions {
    std::string text[2][kAllMetrics.size()];
    Definitions() {
        for (std::size_t m = 0; m < kAllMetrics.size(); ++m) {
            const bool ndcg = kAllMetrics[m] == MetricId::Ndcg;
            const bool extension = kAllMetrics[m] == MetricId::Mrr || kAllMetrics[m] == MetricId::Hit;
            text[0][m] = std::string(kFormula[m]) +
                         std::string(ndcg ? kRecommendersNdcgUsers : kRecommendersUsers) +
                         std::string(extension ? kRecommendersExtension : std::string_view{});
            text[1][m] = std::string(kFormula[m]) + std::string(kRecBoleUsers);
        }
    }
};

const Definitions& definitions() {
    static const Definitions defs;
    return defs;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

}  // namespace

std::string_view metricKey(MetricId id) {
    switch (id) {
    case MetricId::Precision: return "precision";
    case MetricId::Recall: return "recall";
    case MetricId::Ndcg: return "ndcg";
    case MetricId::Map: return "map";
    case MetricId::Mrr: return "mrr";
    case MetricId::Hit: return "hit";
    }
    return "?";
}

std::string metricLabel(MetricId id, int k) { return std::string(metricKey(id)) + "@" + std::to_string(k); }

std::optional<MetricId> parseMetricKey(std::string_view key) {
    const std::string name = lower(key.substr(0, key.find('@')));
    for (MetricId id : kAllMetrics)
        if (name == metricKey(id)) return id;
    return std::nullopt;
}

std::string_view conventionName(Convention convention) {
    return convention == Convention::RecBole ? "recbole" : "recommenders";
}

std::optional<Convention> parseConvention(std::string_view name) {
    const std::string n = lower(name);
    if (n == "recommenders") return Convention::Recommenders;
    if (n == "recbole") return Convention::RecBole;
    return std::nullopt;
}

std::string_view definition(MetricId id, Convention convention) {
    const auto m = static_cast<std::size_t>(id);
    return definitions().text[convention == Convention::RecBole ? 1 : 0][m];
}

std::string_view rankingRule() { return kRankingRule; }

}  // namespace ss
