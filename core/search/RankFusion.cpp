#include "RankFusion.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <unordered_map>

namespace ss::fusion {

double readability(double unknownShare, double readable, double unreadable) {
    if (std::isnan(unknownShare)) return 1;
    return std::clamp((unreadable - unknownShare) / (unreadable - readable), 0.0, 1.0);
}

double catalogReadability(double unknownShare) { return readability(unknownShare, kCatalogReadable, kCatalogUnreadable); }

FusionWeights hybridWeights(double semanticShare, double queryUnknownShare, double catalogUnknownShare) {
    const double share = std::clamp(std::isnan(semanticShare) ? 0.5 : semanticShare, 0.0, 1.0);
    return {1 - share, share * readability(queryUnknownShare) * catalogReadability(catalogUnknownShare)};
}

std::vector<FusedRank> fuse(const std::vector<std::int64_t>& lexical, const std::vector<std::int64_t>& semantic,
                            const FusionWeights& weights, std::size_t k, const std::vector<double>& lexicalFactors) {
    std::unordered_map<std::int64_t, FusedRank> byItem;
    auto add = [&](const std::vector<std::int64_t>& ranking, double weight, int FusedRank::*rank, const std::vector<double>& factors) {
        for (std::size_t i = 0; i < ranking.size(); ++i) {
            FusedRank& entry = byItem[ranking[i]];
            if (entry.*rank) continue;  // a side lists an item once; a repeat keeps the first place
            entry.itemId = ranking[i];
            entry.*rank = static_cast<int>(i + 1);
            entry.score += weight * (i < factors.size() ? factors[i] : 1.0) / (kRrfK + static_cast<double>(i + 1));
        }
    };
    add(lexical, weights.lexical, &FusedRank::lexicalRank, lexicalFactors);
    add(semantic, weights.semantic, &FusedRank::semanticRank, {});
    std::vector<FusedRank> out;
    out.reserve(byItem.size());
    for (auto& [id, entry] : byItem) out.push_back(entry);
    constexpr int kUnranked = std::numeric_limits<int>::max();
    auto orZ = [](int rank) { return rank ? rank : kUnranked; };
    auto better = [&](const FusedRank& a, const FusedRank& b) {
        if (a.score != b.score) return a.score > b.score;
        if (orZ(a.lexicalRank) != orZ(b.lexicalRank)) return orZ(a.lexicalRank) < orZ(b.lexicalRank);
        if (orZ(a.semanticRank) != orZ(b.semanticRank)) return orZ(a.semanticRank) < orZ(b.semanticRank);
        return a.itemId < b.itemId;
    };
    const std::size_t keep = std::min(k, out.size());
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), better);
    out.resize(keep);
    return out;
}

double normalised(double score, const FusionWeights& weights) {
    const double best = (weights.lexical + weights.semantic) / (kRrfK + 1);
    return best > 0 ? score / best : 0;
}

}  // namespace ss::fusion
