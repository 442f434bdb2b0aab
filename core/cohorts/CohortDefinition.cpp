#include "CohortDefinition.h"
#include <charconv>

#include "common/Numbers.h"

#include <boost/json.hpp>

namespace ss {
namespace {

std::string behaviourPhrase(EventType t) {
    switch (t) {
    case EventType::View: return "a view";
    case EventType::Cart: return "an add-to-cart";
    case EventType::Favourite: return "a favourite";
    case EventType::Purchase: return "a purchase";
    }
    return "an event";
}

std::string unitName(CohortPeriod p) { return std::string(periodName(p)); }

std::string returnPhrase(const CohortDefinition& d) {
    if (d.returnEvents.empty()) return "any behaviour";
    std::string s = behaviourPhrase(d.returnEvents[0]);
    for (std::size_t i = 1; i < d.returnEvents.size(); ++i) s += " or " + behaviourPhrase(d.returnEvents[i]);
    return s;
}

std::string calendarPhrase(CohortPeriod p, const std::string& zone) {
    switch (p) {
    case CohortPeriod::Day: return "calendar day (" + zone + ")";
    case CohortPeriod::Week: return "ISO week (Monday to Sunday, " + zone + ")";
    case CohortPeriod::Month: return "calendar month (" + zone + ")";
    }
    return {};
}

std::optional<EventType> typeFromJson(const boost::json::value& v) {
    if (!v.is_string()) return std::nullopt;
    return parseEventType(std::string_view(v.get_string()));
}

}  // namespace

std::string_view periodName(CohortPeriod p) {
    switch (p) {
    case CohortPeriod::Day: return "day";
    case CohortPeriod::Week: return "week";
    case CohortPeriod::Month: return "month";
    }
    return "week";
}

std::optional<CohortPeriod> parsePeriod(std::string_view s) {
    if (s == "day") return CohortPeriod::Day;
    if (s == "week") return CohortPeriod::Week;
    if (s == "month") return CohortPeriod::Month;
    return std::nullopt;
}

std::string_view windowName(PeriodWindow w) {
    switch (w) {
    case PeriodWindow::Calendar: return "calendar";
    case PeriodWindow::Rolling: return "rolling";
    case PeriodWindow::Brackets: return "brackets";
    }
    return "calendar";
}

std::optional<PeriodWindow> parseWindow(std::string_view s) {
    if (s == "calendar") return PeriodWindow::Calendar;
    if (s == "rolling") return PeriodWindow::Rolling;
    if (s == "brackets") return PeriodWindow::Brackets;
    return std::nullopt;
}

Result<std::vector<DayBracket>> parseBrackets(std::string_view text) {
    std::vector<DayBracket> out;
    auto number = [](std::string_view s, int& v) {
        const auto n = parseInt(s);
        if (n) v = *n;
        return n.has_value();
    };
    while (!text.empty()) {
        const auto comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        const auto dash = part.find('-');
        DayBracket b;
        const bool ok = dash == std::string_view::npos
                            ? number(part, b.firstDay) && (b.lastDay = b.firstDay, true)
                            : number(part.substr(0, dash), b.firstDay) && number(part.substr(dash + 1), b.lastDay);
        if (!ok)
            return makeError(ErrorCode::Usage, "bracket '" + std::string(part) + "' is not FIRST-LAST in days (e.g. 1-3,4-7)", "brackets");
        out.push_back(b);
        if (comma == std::string_view::npos) break;
        text.remove_prefix(comma + 1);
    }
    if (out.empty()) return makeError(ErrorCode::Usage, "no brackets given (e.g. 1-3,4-7,8-14,15-30)", "brackets");
    return out;
}

Status CohortDefinition::validate() const {
    if (returnEvents.size() > 2) return makeError(ErrorCode::Usage, "at most two return behaviours", "return events");
    if (window == PeriodWindow::Brackets) {
        if (brackets.empty()) return makeError(ErrorCode::Usage, "bracket periods need at least one bracket", "brackets");
        int previousLast = 0;
        for (const auto& b : brackets) {
            if (b.firstDay < 1 || b.lastDay < b.firstDay)
                return makeError(ErrorCode::Usage,
                                 "bracket " + std::to_string(b.firstDay) + "-" + std::to_string(b.lastDay) +
                                     " must start on day 1 or later and end on or after its start",
                                 "brackets");
            if (b.firstDay <= previousLast)
                return makeError(ErrorCode::Usage, "brackets must be in order and must not overlap", "brackets");
            previousLast = b.lastDay;
        }
    }
    if (timeZone.empty()) return makeError(ErrorCode::Usage, "no time zone", "time zone");
    return {};
}

std::int64_t CohortDefinition::windowSeconds() const {
    switch (period) {
    case CohortPeriod::Day: return 86400;
    case CohortPeriod::Week: return 7 * 86400;
    case CohortPeriod::Month: return 30 * 86400;
    }
    return 86400;
}

std::string CohortDefinition::periodLabel(std::size_t column) const {
    if (window == PeriodWindow::Brackets) {
        if (column == 0 || column > brackets.size()) return "Day 0";
        const auto& b = brackets[column - 1];
        if (b.firstDay == b.lastDay) return "Day " + std::to_string(b.firstDay);
        return "Days " + std::to_string(b.firstDay) + "\u2013" + std::to_string(b.lastDay);
    }
    std::string unit = unitName(period);
    unit[0] = static_cast<char>(unit[0] - 'a' + 'A');
    return unit + " " + std::to_string(column);
}

std::string CohortDefinition::describe() const {
    const std::string unit = unitName(period);
    std::string s = type == CohortType::FirstTime ? "First-time cohorts: each customer joins the cohort of the "
                                                  : "Recurring cohorts: a customer joins the cohort of every ";
    s += calendarPhrase(period, timeZone);
    if (type == CohortType::FirstTime)
        s += cohortEvent ? " of their first " + behaviourPhrase(*cohortEvent).substr(behaviourPhrase(*cohortEvent).find(' ') + 1)
                         : " of their first event of any kind";
    else
        s += cohortEvent ? " in which they made " + behaviourPhrase(*cohortEvent) : " in which they were active";
    s += "; they count as returned in ";
    const std::string returned = returnPhrase(*this);
    const bool orAfter = counting == RetentionCounting::OnOrAfter;
    switch (window) {
    case PeriodWindow::Calendar:
        s += unit + " N if they did " + returned + " in " + (orAfter ? "the N-th " + unit + " after the cohort's " + unit + " or any later one"
                                                                      : "exactly the N-th " + unit + " after the cohort's " + unit);
        break;
    case PeriodWindow::Rolling: {
        const std::string w = period == CohortPeriod::Day ? "24-hour" : period == CohortPeriod::Week ? "7-day" : "30-day";
        s += "period N if they did " + returned + " in " + (orAfter ? "the N-th " + w + " window or any later one" : "exactly the N-th " + w + " window") +
             " counted from their own cohort event";
        break;
    }
    case PeriodWindow::Brackets: {
        std::string list;
        for (std::size_t i = 0; i < brackets.size(); ++i) list += (i ? ", " : "") + periodLabel(i + 1);
        s += "a bracket if they did " + returned + (orAfter ? " on its first day or later" : " within it") +
             ", days counted from their own cohort event (" + list + ")";
        break;
    }
    }
    s += base == RateBase::CohortSize ? "; rates are relative to the cohort's size"
                                      : "; rates are relative to the previous period's count";
    s += "; periods the data does not fully cover are marked incomplete and left out of the mean row, ";
    s += mean == MeanKind::Weighted ? "which is weighted by cohort size." : "a simple mean of the cohorts' rates.";
    return s;
}

boost::json::object CohortDefinition::toJson() const {
    boost::json::object o;
    o["cohort_type"] = type == CohortType::FirstTime ? "first-time" : "recurring";
    o["cohort_event"] = cohortEvent ? boost::json::value(std::string(eventTypeName(*cohortEvent))) : boost::json::value("any");
    boost::json::array ret;
    for (auto t : returnEvents) ret.emplace_back(std::string(eventTypeName(t)));
    o["return_events"] = std::move(ret);
    o["period"] = std::string(periodName(period));
    o["window"] = std::string(windowName(window));
    boost::json::array br;
    for (const auto& b : brackets) br.emplace_back(boost::json::array{b.firstDay, b.lastDay});
    o["brackets"] = std::move(br);
    o["counting"] = counting == RetentionCounting::On ? "on" : "on-or-after";
    o["rate_base"] = base == RateBase::CohortSize ? "cohort" : "previous";
    o["mean"] = mean == MeanKind::Weighted ? "weighted" : "simple";
    o["time_zone"] = timeZone;
    return o;
}

Result<CohortDefinition> CohortDefinition::fromJson(const boost::json::value& json) {
    auto bad = [](const std::string& field) {
        return makeError(ErrorCode::InputData, "cohort definition has no valid '" + field + "'", field);
    };
    if (!json.is_object()) return bad("definition");
    const auto& o = json.get_object();
    auto str = [&](const char* key) -> std::string {
        const auto* v = o.if_contains(key);
        return v && v->is_string() ? std::string(v->get_string()) : std::string();
    };
    CohortDefinition d;
    const auto type = str("cohort_type");
    if (type != "first-time" && type != "recurring") return bad("cohort_type");
    d.type = type == "first-time" ? CohortType::FirstTime : CohortType::Recurring;
    if (str("cohort_event") != "any") {
        const auto* v = o.if_contains("cohort_event");
        if (!v || !typeFromJson(*v)) return bad("cohort_event");
        d.cohortEvent = typeFromJson(*v);
    }
    const auto* ret = o.if_contains("return_events");
    if (!ret || !ret->is_array()) return bad("return_events");
    for (const auto& v : ret->get_array()) {
        auto t = typeFromJson(v);
        if (!t) return bad("return_events");
        d.returnEvents.push_back(*t);
    }
    auto period = parsePeriod(str("period"));
    auto window = parseWindow(str("window"));
    if (!period) return bad("period");
    if (!window) return bad("window");
    d.period = *period;
    d.window = *window;
    const auto* br = o.if_contains("brackets");
    if (!br || !br->is_array()) return bad("brackets");
    for (const auto& b : br->get_array()) {
        if (!b.is_array() || b.get_array().size() != 2 || !b.get_array()[0].is_int64() || !b.get_array()[1].is_int64())
            return bad("brackets");
        d.brackets.push_back({static_cast<int>(b.get_array()[0].get_int64()), static_cast<int>(b.get_array()[1].get_int64())});
    }
    const auto counting = str("counting");
    if (counting != "on" && counting != "on-or-after") return bad("counting");
    d.counting = counting == "on" ? RetentionCounting::On : RetentionCounting::OnOrAfter;
    const auto base = str("rate_base");
    if (base != "cohort" && base != "previous") return bad("rate_base");
    d.base = base == "cohort" ? RateBase::CohortSize : RateBase::PreviousPeriod;
    const auto mean = str("mean");
    if (mean != "weighted" && mean != "simple") return bad("mean");
    d.mean = mean == "weighted" ? MeanKind::Weighted : MeanKind::Simple;
    d.timeZone = str("time_zone");
    SS_TRY(d.validate());
    return d;
}

}  // namespace ss
