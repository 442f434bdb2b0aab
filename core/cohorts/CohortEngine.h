// CohortEngine: computes a retention matrix from an ActivityLog under a CohortDefinition — cohort
// membership, per-period returns in "on" or "on or after" mode, rates with Wilson intervals,
// incomplete periods, the mean row and cumulative purchases/revenue per customer. Stateless; runs
// on the calling (job) thread, with helper threads for large logs, and checks the job's stop token
// between customers (only the calling thread reports progress).
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "store/ActivityLog.h"
#include "CohortMatrix.h"
#include "common/JobContext.h"
#include "common/TimeZone.h"

namespace ss {

class CohortEngine {
public:
    // `include`, when not empty, has one flag per customer of the log: only flagged customers are
    // counted (a segment). The data's end is always the whole log's last event. `threads`: workers
    // that count shares of the customers (0: one per core for large logs, else one).
    static Result<CohortMatrix> compute(const ActivityLog& log, const CohortDefinition& definition,
                                        const TimeZone& zone, const JobContext& job = {},
                                        std::span<const char> include = {}, std::size_t threads = 0);

    // The customers behind one cell (by customer index of the log): those counted in `column` of the
    // cohort starting on `cohortStart` (a date inside the period, read in the zone); column 0 is the
    // whole cohort.
    static Result<std::vector<std::size_t>> members(const ActivityLog& log, const CohortDefinition& definition, const TimeZone& zone,
                                                    std::string_view cohortStart, std::size_t column, std::span<const char> include = {});
};

}  // namespace ss
