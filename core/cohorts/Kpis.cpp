#include "Kpis.h"

#include <cmath>
#include <limits>
#include <map>

#include "CalendarPeriods.h"
#include "CohortEngine.h"
#include "common/TimeUtil.h"

namespace ss {

Result<Kpis> Kpis::compute(const ActivityLog& log, const TimeZone& zone, const JobContext& job) {
    Kpis k;
    k.dataEnd = log.lastEvent();
    constexpr int kWeeks = 12;
    constexpr std::int64_t kDay = 86400;
    const std::int64_t end = log.lastEvent();
    std::vector<std::int64_t> weekly(kWeeks, 0);
    // Purchases: the month (index) of each customer's first and second purchase, for the running rate.
    const CalendarPeriods months(CohortPeriod::Month, zone);
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> byMonth;  // month → (new buyers, new repeat buyers)
    for (std::size_t c = 0; c < log.customers(); ++c) {
        if ((c & 0xFFFF) == 0 && job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while computing the overview");
        std::int64_t purchases = 0;
        std::int64_t lastWeekSeen = -1;
        std::int64_t last = 0;
        for (const auto& e : log.events(c)) {
            last = e.ts;
            // Week w (0 = the latest) covers (end - 7(w+1) days, end - 7w days].
            const std::int64_t week = (end - e.ts) / (7 * kDay);
            if (week < kWeeks && week != lastWeekSeen) {
                ++weekly[static_cast<std::size_t>(week)];  // events are in time order, so each week is counted once
                lastWeekSeen = week;
            }
            if (e.type == EventType::Purchase) {
                ++purchases;
                if (purchases == 1) ++byMonth[months.indexOf(e.ts)].first;
                if (purchases == 2) ++byMonth[months.indexOf(e.ts)].second;
            }
        }
        // Active in the last 7 / 30 days: an event less than that before the data's end.
        if (!log.events(c).empty()) {
            if (end - last < 7 * kDay) ++k.active7;
            if (end - last < 30 * kDay) ++k.active30;
        }
        if (purchases >= 1) ++k.buyers;
        if (purchases >= 2) ++k.repeatBuyers;
    }
    k.repeatRate = k.buyers > 0 ? static_cast<double>(k.repeatBuyers) / static_cast<double>(k.buyers) : std::numeric_limits<double>::quiet_NaN();
    for (int w = kWeeks - 1; w >= 0; --w) {
        const std::int64_t weekEnd = end - static_cast<std::int64_t>(w) * 7 * kDay;
        // Labelled by the window's first local day.
        k.weeklyActive.push_back({isoDate(zone.toLocal(weekEnd - 7 * kDay + 1)), static_cast<double>(weekly[static_cast<std::size_t>(w)])});
    }
    std::int64_t buyers = 0, repeat = 0;
    for (const auto& [month, counts] : byMonth) {
        buyers += counts.first;
        repeat += counts.second;
        k.repeatByMonth.push_back({months.label(month), buyers > 0 ? static_cast<double>(repeat) / static_cast<double>(buyers) : 0.0});
    }
    CohortDefinition d;
    d.period = CohortPeriod::Month;
    d.timeZone = zone.name();
    auto matrix = CohortEngine::compute(log, d, zone, job);
    if (!matrix) return matrix.error();
    for (const auto& row : matrix->rows) {
        if (row.cells.size() < 2 || !row.cells[1].complete) continue;
        k.monthOneByCohort.push_back({row.label, row.cells[1].rate});
        k.lastCompleteCohort = row.label;
        k.monthOneRetention = row.cells[1].rate;
        k.monthOneLow = row.cells[1].low;
        k.monthOneHigh = row.cells[1].high;
        k.monthOneCohortSize = row.size;
    }
    return k;
}

}  // namespace ss
