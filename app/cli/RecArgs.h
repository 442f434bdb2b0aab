// Options shared by `evaluate` and `recommend`: model parameters (--param name=value), behaviour
// weights, merchandising rules and the item-vector encoder. Main thread only.
#pragma once

#include <set>
#include <sstream>
#include <string>

#include "ArgParser.h"
#include "rec/Factory.h"
#include "rec/ItemVectors.h"
#include "rec/Rules.h"
#include "common/Numbers.h"

namespace ss::cli {

inline std::set<std::string> withRecOptions(std::set<std::string> names) {
    for (const char* n : {"param", "weights", "category", "exclude-category", "min-price", "max-price", "boost", "bury", "bury-negative", "mmr",
                          "model", "device", "threads", "seed"})
        names.insert(n);
    return names;
}

inline std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string part; std::getline(in, part, ',');)
        if (!part.empty()) out.push_back(part);
    return out;
}

inline Result<double> realOption(const ArgParser& parser, const std::string& name) { return parser.real(name, 0); }

inline Result<rec::MerchandisingRules> ruleOptions(const ArgParser& parser) {
    rec::MerchandisingRules r;
    for (const auto& v : parser.values("category"))
        for (auto& c : splitList(v)) r.includeCategories.push_back(c);
    for (const auto& v : parser.values("exclude-category"))
        for (auto& c : splitList(v)) r.excludeCategories.push_back(c);
    for (const auto& v : parser.values("boost"))
        for (auto& c : splitList(v)) r.boost.push_back(c);
    for (const auto& v : parser.values("bury"))
        for (auto& c : splitList(v)) r.bury.push_back(c);
    if (parser.value("min-price")) {
        auto d = realOption(parser, "min-price");
        if (!d) return d.error();
        r.minPrice = *d;
    }
    if (parser.value("max-price")) {
        auto d = realOption(parser, "max-price");
        if (!d) return d.error();
        r.maxPrice = *d;
    }
    if (parser.value("bury-negative")) {
        auto d = realOption(parser, "bury-negative");
        if (!d) return d.error();
        if (*d < 0 || *d >= 1) return makeError(ErrorCode::Usage, "--bury-negative takes a share of negative reviews in [0, 1)");
        r.buryNegativeAbove = *d;
    }
    if (parser.value("mmr")) {
        auto d = realOption(parser, "mmr");
        if (!d) return d.error();
        if (*d < 0 || *d > 1) return makeError(ErrorCode::Usage, "--mmr takes λ in [0, 1] (1: relevance only)");
        r.mmrLambda = *d;
    }
    r.inStockOnly = parser.flag("in-stock");
    return r;
}

inline Status configOptions(const ArgParser& parser, rec::RecommenderConfig& config) {
    for (const auto& p : parser.values("param")) SS_TRY(rec::RecommenderFactory::applyParameter(config, p));
    return {};
}

inline Result<rec::ItemVectorOptions> vectorOptions(const ArgParser& parser) {
    rec::ItemVectorOptions o;
    if (auto m = parser.value("model")) o.modelDir = *m;
    o.encoder.device = parser.value("device").value_or("auto");
    if (o.encoder.device != "auto" && o.encoder.device != "cpu" && o.encoder.device != "cuda")
        return makeError(ErrorCode::Usage, "--device must be auto, cpu or cuda");
    o.cachedOnly = parser.flag("cached-vectors");
    return o;
}

}  // namespace ss::cli
