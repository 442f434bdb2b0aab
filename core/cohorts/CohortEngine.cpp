#include "CohortEngine.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

#include "CalendarPeriods.h"
#include "common/JobStages.h"
#include "common/Parallel.h"
#include "common/TimeUtil.h"

namespace ss {
namespace {

// Counts gathered for one cohort row before rates are derived.
struct RowTally {
    std::int64_t size = 0;
    std::int64_t minT0 = std::numeric_limits<std::int64_t>::max();
    std::int64_t maxT0 = std::numeric_limits<std::int64_t>::min();
    std::vector<std::int64_t> returned;  // by column (column 0 unused: it is the size)
    std::vector<double> purchases, revenue;  // by column, not yet cumulative

    template <typename T>
    static void add(std::vector<T>& v, std::size_t col, T amount) {
        if (v.size() <= col) v.resize(col + 1, T{});
        v[col] += amount;
    }
};

// Where an event falls relative to one cohort entry (customer, t0, cohort period).
class ColumnMapper {
public:
    // `dataFrom`, `dataTo`: the data's first and last event (where the zone's clock is never set back
    // in between, a customer's last event is also their latest in local time).
    ColumnMapper(const CohortDefinition& d, const CalendarPeriods& calendar, std::int64_t dataFrom, std::int64_t dataTo)
        : d_(d), calendar_(calendar),
          lastIsLatest_(d.window != PeriodWindow::Calendar || calendar.zone().offsetConstantBetween(dataFrom, dataTo)) {}

    // The retention column of an event at `ts` (>= t0), or -1 when it falls in no column (a gap
    // between brackets, or past the last one).
    std::int64_t column(std::int64_t ts, std::int64_t t0, std::int64_t cohortIndex) const {
        switch (d_.window) {
        case PeriodWindow::Calendar: return periodOf(ts) - cohortIndex;
        case PeriodWindow::Rolling: return floorDiv(ts - t0, d_.windowSeconds());
        case PeriodWindow::Brackets: {
            const auto day = floorDiv(ts - t0, 86400);
            if (day == 0) return 0;
            for (std::size_t j = 0; j < d_.brackets.size(); ++j)
                if (day >= d_.brackets[j].firstDay && day <= d_.brackets[j].lastDay) return static_cast<std::int64_t>(j + 1);
            return -1;
        }
        }
        return -1;
    }
    // For cumulative measures: the first column whose period ends at or after the event.
    std::int64_t accumulationColumn(std::int64_t ts, std::int64_t t0, std::int64_t cohortIndex) const {
        if (d_.window != PeriodWindow::Brackets) return column(ts, t0, cohortIndex);
        const auto day = floorDiv(ts - t0, 86400);
        if (day == 0) return 0;
        for (std::size_t j = 0; j < d_.brackets.size(); ++j)
            if (day <= d_.brackets[j].lastDay) return static_cast<std::int64_t>(j + 1);
        return -1;
    }
    // For "on or after": a return counts towards columns 1..(the column it reaches), and that column
    // never falls as the return's time rises — in local wall-clock time for calendar periods (where a
    // clock set back can make a later instant read earlier), in UTC otherwise. So of a customer's
    // returns only the latest by this key decides what they count towards.
    std::int64_t reachKey(std::int64_t ts) const { return d_.window == PeriodWindow::Calendar ? calendar_.zone().toLocal(ts) : ts; }
    // Whether the latest event in UTC also has the largest reachKey().
    bool lastIsLatest() const { return lastIsLatest_; }
    // Every column a return with reachKey() `key` counts towards is 1..this.
    std::int64_t lastColumnReached(std::int64_t key, std::int64_t t0, std::int64_t cohortIndex) const {
        switch (d_.window) {
        case PeriodWindow::Calendar: return calendar_.indexOfLocal(key) - cohortIndex;
        case PeriodWindow::Rolling: return column(key, t0, cohortIndex);
        case PeriodWindow::Brackets: break;
        }
        const auto day = floorDiv(key - t0, 86400);
        std::int64_t reached = 0;
        for (std::size_t j = 0; j < d_.brackets.size(); ++j)
            if (day >= d_.brackets[j].firstDay) reached = static_cast<std::int64_t>(j + 1);
        return reached;
    }

    // Calendar period of an instant; a customer's events mostly fall in the period of the one before,
    // so the last period's local bounds are kept (one mapper per thread).
    std::int64_t periodOf(std::int64_t ts) const {
        const std::int64_t local = calendar_.zone().toLocal(ts);
        if (local < cachedStart_ || local >= cachedEnd_) {
            cachedIndex_ = calendar_.indexOfLocal(local);
            cachedStart_ = calendar_.startLocal(cachedIndex_);
            cachedEnd_ = calendar_.startLocal(cachedIndex_ + 1);
        }
        return cachedIndex_;
    }

private:
    const CohortDefinition& d_;
    const CalendarPeriods& calendar_;
    bool lastIsLatest_;
    mutable std::int64_t cachedIndex_ = 0, cachedStart_ = 0, cachedEnd_ = 0;
};

using Tallies = std::map<std::int64_t, RowTally>;  // by cohort period index

// One customer's part in a matrix: for each cohort they join (period p, cohort event at t0) join(p,
// t0); then counted(p, column) for every column they count in under the counting mode, and
// purchase(p, column, amount) for each purchase by the end of a column. False when they join none.
// `purchases`: the customer's purchases alone (ActivityLog::purchases()).
template <typename Join, typename Counted, typename Purchase>
bool visitCustomer(const ActivityLog::Events& events, const ActivityLog::Events& purchases, const CohortDefinition& d, const ColumnMapper& mapper,
                   std::vector<std::pair<std::int64_t, std::int64_t>>& entries, Join&& join, Counted&& counted, Purchase&& purchase) {
    entries.clear();
    for (const auto& e : events) {
        if (!d.startsCohort(e.type)) continue;
        const auto p = mapper.periodOf(e.ts);
        if (entries.empty() || (d.type == CohortType::Recurring && entries.back().first != p)) entries.emplace_back(p, e.ts);
        if (d.type == CohortType::FirstTime) break;
    }
    const bool orAfter = d.counting == RetentionCounting::OnOrAfter;
    // "On or after" with any behaviour as a return: the customer's last event (known without
    // decoding) decides their columns, and only their purchases are left to walk.
    const bool lastEventDecides = orAfter && d.returnEvents.empty() && mapper.lastIsLatest();
    for (const auto& [p, t0] : entries) {
        join(p, t0);
        std::int64_t lastCounted = 0;  // columns are non-decreasing in time: count each once
        std::optional<std::int64_t> latestReturn;  // "on or after": the largest reachKey() of a return
        for (const auto& e : lastEventDecides ? purchases : events) {
            if (e.ts < t0) continue;
            if (e.type == EventType::Purchase) {
                if (const auto acc = mapper.accumulationColumn(e.ts, t0, p); acc >= 0) purchase(p, acc, e.amount);
            }
            if (!d.returns(e.type) || lastEventDecides) continue;
            if (orAfter) {
                const auto key = mapper.reachKey(e.ts);
                if (!latestReturn || key > *latestReturn) latestReturn = key;
            } else if (const auto col = mapper.column(e.ts, t0, p); col >= 1 && col > lastCounted) {
                counted(p, col);
                lastCounted = col;
            }
        }
        if (lastEventDecides) latestReturn = mapper.reachKey(events.lastTime());
        if (orAfter && latestReturn)
            for (std::int64_t k = 1, reached = mapper.lastColumnReached(*latestReturn, t0, p); k <= reached; ++k) counted(p, k);
    }
    return !entries.empty();
}

// Counts the customers [from, to) into `tallies`; only the worker told to reports progress.
Status tallyCustomers(const ActivityLog& log, const CohortDefinition& d, const CalendarPeriods& calendar, std::span<const char> include,
                      std::size_t from, std::size_t to, const JobContext& job, bool reports, Tallies& tallies, std::int64_t& members) {
    const ColumnMapper mapper(d, calendar, log.firstEvent(), log.lastEvent());
    std::vector<std::pair<std::int64_t, std::int64_t>> entries;
    RowTally* row = nullptr;  // the tally of the cohort being visited
    for (std::size_t c = from; c < to; ++c) {
        if (((c - from) & 0xFFFF) == 0) {
            if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while counting cohorts");
            if (reports) job.report(static_cast<double>(c - from) / static_cast<double>(std::max<std::size_t>(1, to - from)), stages::kCountingCohorts);
        }
        if (!include.empty() && !include[c]) continue;
        const bool joined = visitCustomer(
            log.events(c), log.purchases(c), d, mapper, entries,
            [&](std::int64_t p, std::int64_t t0) {
                row = &tallies[p];
                ++row->size;
                row->minT0 = std::min(row->minT0, t0);
                row->maxT0 = std::max(row->maxT0, t0);
            },
            [&](std::int64_t, std::int64_t col) { RowTally::add(row->returned, static_cast<std::size_t>(col), std::int64_t{1}); },
            [&](std::int64_t, std::int64_t col, float amount) {
                RowTally::add(row->purchases, static_cast<std::size_t>(col), 1.0);
                RowTally::add(row->revenue, static_cast<std::size_t>(col), static_cast<double>(amount));
            });
        if (joined) ++members;
    }
    return {};
}

void merge(Tallies& into, Tallies& from) {
    for (auto& [p, t] : from) {
        auto& row = into[p];
        row.size += t.size;
        row.minT0 = std::min(row.minT0, t.minT0);
        row.maxT0 = std::max(row.maxT0, t.maxT0);
        for (std::size_t i = 0; i < t.returned.size(); ++i) RowTally::add(row.returned, i, t.returned[i]);
        for (std::size_t i = 0; i < t.purchases.size(); ++i) RowTally::add(row.purchases, i, t.purchases[i]);
        for (std::size_t i = 0; i < t.revenue.size(); ++i) RowTally::add(row.revenue, i, t.revenue[i]);
    }
}

}  // namespace

Result<CohortMatrix> CohortEngine::compute(const ActivityLog& log, const CohortDefinition& d, const TimeZone& zone,
                                           const JobContext& job, std::span<const char> include, std::size_t threads) {
    SS_TRY(d.validate());
    if (!include.empty() && include.size() != log.customers())
        return makeError(ErrorCode::Internal, "segment flags do not match the customers of the activity log");
    const CalendarPeriods calendar(d.period, zone);
    CohortMatrix m;
    m.definition = d;
    m.dataEnd = log.lastEvent();
    m.hasRevenue = log.hasAmounts();

    // Customers are independent: each worker counts a contiguous share, then the counts are added.
    const std::size_t workers = workersFor(log.customers(), 20000, threads);
    std::vector<Tallies> partial(workers);
    std::vector<std::int64_t> counted(workers, 0);
    std::vector<Status> outcome(workers);
    forEachShare(log.customers(), workers, [&](std::size_t w, std::size_t from, std::size_t to) {
        outcome[w] = tallyCustomers(log, d, calendar, include, from, to, job, w == 0, partial[w], counted[w]);
    });
    for (const auto& o : outcome) SS_TRY(o);
    Tallies tallies = std::move(partial[0]);
    std::int64_t members = counted[0];
    for (std::size_t w = 1; w < workers; ++w) {
        merge(tallies, partial[w]);
        members += counted[w];
    }
    m.customers = members;

    // Columns each row reaches and whether each is fully observed.
    const std::int64_t end = log.lastEvent();
    const std::int64_t endLocal = zone.toLocal(end);
    const std::int64_t lastIndex = calendar.indexOf(end);
    for (auto& [p, t] : tallies) {
        CohortRow row;
        row.start = calendar.startUtc(p);
        row.label = calendar.label(p);
        row.size = t.size;
        std::size_t width = 1;
        switch (d.window) {
        case PeriodWindow::Calendar: width = static_cast<std::size_t>(lastIndex - p + 1); break;
        case PeriodWindow::Rolling: width = static_cast<std::size_t>(floorDiv(end - t.minT0, d.windowSeconds()) + 1); break;
        case PeriodWindow::Brackets:
            for (const auto& b : d.brackets)
                if (t.minT0 + static_cast<std::int64_t>(b.firstDay) * 86400 <= end) ++width;
            break;
        }
        auto completeAt = [&](std::size_t col) {
            switch (d.window) {
            case PeriodWindow::Calendar:
                return calendar.startLocal(p + static_cast<std::int64_t>(col) + 1) <= endLocal + 1;
            case PeriodWindow::Rolling:
                return t.maxT0 + (static_cast<std::int64_t>(col) + 1) * d.windowSeconds() <= end + 1;
            case PeriodWindow::Brackets: {
                const std::int64_t lastDay = col == 0 ? 0 : d.brackets[col - 1].lastDay;
                return t.maxT0 + (lastDay + 1) * 86400 <= end + 1;
            }
            }
            return false;
        };
        double purchases = 0, revenue = 0;
        for (std::size_t col = 0; col < width; ++col) {
            CohortCell cell;
            cell.count = col == 0 ? t.size : (col < t.returned.size() ? t.returned[col] : 0);
            cell.complete = completeAt(col);
            if (col < t.purchases.size()) purchases += t.purchases[col];
            if (col < t.revenue.size()) revenue += t.revenue[col];
            cell.purchasesPerCustomer = purchases / static_cast<double>(t.size);
            cell.revenuePerCustomer = revenue / static_cast<double>(t.size);
            row.cells.push_back(cell);
        }
        m.rows.push_back(std::move(row));
    }
    m.finish();
    job.report(1.0, stages::kCountingCohorts);
    return m;
}

Result<std::vector<std::size_t>> CohortEngine::members(const ActivityLog& log, const CohortDefinition& d, const TimeZone& zone,
                                                      std::string_view cohortStart, std::size_t column, std::span<const char> include) {
    SS_TRY(d.validate());
    const auto date = parseDateTime(cohortStart);
    if (!date) return makeError(ErrorCode::Usage, "a cohort is named by its start date, e.g. 2025-03-03; got '" + std::string(cohortStart) + "'", "cohort");
    const CalendarPeriods calendar(d.period, zone);
    const ColumnMapper mapper(d, calendar, log.firstEvent(), log.lastEvent());
    const std::int64_t target = calendar.indexOfLocal(*date);  // the date read as local wall-clock time
    std::vector<std::pair<std::int64_t, std::int64_t>> entries;
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < log.customers(); ++c) {
        if (!include.empty() && !include[c]) continue;
        bool in = false;
        visitCustomer(
            log.events(c), log.purchases(c), d, mapper, entries, [&](std::int64_t p, std::int64_t) { in = in || (column == 0 && p == target); },
            [&](std::int64_t p, std::int64_t col) { in = in || (p == target && static_cast<std::size_t>(col) == column); },
            [](std::int64_t, std::int64_t, float) {});
        if (in) out.push_back(c);
    }
    return out;
}

}  // namespace ss
