// `survival`: Kaplan–Meier "still active" curves with bands and medians, per group when asked,
// and the log-rank test between groups (DESIGN §3).
#include <boost/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>

#include "AnalysisInput.h"
#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/Segments.h"
#include "cohorts/Survival.h"

namespace ss::cli {

// More curves than this are unreadable, and the log-rank test's covariance grows with the square of
// the groups: without --segment only the largest groups are compared.
constexpr std::size_t kMostGroups = 12;

namespace {

// The customers behind one step of a curve: those whose active life ended (churned) after exactly
// DAYS days, within one group when --segment-by/--segment name it; listed, or saved as a segment.
Status runChurnedAt(AnalysisInput& input, int gap, const ArgParser& parser) {
    auto day = parser.integer("churned-at", -1);
    if (!day) return day.error();
    if (*day < 0) return makeError(ErrorCode::Usage, "--churned-at needs a number of days (0 or more)");
    std::vector<char> include;
    if (auto by = parser.value("segment-by")) {
        const auto wanted = parser.values("segment");
        if (wanted.size() != 1) return makeError(ErrorCode::Usage, "--churned-at with --segment-by needs one --segment VALUE");
        auto groups = CustomerGroups::load(input.project->db(), input.log, *by);
        if (!groups) return groups.error();
        SS_TRY(groups->keepOnly(wanted));
        include = groups->members(wanted.front());
    }
    std::vector<std::int64_t> userIds;
    for (const auto& l : Survival::lifetimes(input.log, gap, include))
        if (l.churned && l.days == *day) userIds.push_back(input.log.userId(l.customer));
    if (auto name = parser.value("save-segment")) {
        auto writable = Project::open(input.project->path());
        if (!writable) return writable.error();
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        const std::string description = "churned after " + std::to_string(*day) + " days (churn gap " + std::to_string(gap) + " days)";
        auto info = Segments::save((*writable)->db(), *name, description, userIds, parser.flag("replace"), now);
        if (!info) return info.error();
    }
    auto external = Segments::externalIds(input.project->db(), userIds);
    if (!external) return external.error();
    if (parser.flag("json")) {
        boost::json::array ids;
        for (auto& id : *external) ids.emplace_back(id);
        printJson(boost::json::object{{"churn_gap_days", gap}, {"churned_at_days", *day}, {"customers", std::move(ids)}});
    } else {
        std::printf("customer\n");
        for (const auto& id : *external) std::printf("%s\n", id.c_str());
    }
    return {};
}

}  // namespace

Status runSurvival(const std::vector<std::string>& args) {
    ArgParser parser({"db", "churn-gap", "segment-by", "segment", "timezone", "churned-at", "save-segment"}, {"json", "quiet", "replace"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto gap = parser.integer("churn-gap", 30);
    if (!gap) return gap.error();
    if (*gap < 1 || *gap > 3650) return makeError(ErrorCode::Usage, "--churn-gap must be between 1 and 3650 days");
    if (!parser.values("segment").empty() && !parser.value("segment-by"))
        return makeError(ErrorCode::Usage, "--segment needs --segment-by (segment, acquisition-category, first-order-value, first-review-sentiment, property:NAME or recommended-by:RUN)");
    const JobContext job = stderrProgress(parser.flag("quiet") || !parser.flag("json"));
    auto input = openAnalysis(*db, parser.value("timezone"), job);
    if (!input) return input.error();
    if (parser.value("churned-at")) return runChurnedAt(*input, static_cast<int>(*gap), parser);
    if (parser.value("save-segment")) return makeError(ErrorCode::Usage, "--save-segment needs --churned-at DAYS (the survival step to save)");
    Result<SurvivalReport> report = makeError(ErrorCode::Internal, "not computed");
    if (auto by = parser.value("segment-by")) {
        auto groups = CustomerGroups::load(input->project->db(), input->log, *by);
        if (!groups) return groups.error();
        const auto total = groups->names.size();
        if (const auto wanted = parser.values("segment"); !wanted.empty()) SS_TRY(groups->keepOnly(wanted));
        else if (groups->keepLargest(kMostGroups))
            std::fprintf(stderr, "shelfsense-cli survival: %zu groups; showing the %zu largest (name others with --segment)\n", total, kMostGroups);
        report = Survival::compute(input->log, static_cast<int>(*gap), job, groups->groupOf, groups->names, groups->describe());
    } else {
        report = Survival::compute(input->log, static_cast<int>(*gap), job);
    }
    if (!report) return report.error();
    if (parser.flag("json")) {
        printJson(report->toJson());
        return {};
    }
    std::printf("%s\n\n%-24s %10s %10s %12s %20s\n", report->describe().c_str(), "group", "customers", "churned", "median days", "95% interval");
    auto days = [](double x) { return std::isfinite(x) ? std::to_string(static_cast<long long>(x)) : std::string("not reached"); };
    for (const auto& c : report->curves)
        std::printf("%-24s %10lld %10lld %12s %20s\n", c.group.c_str(), static_cast<long long>(c.customers),
                    static_cast<long long>(c.churned), days(c.median).c_str(),
                    (days(c.medianLow) + " to " + days(c.medianHigh)).c_str());
    if (report->logRank)
        std::printf("\nlog-rank test: chi-square %.3f on %d degrees of freedom, p = %.3g\n", report->logRank->chiSquare,
                    report->logRank->degreesOfFreedom, report->logRank->pValue);
    return {};
}

}  // namespace ss::cli
