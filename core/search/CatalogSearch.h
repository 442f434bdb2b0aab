// CatalogSearch: product search in one of three modes — lexical (the words, from the full-text
// index; no model needed), semantic (nearest item vectors to the query's vector) and hybrid (both
// rankings fused, the default; see RankFusion for how the model's reading of the text sets the
// semantic side's weight). Runs on the calling worker thread, on the caller's connection; the
// encoder and item vector index are the caller's (the CLI's, or the workbench's caches).
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "RankFusion.h"
#include "common/Result.h"
#include "store/CatalogQuery.h"

namespace ss {

class NearestItems;
class Project;
class TextEncoder;

enum class SearchMode { Hybrid, Lexical, Semantic };

struct SearchOptions {
    SearchMode mode = SearchMode::Hybrid;
    double semanticShare = 0.5;  // hybrid: 0 = words only .. 1 = meaning only
    std::size_t k = 10;
};

struct SearchAnswer {
    SearchMode mode = SearchMode::Hybrid;
    std::vector<ItemHit> hits;
    // Hybrid: the weights used after the model's reading of the text; the unknown shares behind them
    // (NaN when not known: no encoder, or the catalogue not measured yet).
    FusionWeights weights;
    double queryUnknownShare = std::numeric_limits<double>::quiet_NaN();
    double catalogUnknownShare = std::numeric_limits<double>::quiet_NaN();
    bool semanticLowered() const { return mode == SearchMode::Hybrid && weights.semantic < 1 - weights.lexical - 1e-9; }
    // Whether the query (rather than the catalogue) is what the model reads worse.
    bool queryReadWorse() const { return fusion::readability(queryUnknownShare) <= fusion::catalogReadability(catalogUnknownShare); }
};

class CatalogSearch {
public:
    // How deep each side ranks before fusion (at least k).
    static constexpr std::size_t kFusionDepth = 100;

    // `encoder` and `index` may be null in lexical mode only.
    static Result<SearchAnswer> run(Project& project, TextEncoder* encoder, const NearestItems* index, const std::string& query,
                                    const SearchOptions& options);

    static const char* modeName(SearchMode mode);  // "hybrid", "lexical", "semantic"
    static std::optional<SearchMode> parseMode(std::string_view name);
};

}  // namespace ss
