#include "CohortMatrix.h"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <limits>

#include <boost/json.hpp>

#include "common/JsonNumbers.h"
#include "common/TimeUtil.h"

namespace ss {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Cells as parallel arrays (the DESIGN.md shape: counts, rates, complete, ...).
void cellsToJson(const std::vector<CohortCell>& cells, boost::json::object& o, bool revenue) {
    boost::json::array counts, bases, rates, ci, complete, purchases, revenues;
    for (const auto& c : cells) {
        counts.emplace_back(c.count);
        bases.emplace_back(c.base);
        rates.emplace_back(jsonNumber(c.rate));
        ci.emplace_back(boost::json::array{jsonNumber(c.low), jsonNumber(c.high)});
        complete.emplace_back(c.complete);
        purchases.emplace_back(jsonNumber(c.purchasesPerCustomer));
        revenues.emplace_back(jsonNumber(c.revenuePerCustomer));
    }
    o["counts"] = std::move(counts);
    o["bases"] = std::move(bases);
    o["rates"] = std::move(rates);
    o["ci95"] = std::move(ci);
    o["complete"] = std::move(complete);
    o["purchases_per_customer"] = std::move(purchases);
    if (revenue) o["revenue_per_customer"] = std::move(revenues);
}

Result<std::vector<CohortCell>> cellsFromJson(const boost::json::object& o, const std::string& where) {
    auto arr = [&](const char* key) -> const boost::json::array* {
        const auto* v = o.if_contains(key);
        return v && v->is_array() ? &v->get_array() : nullptr;
    };
    const auto *counts = arr("counts"), *bases = arr("bases"), *rates = arr("rates"), *ci = arr("ci95"),
               *complete = arr("complete"), *purchases = arr("purchases_per_customer"), *revenue = arr("revenue_per_customer");
    if (!counts || !bases || !rates || !ci || !complete || !purchases)
        return makeError(ErrorCode::InputData, "cohort cells need counts, bases, rates, ci95, complete and purchases_per_customer", where);
    const auto n = counts->size();
    if (bases->size() != n || rates->size() != n || ci->size() != n || complete->size() != n || purchases->size() != n ||
        (revenue && revenue->size() != n))
        return makeError(ErrorCode::InputData, "cohort cell arrays differ in length", where);
    std::vector<CohortCell> cells(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto& c = cells[i];
        if (!(*counts)[i].is_int64() || !(*bases)[i].is_int64() || !(*complete)[i].is_bool() || !(*ci)[i].is_array() ||
            (*ci)[i].get_array().size() != 2)
            return makeError(ErrorCode::InputData, "cohort cell " + std::to_string(i) + " is malformed", where);
        c.count = (*counts)[i].get_int64();
        c.base = (*bases)[i].get_int64();
        c.rate = numberOr((*rates)[i], kNaN);
        c.low = numberOr((*ci)[i].get_array()[0], kNaN);
        c.high = numberOr((*ci)[i].get_array()[1], kNaN);
        c.complete = (*complete)[i].get_bool();
        c.purchasesPerCustomer = numberOr((*purchases)[i], kNaN);
        c.revenuePerCustomer = revenue ? numberOr((*revenue)[i], kNaN) : 0.0;
    }
    return cells;
}

std::string csvNumber(double x) {
    if (!std::isfinite(x)) return {};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", x);
    return buf;
}

}  // namespace

void CohortMatrix::finish() {
    const CohortDefinition& d = definition;
    std::size_t widest = 0;
    for (auto& row : rows) {
        std::int64_t previous = row.size;
        for (auto& cell : row.cells) {
            cell.base = d.base == RateBase::CohortSize ? row.size : previous;
            cell.rate = cell.base > 0 ? static_cast<double>(cell.count) / static_cast<double>(cell.base) : kNaN;
            wilsonInterval(cell.count, cell.base, cell.low, cell.high);
            previous = cell.count;
        }
        widest = std::max(widest, row.cells.size());
    }
    periodLabels.clear();
    mean.clear();
    for (std::size_t col = 0; col < widest; ++col) {
        periodLabels.push_back(d.periodLabel(col));
        CohortCell m;
        double rateSum = 0, purchaseSum = 0, revenueSum = 0, simplePurchases = 0, simpleRevenue = 0;
        std::int64_t sizes = 0, rowsUsed = 0, rated = 0;
        for (const auto& row : rows) {
            if (col >= row.cells.size() || !row.cells[col].complete) continue;
            const auto& cell = row.cells[col];
            m.count += cell.count;
            m.base += cell.base;
            if (!std::isnan(cell.rate)) {
                rateSum += cell.rate;
                ++rated;
            }
            purchaseSum += cell.purchasesPerCustomer * static_cast<double>(row.size);
            revenueSum += cell.revenuePerCustomer * static_cast<double>(row.size);
            simplePurchases += cell.purchasesPerCustomer;
            simpleRevenue += cell.revenuePerCustomer;
            sizes += row.size;
            ++rowsUsed;
        }
        m.complete = rowsUsed > 0;
        if (rowsUsed == 0) {
            m.rate = m.low = m.high = m.purchasesPerCustomer = m.revenuePerCustomer = kNaN;
        } else if (d.mean == MeanKind::Weighted) {
            m.rate = m.base > 0 ? static_cast<double>(m.count) / static_cast<double>(m.base) : kNaN;
            wilsonInterval(m.count, m.base, m.low, m.high);
            m.purchasesPerCustomer = purchaseSum / static_cast<double>(sizes);
            m.revenuePerCustomer = revenueSum / static_cast<double>(sizes);
        } else {
            m.rate = rated > 0 ? rateSum / static_cast<double>(rated) : kNaN;
            m.low = m.high = kNaN;
            m.purchasesPerCustomer = simplePurchases / static_cast<double>(rowsUsed);
            m.revenuePerCustomer = simpleRevenue / static_cast<double>(rowsUsed);
        }
        mean.push_back(m);
    }
}

void wilsonInterval(std::int64_t k, std::int64_t n, double& low, double& high) {
    if (n <= 0 || k < 0 || k > n) {
        low = high = kNaN;
        return;
    }
    constexpr double z = 1.959963984540054;
    const double nn = static_cast<double>(n);
    const double p = static_cast<double>(k) / nn;
    const double denom = 1.0 + z * z / nn;
    const double centre = (p + z * z / (2.0 * nn)) / denom;
    const double half = z * std::sqrt(p * (1.0 - p) / nn + z * z / (4.0 * nn * nn)) / denom;
    low = std::max(0.0, centre - half);
    high = std::min(1.0, centre + half);
}

std::vector<RetentionDifference> compareMeanRetention(const CohortMatrix& a, const CohortMatrix& b) {
    std::vector<RetentionDifference> out;
    for (std::size_t col = 0; col < std::min(a.mean.size(), b.mean.size()); ++col) {
        const auto &x = a.mean[col], &y = b.mean[col];
        if (!x.complete || !y.complete || x.base <= 0 || y.base <= 0 || x.count > x.base || y.count > y.base) continue;
        RetentionDifference d;
        d.column = col;
        d.countA = x.count;
        d.baseA = x.base;
        d.countB = y.count;
        d.baseB = y.base;
        d.rateA = static_cast<double>(x.count) / static_cast<double>(x.base);
        d.rateB = static_cast<double>(y.count) / static_cast<double>(y.base);
        d.difference = d.rateB - d.rateA;
        double la, ha, lb, hb;
        wilsonInterval(x.count, x.base, la, ha);
        wilsonInterval(y.count, y.base, lb, hb);
        d.low = d.difference - std::sqrt((d.rateB - lb) * (d.rateB - lb) + (ha - d.rateA) * (ha - d.rateA));
        d.high = d.difference + std::sqrt((hb - d.rateB) * (hb - d.rateB) + (d.rateA - la) * (d.rateA - la));
        out.push_back(d);
    }
    return out;
}

boost::json::array toJson(const std::vector<RetentionDifference>& differences) {
    boost::json::array out;
    for (const auto& d : differences)
        out.emplace_back(boost::json::object{{"column", d.column},
                                             {"count_a", d.countA}, {"base_a", d.baseA}, {"rate_a", d.rateA},
                                             {"count_b", d.countB}, {"base_b", d.baseB}, {"rate_b", d.rateB},
                                             {"difference", d.difference}, {"ci95", boost::json::array{d.low, d.high}}});
    return out;
}

boost::json::object CohortMatrix::toJson() const {
    boost::json::object o;
    o["definition"] = definition.describe();
    o["options"] = definition.toJson();
    o["data_end"] = isoDateTime(dataEnd);
    o["customers"] = customers;
    o["has_revenue"] = hasRevenue;
    boost::json::array labels;
    for (const auto& l : periodLabels) labels.emplace_back(l);
    o["periods"] = std::move(labels);
    boost::json::array cohorts;
    for (const auto& r : rows) {
        boost::json::object c;
        c["start"] = r.label;
        c["start_utc"] = isoDateTime(r.start);
        c["size"] = r.size;
        cellsToJson(r.cells, c, hasRevenue);
        cohorts.emplace_back(std::move(c));
    }
    o["cohorts"] = std::move(cohorts);
    boost::json::object meanRow;
    cellsToJson(mean, meanRow, hasRevenue);
    o["mean"] = std::move(meanRow);
    return o;
}

Result<CohortMatrix> CohortMatrix::fromJson(const boost::json::value& json) {
    auto bad = [](const std::string& what) { return makeError(ErrorCode::InputData, "cohort matrix: " + what, "cohorts JSON"); };
    if (!json.is_object()) return bad("not an object");
    const auto& o = json.get_object();
    CohortMatrix m;
    const auto* options = o.if_contains("options");
    if (!options) return bad("no options");
    auto def = CohortDefinition::fromJson(*options);
    if (!def) return def.error();
    m.definition = std::move(*def);
    const auto* end = o.if_contains("data_end");
    const auto* customers = o.if_contains("customers");
    const auto* revenue = o.if_contains("has_revenue");
    const auto* periods = o.if_contains("periods");
    const auto* cohorts = o.if_contains("cohorts");
    const auto* meanRow = o.if_contains("mean");
    if (!end || !end->is_string() || !customers || !customers->is_int64() || !revenue || !revenue->is_bool() || !periods ||
        !periods->is_array() || !cohorts || !cohorts->is_array() || !meanRow || !meanRow->is_object())
        return bad("missing data_end, customers, has_revenue, periods, cohorts or mean");
    const auto endTime = parseDateTime(std::string_view(end->get_string()));
    if (!endTime) return bad("data_end is not a date");
    m.dataEnd = *endTime;
    m.customers = customers->get_int64();
    m.hasRevenue = revenue->get_bool();
    for (const auto& l : periods->get_array()) {
        if (!l.is_string()) return bad("a period label is not text");
        m.periodLabels.emplace_back(l.get_string());
    }
    for (const auto& c : cohorts->get_array()) {
        if (!c.is_object()) return bad("a cohort is not an object");
        const auto& co = c.get_object();
        const auto* label = co.if_contains("start");
        const auto* startUtc = co.if_contains("start_utc");
        const auto* size = co.if_contains("size");
        if (!label || !label->is_string() || !startUtc || !startUtc->is_string() || !size || !size->is_int64())
            return bad("a cohort lacks start, start_utc or size");
        CohortRow row;
        row.label = std::string(label->get_string());
        const auto start = parseDateTime(std::string_view(startUtc->get_string()));
        if (!start) return bad("start_utc is not a date");
        row.start = *start;
        row.size = size->get_int64();
        auto cells = cellsFromJson(co, "cohort " + row.label);
        if (!cells) return cells.error();
        row.cells = std::move(*cells);
        m.rows.push_back(std::move(row));
    }
    auto meanCells = cellsFromJson(meanRow->get_object(), "mean row");
    if (!meanCells) return meanCells.error();
    m.mean = std::move(*meanCells);
    return m;
}

std::string CohortMatrix::toCsv() const {
    std::string out = "cohort,size,period,column,count,base,rate,ci_low,ci_high,complete,purchases_per_customer";
    if (hasRevenue) out += ",revenue_per_customer";
    out += "\n";
    auto line = [&](const std::string& cohort, std::int64_t size, std::size_t col, const CohortCell& c) {
        out += cohort + "," + std::to_string(size) + "," + (col < periodLabels.size() ? periodLabels[col] : std::string()) + "," +
               std::to_string(col) + "," + std::to_string(c.count) + "," + std::to_string(c.base) + "," + csvNumber(c.rate) + "," +
               csvNumber(c.low) + "," + csvNumber(c.high) + "," + (c.complete ? "true" : "false") + "," +
               csvNumber(c.purchasesPerCustomer);
        if (hasRevenue) out += "," + csvNumber(c.revenuePerCustomer);
        out += "\n";
    };
    for (const auto& r : rows)
        for (std::size_t col = 0; col < r.cells.size(); ++col) line(r.label, r.size, col, r.cells[col]);
    std::int64_t total = 0;
    for (const auto& r : rows) total += r.size;
    for (std::size_t col = 0; col < mean.size(); ++col) line("mean", total, col, mean[col]);
    return out;
}

}  // namespace ss
