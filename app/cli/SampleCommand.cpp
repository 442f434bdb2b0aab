#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "sample/SampleShop.h"

namespace ss::cli {

Status runSample(const std::vector<std::string>& args) {
    ArgParser parser({"db", "users", "items", "days", "seed", "language"}, {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    SampleShopOptions options;
    auto users = parser.integer("users", options.users);
    auto items = parser.integer("items", options.items);
    auto days = parser.integer("days", options.days);
    auto seed = parser.integer("seed", static_cast<std::int64_t>(options.seed));
    for (auto* r : {&users, &items, &days, &seed})
        if (!*r) return r->error();
    options.users = static_cast<int>(*users);
    options.items = static_cast<int>(*items);
    options.days = static_cast<int>(*days);
    if (auto language = parser.value("language")) {
        if (*language == "both") options.language = SampleShopOptions::Language::Both;
        else if (*language == "en") options.language = SampleShopOptions::Language::English;
        else if (*language == "zh") options.language = SampleShopOptions::Language::Chinese;
        else return makeError(ErrorCode::Usage, "--language must be en, zh or both, got '" + *language + "'");
    }
    options.seed = static_cast<std::uint64_t>(*seed);
    auto summary = SampleShop::write(*db, options, stderrProgress(parser.flag("quiet")));
    if (!summary) return summary.error();
    if (parser.flag("json")) {
        printJson(boost::json::object{{"items", summary->items}, {"users", summary->users}, {"events", summary->events},
                                      {"reviews", summary->reviews}, {"seconds", summary->seconds}});
    } else {
        std::printf("sample shop written to %s: %lld items, %lld users, %lld events, %lld reviews in %.2f s\n", db->c_str(),
                    (long long)summary->items, (long long)summary->users, (long long)summary->events,
                    (long long)summary->reviews, summary->seconds);
    }
    return {};
}

}  // namespace ss::cli
