// Kpis: the shop's stickiness at a glance, for the Overview tiles — customers active in the last 7 and
// 30 days (with weekly active customers as the trend), the repeat-purchase rate (with its monthly
// trend), and month-1 retention of the latest complete monthly cohort (with every cohort's value as
// the trend). "Now" is the data's last event. Pure function of an ActivityLog: any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "common/TimeZone.h"
#include "store/ActivityLog.h"

namespace ss {

struct KpiPoint {
    std::string label;  // e.g. a week's or month's start date
    double value = 0;
};

struct Kpis {
    std::int64_t dataEnd = 0;
    std::int64_t active7 = 0, active30 = 0;
    std::vector<KpiPoint> weeklyActive;  // customers active in each of the last 12 weeks (7-day windows ending at the data's end)
    std::int64_t buyers = 0, repeatBuyers = 0;  // customers with at least one / two purchases
    double repeatRate = 0;                      // repeatBuyers / buyers (NaN without buyers)
    std::vector<KpiPoint> repeatByMonth;        // the rate as it stood at the end of each calendar month
    std::string lastCompleteCohort;             // the month, e.g. 2025-07-01 (empty when none is complete)
    double monthOneRetention = 0, monthOneLow = 0, monthOneHigh = 0;
    std::int64_t monthOneCohortSize = 0;
    std::vector<KpiPoint> monthOneByCohort;     // month-1 retention of every cohort whose month 1 is complete

    static Result<Kpis> compute(const ActivityLog& log, const TimeZone& zone, const JobContext& job = {});
};

}  // namespace ss
