#include "CatalogSearch.h"

#include <algorithm>
#include <cmath>

#include "LexicalSearch.h"
#include "embed/LanguageCoverage.h"
#include "embed/NearestItems.h"
#include "embed/TextEncoder.h"
#include "store/Project.h"

namespace ss {
namespace {

// The kept share of unknown pieces in the items' text for this model (an exact measure if any, else an estimate).
Result<double> catalogUnknownShare(Project& project, const std::string& model) {
    auto stored = LanguageCoverage::stored(project);
    if (!stored) return stored.error();
    const LanguageCoverage* best = nullptr;
    for (const auto& c : *stored)
        if (c.target == "items" && c.model == model && (!best || (c.exact && !best->exact))) best = &c;
    return best ? best->unknownShare() : std::nan("");
}

double queryUnknownShare(const TextEncoder& encoder, const std::string& query) {
    const TokenCounts counts = encoder.tokenCounts({query});
    return counts.pieces > 0 ? double(counts.unknown) / double(counts.pieces) : std::nan("");
}

}  // namespace

const char* CatalogSearch::modeName(SearchMode mode) {
    switch (mode) {
    case SearchMode::Lexical: return "lexical";
    case SearchMode::Semantic: return "semantic";
    case SearchMode::Hybrid: break;
    }
    return "hybrid";
}

std::optional<SearchMode> CatalogSearch::parseMode(std::string_view name) {
    for (SearchMode mode : {SearchMode::Hybrid, SearchMode::Lexical, SearchMode::Semantic})
        if (name == modeName(mode)) return mode;
    return std::nullopt;
}

Result<SearchAnswer> CatalogSearch::run(Project& project, TextEncoder* encoder, const NearestItems* index, const std::string& query,
                                        const SearchOptions& options) {
    SearchAnswer answer;
    answer.mode = options.mode;
    const bool wantsLexical = options.mode != SearchMode::Semantic;
    const bool wantsSemantic = options.mode != SearchMode::Lexical;
    if (wantsSemantic && (!encoder || !index))
        return makeError(ErrorCode::Usage, std::string(modeName(options.mode)) + " search needs a sentence encoder; lexical search does not");
    const std::size_t depth = options.mode == SearchMode::Hybrid ? std::max(options.k, kFusionDepth) : options.k;

    std::vector<LexicalHit> lexical;
    if (wantsLexical) {
        auto found = LexicalSearch::run(project.db(), LexicalQuery::parse(query), depth);
        if (!found) return found.error();
        lexical = std::move(*found);
    }
    std::vector<std::pair<std::int64_t, float>> semantic;
    if (wantsSemantic) {
        auto vectors = encoder->encode({query});
        if (!vectors) return vectors.error();
        semantic = index->nearest(vectors->front(), depth);
        answer.queryUnknownShare = queryUnknownShare(*encoder, query);
        auto catalog = catalogUnknownShare(project, encoder->fingerprint());
        if (!catalog) return catalog.error();
        answer.catalogUnknownShare = *catalog;
    }

    switch (options.mode) {
    case SearchMode::Lexical: answer.weights = {1, 0}; break;
    case SearchMode::Semantic: answer.weights = {0, 1}; break;
    case SearchMode::Hybrid:
        answer.weights = fusion::hybridWeights(options.semanticShare, answer.queryUnknownShare, answer.catalogUnknownShare);
        break;
    }
    std::vector<std::int64_t> lexicalIds, semanticIds;
    for (const auto& hit : lexical) lexicalIds.push_back(hit.itemId);
    for (const auto& [id, cosine] : semantic) semanticIds.push_back(id);
    std::vector<double> factors;
    for (const auto& hit : lexical) factors.push_back(hit.allTerms ? 1.0 : fusion::kPartialMatchFactor);
    const auto fused = fusion::fuse(lexicalIds, semanticIds, answer.weights, options.k, factors);

    CatalogQuery catalog(project.db());
    for (const FusedRank& rank : fused) {
        auto item = catalog.byId(rank.itemId);
        if (!item) return item.error();
        if (!*item) continue;  // removed since it was ranked
        ItemHit hit{std::move(**item)};
        hit.lexicalRank = rank.lexicalRank;
        hit.semanticRank = rank.semanticRank;
        if (rank.lexicalRank && lexical[static_cast<std::size_t>(rank.lexicalRank - 1)].indexed)
            hit.bm25 = lexical[static_cast<std::size_t>(rank.lexicalRank - 1)].score;
        if (rank.semanticRank) hit.cosine = semantic[static_cast<std::size_t>(rank.semanticRank - 1)].second;
        // Semantic search keeps the cosine as its score (as before hybrid search); the others the share of the best fused score.
        hit.score = options.mode == SearchMode::Semantic ? hit.cosine.value_or(0.f)
                                                         : static_cast<float>(fusion::normalised(rank.score, answer.weights));
        answer.hits.push_back(std::move(hit));
    }
    return answer;
}

}  // namespace ss
