// MerchandisingRules: business rules applied when scores become lists — the same at serving time and
// in offline evaluation, so their effect on metrics can be measured.
//   include/exclude categories  a category matches exactly, or as the part before " / " of a bilingual
//                               name ("Kitchen" matches "Kitchen / 厨房"); include empty = every category
//   price range                 only items with a known price inside [minPrice, maxPrice]
//   in stock only               drops items known to be unavailable (unknown availability stays)
//   boost / bury                item external ids whose score moves up / down by `boostStrength` /
//                               `buryStrength` standard deviations of that user's eligible scores
//                               (scale-free, so it means the same for every model)
//   bury by sentiment           items whose share of negative reviews (of at least 3 labelled ones) is
//                               above a threshold, buried as `bury` is; the ids are resolved from the
//                               project's review sentiment by Evaluation and RecommendationSession
//   diversity                   MMR re-ranking (Carbonell & Goldstein 1998) of the best `mmrPool`
//                               candidates: pick argmax λ·relevance − (1−λ)·max cosine to those
//                               already picked; relevance = min-max scaled score; λ = 1 is no change.
// Plain value types: compile once per catalogue, then read from any thread.
#pragma once

#include <boost/json/fwd.hpp>

#include <optional>
#include <string>
#include <vector>

#include "rec/Dataset.h"

namespace ss::rec {

struct MerchandisingRules {
    std::vector<std::string> includeCategories;
    std::vector<std::string> excludeCategories;
    std::optional<double> minPrice, maxPrice;
    bool inStockOnly = false;
    std::vector<std::string> boost, bury;  // item external ids
    std::optional<double> buryNegativeAbove;  // share of negative reviews in [0,1]
    std::vector<std::string> negativeItems;   // the items above it (resolved by the caller)
    double boostStrength = 1.0;
    double buryStrength = 3.0;
    std::optional<double> mmrLambda;       // in [0,1]
    std::size_t mmrPool = 0;               // 0: max(5k, 50)

    bool empty() const;
    boost::json::object describe() const;
};

struct CompiledRules {
    std::vector<char> allowed;      // per item; empty when every item is allowed
    std::vector<float> shift;       // per item, in standard deviations; empty when no boost/bury
    std::optional<double> mmrLambda;
    std::size_t mmrPool = 0;
    std::vector<std::string> unknownItems;  // boost/bury ids not in the catalogue (reported, not fatal)

    static CompiledRules compile(const MerchandisingRules& rules, const Dataset& data);
    bool filters() const { return !allowed.empty(); }
};

bool categoryMatches(const std::string& category, const std::string& rule);

}  // namespace ss::rec
