// CohortMatrix: a retention matrix as the engine returns it — one row per cohort (start, size, and
// per period: retained count, the count the rate is relative to, rate with its 95% Wilson interval,
// whether the period is fully observed, cumulative purchases and revenue per customer) and the mean
// row — with one toJson/fromJson shared by the CLI, the store and the workbench, and a long-format CSV.
// Plain value type: any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "CohortDefinition.h"
#include "common/Result.h"

namespace ss {

struct CohortCell {
    std::int64_t count = 0;        // customers retained in this period (by the counting mode)
    std::int64_t base = 0;         // what the rate is relative to (cohort size or the previous count)
    double rate = 0.0;             // count / base; NaN when base is 0
    double low = 0.0, high = 0.0;  // 95% Wilson interval (NaN where not defined, e.g. a simple mean)
    bool complete = true;          // the period is fully observed by the data's last event
    double purchasesPerCustomer = 0.0;  // cumulative from the cohort event through this period
    double revenuePerCustomer = 0.0;    // likewise, where purchases carry amounts
};

struct CohortRow {
    std::int64_t start = 0;    // the cohort period's first instant (UTC seconds)
    std::string label;         // its local date, e.g. 2017-11-27
    std::int64_t size = 0;
    std::vector<CohortCell> cells;  // period 0 first; as many as the data reaches for this cohort
};

struct CohortMatrix {
    CohortDefinition definition;
    std::int64_t dataEnd = 0;       // the last event's time: what "fully observed" is measured against
    std::int64_t customers = 0;     // customers in any cohort
    bool hasRevenue = false;
    std::vector<std::string> periodLabels;  // one per column of the widest row
    std::vector<CohortRow> rows;            // oldest cohort first
    std::vector<CohortCell> mean;           // over complete cells only

    // From each row's size and each cell's count, completeness, purchases and revenue: every cell's
    // base (by the definition's rate base), rate and Wilson interval, the column labels and the mean
    // row (complete cells only). The engine and imported matrices both end with it.
    void finish();

    boost::json::object toJson() const;
    static Result<CohortMatrix> fromJson(const boost::json::value& json);
    // One line per cohort and period: cohort,size,period,count,base,rate,ci_low,ci_high,complete,...
    std::string toCsv() const;
};

// 95% Wilson score interval of k successes in n trials (NaN, NaN when n == 0).
void wilsonInterval(std::int64_t k, std::int64_t n, double& low, double& high);

// Two groups' mean retention in one period, and the difference b − a with Newcombe's 95% interval
// (hybrid score, from the two Wilson intervals): the "do these segments really differ?" number.
struct RetentionDifference {
    std::size_t column = 0;
    std::int64_t countA = 0, baseA = 0, countB = 0, baseB = 0;
    double rateA = 0, rateB = 0, difference = 0, low = 0, high = 0;
};
// Per column of the pooled mean rows (complete cells only; weighted means). Columns missing from
// either matrix are left out.
std::vector<RetentionDifference> compareMeanRetention(const CohortMatrix& a, const CohortMatrix& b);
boost::json::array toJson(const std::vector<RetentionDifference>& differences);

}  // namespace ss
