#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "common/TimeUtil.h"
#include "embed/LanguageCoverage.h"
#include "store/EventType.h"
#include "store/Project.h"

namespace ss::cli {

Status runStats(const std::vector<std::string>& args) {
    ArgParser parser({"db"}, {"json"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto project = Project::openExisting(*db);  // read-write: an older project file is upgraded in place
    if (!project) return project.error();
    auto stats = (*project)->stats();
    if (!stats) return stats.error();
    auto iso = [](const std::optional<std::int64_t>& t) -> boost::json::value {
        if (!t) return nullptr;
        return boost::json::value(isoDateTime(*t));
    };
    boost::json::object out;
    out["items"] = stats->items;
    out["users"] = stats->users;
    out["events"] = stats->events;
    out["reviews"] = stats->reviews;
    out["first_event"] = iso(stats->firstEvent);
    out["last_event"] = iso(stats->lastEvent);
    out["first_review"] = iso(stats->firstReview);
    out["last_review"] = iso(stats->lastReview);
    boost::json::object byType;
    for (int t = 1; t <= 4; ++t)
        byType[std::string(eventTypeName(static_cast<EventType>(t)))] = stats->eventsByType[t];
    out["events_by_type"] = std::move(byType);
    out["events_counted_from"] = stats->fromSummary ? "summary" : "scan";
    auto coverage = LanguageCoverage::stored(**project);
    if (!coverage) return coverage.error();
    boost::json::array measured;
    for (const auto& c : *coverage) measured.push_back(c.toJson());
    out["language_coverage"] = std::move(measured);
    if (parser.flag("json")) {
        printJson(out);
    } else {
        for (const auto& [k, v] : out)
            if (k != "language_coverage") std::printf("%-14s %s\n", std::string(k).c_str(), boost::json::serialize(v).c_str());
        for (const auto& c : *coverage) printCoverage(c);
    }
    return {};
}

}  // namespace ss::cli
