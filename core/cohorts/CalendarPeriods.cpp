#include "CalendarPeriods.h"

#include "common/TimeUtil.h"

namespace ss {
std::int64_t CalendarPeriods::indexOfLocal(std::int64_t local) const {
    const std::int64_t day = floorDiv(local, 86400);
    switch (unit_) {
    case CohortPeriod::Day: return day;
    case CohortPeriod::Week: return floorDiv(day + 3, 7);  // 1970-01-01 was a Thursday; weeks start on Monday
    case CohortPeriod::Month: {
        int y;
        unsigned m, d;
        civilFromDays(day, y, m, d);
        return static_cast<std::int64_t>(y) * 12 + (m - 1);
    }
    }
    return day;
}

std::int64_t CalendarPeriods::startLocal(std::int64_t index) const {
    switch (unit_) {
    case CohortPeriod::Day: return index * 86400;
    case CohortPeriod::Week: return (index * 7 - 3) * 86400;
    case CohortPeriod::Month: {
        const auto year = static_cast<int>(floorDiv(index, 12));
        const auto month = static_cast<unsigned>(index - static_cast<std::int64_t>(year) * 12 + 1);
        return daysFromCivil(year, month, 1) * 86400;
    }
    }
    return index * 86400;
}

std::int64_t CalendarPeriods::startUtc(std::int64_t index) const {
    const std::int64_t local = startLocal(index);
    // The offset in force at the start itself; two rounds settle it next to a transition.
    std::int64_t utc = local - zone_.offsetAt(local);
    utc = local - zone_.offsetAt(utc);
    return utc;
}

std::string CalendarPeriods::label(std::int64_t index) const { return isoDate(startLocal(index)); }

}  // namespace ss
