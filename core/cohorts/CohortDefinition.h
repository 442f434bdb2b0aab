// CohortDefinition: what a retention matrix counts — cohort type, cohort and return events, period
// (calendar day / ISO week / month in a time zone, rolling windows from each customer's own cohort
// event, or custom day brackets), counting mode, rate base and mean — with the one sentence that
// states it (shown above every table and in the JSON) and its JSON form. Plain value type: any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "common/Result.h"
#include "store/EventType.h"

namespace ss {

enum class CohortType { FirstTime, Recurring };
enum class CohortPeriod { Day, Week, Month };  // calendar unit; also the unit cohorts are grouped by
enum class PeriodWindow {
    Calendar,  // period N = the N-th calendar day/week/month after the cohort's own
    Rolling,   // period N = [t0 + N·W, t0 + (N+1)·W) from the customer's cohort event t0; W = 24 h, 7 d or 30 d
    Brackets,  // custom day ranges counted from t0 (day d = floor((t − t0) / 24 h)), e.g. 1–3, 4–7, 8–14
};
enum class RetentionCounting { On, OnOrAfter };
enum class RateBase { CohortSize, PreviousPeriod };
enum class MeanKind { Weighted, Simple };

struct DayBracket {
    int firstDay = 1, lastDay = 1;  // inclusive, firstDay >= 1
    bool operator==(const DayBracket&) const = default;
};

struct CohortDefinition {
    CohortType type = CohortType::FirstTime;
    std::optional<EventType> cohortEvent;  // empty: any behaviour
    std::vector<EventType> returnEvents;   // empty: any behaviour; at most two types
    CohortPeriod period = CohortPeriod::Week;
    PeriodWindow window = PeriodWindow::Calendar;
    std::vector<DayBracket> brackets;      // window == Brackets
    RetentionCounting counting = RetentionCounting::On;
    RateBase base = RateBase::CohortSize;
    MeanKind mean = MeanKind::Weighted;
    std::string timeZone = "UTC";          // IANA name; calendar periods and cohort starts use it

    bool operator==(const CohortDefinition&) const = default;

    // Usage errors (brackets out of order, too many return events, ...) named field by field.
    Status validate() const;
    bool returns(EventType t) const {  // inline: the engines ask it of every event
        if (returnEvents.empty()) return true;
        for (auto r : returnEvents)
            if (r == t) return true;
        return false;
    }
    bool startsCohort(EventType t) const { return !cohortEvent || *cohortEvent == t; }
    // Rolling window length in seconds (24 h, 7 d, 30 d for day, week, month).
    std::int64_t windowSeconds() const;
    // Column headings: "Day 0", "Week 3", "Days 4–7", ...
    std::string periodLabel(std::size_t column) const;
    // The definition in one English sentence (the workbench composes its translated twin from the fields).
    std::string describe() const;

    boost::json::object toJson() const;
    static Result<CohortDefinition> fromJson(const boost::json::value& json);
};

// Names used on the command line and in JSON.
std::string_view periodName(CohortPeriod p);
std::optional<CohortPeriod> parsePeriod(std::string_view s);
std::string_view windowName(PeriodWindow w);
std::optional<PeriodWindow> parseWindow(std::string_view s);
// "1-3,4-7,8-14,15-30" → brackets (validated by CohortDefinition::validate()).
Result<std::vector<DayBracket>> parseBrackets(std::string_view text);

}  // namespace ss
