// `survival`: Kaplan–Meier "still active" curves with bands and medians, per group when asked,
// and the log-rank test between groups (DESIGN §3).
#include <boost/json.hpp>

#include <cmath>
#include <cstdio>

#include "AnalysisInput.h"
#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/Survival.h"

namespace ss::cli {

// More curves than this are unreadable, and the log-rank test's covariance grows with the square of
// the groups: without --segment only the largest groups are compared.
constexpr std::size_t kMostGroups = 12;

Status runSurvival(const std::vector<std::string>& args) {
    ArgParser parser({"db", "churn-gap", "segment-by", "segment", "timezone"}, {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto gap = parser.integer("churn-gap", 30);
    if (!gap) return gap.error();
    if (*gap < 1 || *gap > 3650) return makeError(ErrorCode::Usage, "--churn-gap must be between 1 and 3650 days");
    if (!parser.values("segment").empty() && !parser.value("segment-by"))
        return makeError(ErrorCode::Usage, "--segment needs --segment-by (segment, acquisition-category, first-order-value or property:NAME)");
    const JobContext job = stderrProgress(parser.flag("quiet") || !parser.flag("json"));
    auto input = openAnalysis(*db, parser.value("timezone"), job);
    if (!input) return input.error();
    Result<SurvivalReport> report = makeError(ErrorCode::Internal, "not computed");
    if (auto by = parser.value("segment-by")) {
        auto groups = CustomerGroups::load(input->project->db(), input->log, *by);
        if (!groups) return groups.error();
        const auto total = groups->names.size();
        if (const auto wanted = parser.values("segment"); !wanted.empty()) SS_TRY(groups->keepOnly(wanted));
        else if (groups->keepLargest(kMostGroups))
            std::fprintf(stderr, "shelfsense-cli survival: %zu groups; showing the %zu largest (name others with --segment)\n", total, kMostGroups);
        report = Survival::compute(input->log, static_cast<int>(*gap), job, groups->groupOf, groups->names, groups->by);
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
