// CalendarPeriods: calendar days, ISO weeks (Monday start) and months in a time zone, numbered so
// that consecutive periods have consecutive indexes (period N after p is p + N). Used by the cohort
// engine and by anything that buckets events by local calendar. Immutable: any thread.
#pragma once

#include <cstdint>
#include <string>

#include "CohortDefinition.h"
#include "common/TimeZone.h"

namespace ss {

class CalendarPeriods {
public:
    CalendarPeriods(CohortPeriod unit, const TimeZone& zone) : unit_(unit), zone_(zone) {}

    // Index of the period holding the UTC instant.
    std::int64_t indexOf(std::int64_t utc) const { return indexOfLocal(zone_.toLocal(utc)); }
    std::int64_t indexOfLocal(std::int64_t localSeconds) const;
    // Local wall-clock seconds at which period `index` starts (its end is the next one's start).
    std::int64_t startLocal(std::int64_t index) const;
    // The UTC instant of that start (the first instant of the local period).
    std::int64_t startUtc(std::int64_t index) const;
    // The local date the period starts on, e.g. "2017-11-27".
    std::string label(std::int64_t index) const;
    const TimeZone& zone() const { return zone_; }

private:
    CohortPeriod unit_;
    const TimeZone& zone_;
};

}  // namespace ss
