#include "rec/Rules.h"

#include <boost/json.hpp>

#include <unordered_map>

namespace ss::rec {

bool MerchandisingRules::empty() const {
    return includeCategories.empty() && excludeCategories.empty() && !minPrice && !maxPrice && !inStockOnly && boost.empty() &&
           bury.empty() && !buryNegativeAbove && !mmrLambda;
}

boost::json::object MerchandisingRules::describe() const {
    boost::json::object o;
    auto list = [](const std::vector<std::string>& v) {
        boost::json::array a;
        for (const auto& s : v) a.emplace_back(s);
        return a;
    };
    if (!includeCategories.empty()) o["include_categories"] = list(includeCategories);
    if (!excludeCategories.empty()) o["exclude_categories"] = list(excludeCategories);
    if (minPrice) o["min_price"] = *minPrice;
    if (maxPrice) o["max_price"] = *maxPrice;
    if (inStockOnly) o["in_stock_only"] = true;
    if (!boost.empty()) {
        o["boost"] = list(boost);
        o["boost_strength"] = boostStrength;
    }
    if (buryNegativeAbove) {
        o["bury_negative_share_above"] = *buryNegativeAbove;
        if (!negativeItems.empty()) o["bury_negative_items"] = static_cast<std::int64_t>(negativeItems.size());
        o["bury_strength"] = buryStrength;
    }
    if (!bury.empty()) {
        o["bury"] = list(bury);
        o["bury_strength"] = buryStrength;
    }
    if (mmrLambda) o["mmr_lambda"] = *mmrLambda;
    return o;
}

bool categoryMatches(const std::string& category, const std::string& rule) {
    if (category == rule) return true;
    return category.size() > rule.size() + 2 && category.compare(0, rule.size(), rule) == 0 &&
           category.compare(rule.size(), 3, " / ") == 0;
}

CompiledRules CompiledRules::compile(const MerchandisingRules& rules, const Dataset& data) {
    CompiledRules c;
    c.mmrLambda = rules.mmrLambda;
    c.mmrPool = rules.mmrPool;
    const auto& items = data.items();
    const bool filters = !rules.includeCategories.empty() || !rules.excludeCategories.empty() || rules.minPrice || rules.maxPrice ||
                         rules.inStockOnly;
    if (filters) {
        c.allowed.assign(items.size(), 1);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const ItemFacts& f = items[i];
            bool ok = true;
            if (!rules.includeCategories.empty()) {
                ok = false;
                for (const auto& r : rules.includeCategories) ok = ok || categoryMatches(f.category, r);
            }
            for (const auto& r : rules.excludeCategories) ok = ok && !categoryMatches(f.category, r);
            if (rules.minPrice || rules.maxPrice) {
                if (!f.price) ok = false;
                else {
                    if (rules.minPrice && *f.price < *rules.minPrice) ok = false;
                    if (rules.maxPrice && *f.price > *rules.maxPrice) ok = false;
                }
            }
            if (rules.inStockOnly && f.available && !*f.available) ok = false;
            c.allowed[i] = ok ? 1 : 0;
        }
    }
    if (!rules.boost.empty() || !rules.bury.empty() || !rules.negativeItems.empty()) {
        std::unordered_map<std::string, int> byExternal;
        byExternal.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i) byExternal.emplace(items[i].externalId, static_cast<int>(i));
        c.shift.assign(items.size(), 0.0f);
        auto apply = [&](const std::vector<std::string>& ids, double amount) {
            for (const auto& id : ids) {
                auto it = byExternal.find(id);
                if (it == byExternal.end()) c.unknownItems.push_back(id);
                else c.shift[it->second] += static_cast<float>(amount);
            }
        };
        apply(rules.boost, rules.boostStrength);
        apply(rules.bury, -rules.buryStrength);
        for (const auto& id : rules.negativeItems)  // from the project's own reviews: always in the catalogue, or dropped since
            if (auto it = byExternal.find(id); it != byExternal.end()) c.shift[static_cast<std::size_t>(it->second)] -= static_cast<float>(rules.buryStrength);
    }
    return c;
}

}  // namespace ss::rec
