#include "Survival.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "common/JobStages.h"

#include <boost/json.hpp>
#include <boost/math/distributions/chi_squared.hpp>

#include "common/JsonNumbers.h"
#include "common/Parallel.h"
#include "common/TimeUtil.h"

namespace ss {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kZ95 = 1.959963984540054;

// First time at which `values` (aligned with points) is at or below one half; +inf when never.
template <typename Get>
double firstAtOrBelowHalf(const std::vector<SurvivalPoint>& points, Get get) {
    for (const auto& p : points)
        if (get(p) <= 0.5) return p.time;
    return kInf;
}

// Solves A x = b for a small symmetric positive-definite system (Gaussian elimination with pivoting).
bool solve(std::vector<std::vector<double>> a, std::vector<double> b, std::vector<double>& x) {
    const std::size_t n = b.size();
    for (std::size_t col = 0; col < n; ++col) {
        std::size_t pivot = col;
        for (std::size_t r = col + 1; r < n; ++r)
            if (std::abs(a[r][col]) > std::abs(a[pivot][col])) pivot = r;
        if (std::abs(a[pivot][col]) < 1e-300) return false;
        std::swap(a[col], a[pivot]);
        std::swap(b[col], b[pivot]);
        for (std::size_t r = col + 1; r < n; ++r) {
            const double f = a[r][col] / a[col][col];
            for (std::size_t c = col; c < n; ++c) a[r][c] -= f * a[col][c];
            b[r] -= f * b[col];
        }
    }
    x.assign(n, 0.0);
    for (std::size_t i = n; i-- > 0;) {
        double s = b[i];
        for (std::size_t c = i + 1; c < n; ++c) s -= a[i][c] * x[c];
        x[i] = s / a[i][i];
    }
    return true;
}

}  // namespace

std::vector<Lifetime> Survival::lifetimes(const ActivityLog& log, int churnGapDays, std::span<const char> include, std::size_t threads) {
    const std::int64_t gap = static_cast<std::int64_t>(churnGapDays) * 86400;
    // Customers are independent: shares are measured on parallel workers and concatenated in order.
    const std::size_t n = log.customers();
    const std::size_t workers = workersFor(n, 50000, threads);
    std::vector<std::vector<Lifetime>> parts(workers);
    forEachShare(n, workers, [&](std::size_t w, std::size_t from, std::size_t to) {
        auto& out = parts[w];
        for (std::size_t c = from; c < to; ++c) {
            if (!include.empty() && !include[c]) continue;
            const auto events = log.events(c);
            if (events.empty()) continue;
            Lifetime l;
            l.customer = c;
            // Walk to the first silence longer than the gap; without one, the last event ends the life.
            std::int64_t end = events.firstTime();
            bool gapFound = false;
            for (const auto& e : events) {
                if (e.ts - end > gap) {
                    gapFound = true;
                    break;
                }
                end = e.ts;
            }
            l.churned = gapFound || log.lastEvent() - end >= gap;
            l.days = (end - events.firstTime()) / 86400;
            out.push_back(l);
        }
    });
    std::vector<Lifetime> all = std::move(parts[0]);
    for (std::size_t w = 1; w < workers; ++w) all.insert(all.end(), parts[w].begin(), parts[w].end());
    return all;
}

SurvivalCurve Survival::kaplanMeier(std::span<const double> durations, std::span<const char> churned, std::string group) {
    SurvivalCurve curve;
    curve.group = std::move(group);
    curve.customers = static_cast<std::int64_t>(durations.size());
    std::map<double, std::pair<std::int64_t, std::int64_t>> byTime;  // time → (churned, censored)
    for (std::size_t i = 0; i < durations.size(); ++i) {
        auto& slot = byTime[durations[i]];
        if (churned[i]) {
            ++slot.first;
            ++curve.churned;
        } else {
            ++slot.second;
        }
    }
    byTime.try_emplace(0.0, 0, 0);  // the curve starts at time 0 (as lifelines' timeline)
    std::int64_t atRisk = curve.customers;
    double survival = 1.0, greenwood = 0.0;
    for (const auto& [time, counts] : byTime) {
        const auto [d, c] = counts;
        SurvivalPoint p;
        p.time = time;
        p.atRisk = atRisk;
        p.churned = d;
        p.censored = c;
        if (d > 0 && atRisk > 0) {
            survival *= 1.0 - static_cast<double>(d) / static_cast<double>(atRisk);
            greenwood += d < atRisk ? static_cast<double>(d) / (static_cast<double>(atRisk) * static_cast<double>(atRisk - d)) : kInf;
        }
        p.survival = survival;
        // Exponential Greenwood ("log(-log)") band; undefined at S = 1 (band 1, as lifelines) and at S = 0 (band 0).
        const double v = std::log(survival);
        if (survival <= 0.0 || !std::isfinite(greenwood)) {
            p.low = p.high = 0.0;
        } else if (survival < 1.0) {
            p.high = std::exp(-std::exp(std::log(-v) + kZ95 * std::sqrt(greenwood) / v));
            p.low = std::exp(-std::exp(std::log(-v) - kZ95 * std::sqrt(greenwood) / v));
        } else {
            p.low = p.high = 1.0;
        }
        curve.points.push_back(p);
        atRisk -= d + c;
    }
    curve.median = firstAtOrBelowHalf(curve.points, [](const SurvivalPoint& p) { return p.survival; });
    curve.medianLow = firstAtOrBelowHalf(curve.points, [](const SurvivalPoint& p) { return p.low; });
    curve.medianHigh = firstAtOrBelowHalf(curve.points, [](const SurvivalPoint& p) { return p.high; });
    return curve;
}

LogRankResult Survival::logRank(std::span<const std::vector<double>> durations, std::span<const std::vector<char>> churned) {
    const std::size_t k = durations.size();
    LogRankResult r;
    r.degreesOfFreedom = static_cast<int>(k) - 1;
    if (k < 2) return r;
    // At each distinct event time: observed minus expected churn per group and its covariance.
    std::map<double, std::vector<std::pair<std::int64_t, std::int64_t>>> table;  // time → per group (churned, leaving)
    for (std::size_t g = 0; g < k; ++g)
        for (std::size_t i = 0; i < durations[g].size(); ++i) {
            auto& row = table[durations[g][i]];
            row.resize(k);
            if (churned[g][i]) ++row[g].first;
            ++row[g].second;
        }
    std::vector<double> atRisk(k, 0.0);
    for (std::size_t g = 0; g < k; ++g) atRisk[g] = static_cast<double>(durations[g].size());
    std::vector<double> oMinusE(k, 0.0);
    std::vector<std::vector<double>> cov(k, std::vector<double>(k, 0.0));
    for (auto& [time, row] : table) {
        row.resize(k);
        double n = 0, d = 0;
        for (std::size_t g = 0; g < k; ++g) {
            n += atRisk[g];
            d += static_cast<double>(row[g].first);
        }
        if (d > 0 && n > 0) {
            const double factor = n > 1 ? d * (n - d) / (n * n * (n - 1)) : 0.0;
            for (std::size_t g = 0; g < k; ++g) {
                oMinusE[g] += static_cast<double>(row[g].first) - d * atRisk[g] / n;
                for (std::size_t h = 0; h < k; ++h)
                    cov[g][h] += factor * atRisk[g] * ((g == h ? n : 0.0) - atRisk[h]);
            }
        }
        for (std::size_t g = 0; g < k; ++g) atRisk[g] -= static_cast<double>(row[g].second);
    }
    // The statistic on the first k − 1 groups (the last is determined by them).
    std::vector<std::vector<double>> a(k - 1, std::vector<double>(k - 1));
    std::vector<double> b(k - 1), x;
    for (std::size_t g = 0; g + 1 < k; ++g) {
        b[g] = oMinusE[g];
        for (std::size_t h = 0; h + 1 < k; ++h) a[g][h] = cov[g][h];
    }
    if (!solve(a, b, x)) {
        r.chiSquare = 0;
        r.pValue = 1.0;
        return r;
    }
    for (std::size_t g = 0; g + 1 < k; ++g) r.chiSquare += b[g] * x[g];
    const boost::math::chi_squared dist(static_cast<double>(r.degreesOfFreedom));
    r.pValue = r.chiSquare > 0 ? boost::math::cdf(boost::math::complement(dist, r.chiSquare)) : 1.0;
    return r;
}

Result<SurvivalReport> Survival::compute(const ActivityLog& log, int churnGapDays, const JobContext& job, std::span<const int> groupOf,
                                         std::span<const std::string> groupNames, std::string groupedBy) {
    if (churnGapDays < 1) return makeError(ErrorCode::Usage, "the churn gap must be at least one day", "churn gap");
    if (!groupOf.empty() && groupOf.size() != log.customers())
        return makeError(ErrorCode::Internal, "groups do not match the customers of the activity log");
    job.report(0.0, stages::kMeasuringLifetimes);
    SurvivalReport report;
    report.churnGapDays = churnGapDays;
    report.dataEnd = log.lastEvent();
    report.groupedBy = std::move(groupedBy);
    // Only the customers in a group are measured (all of them without groups).
    std::vector<char> grouped;
    if (!groupOf.empty()) {
        grouped.assign(groupOf.size(), 0);
        for (std::size_t c = 0; c < groupOf.size(); ++c) grouped[c] = groupOf[c] >= 0 ? 1 : 0;
    }
    const auto all = lifetimes(log, churnGapDays, grouped);
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while measuring lifetimes");
    const std::size_t k = groupOf.empty() ? 1 : groupNames.size();
    std::vector<std::vector<double>> durations(k);
    std::vector<std::vector<char>> churned(k);
    for (const auto& l : all) {
        const int g = groupOf.empty() ? 0 : groupOf[l.customer];
        if (g < 0 || static_cast<std::size_t>(g) >= k) continue;
        durations[static_cast<std::size_t>(g)].push_back(static_cast<double>(l.days));
        churned[static_cast<std::size_t>(g)].push_back(l.churned ? 1 : 0);
    }
    for (std::size_t g = 0; g < k; ++g) {
        if (durations[g].empty()) continue;
        report.curves.push_back(kaplanMeier(durations[g], churned[g], groupOf.empty() ? "all" : groupNames[g]));
    }
    if (!groupOf.empty()) {
        std::vector<std::vector<double>> d;
        std::vector<std::vector<char>> c;
        for (std::size_t g = 0; g < k; ++g)
            if (!durations[g].empty()) {
                d.push_back(std::move(durations[g]));
                c.push_back(std::move(churned[g]));
            }
        if (d.size() >= 2) report.logRank = logRank(d, c);
    }
    job.report(1.0, stages::kMeasuringLifetimes);
    return report;
}

std::string SurvivalReport::describe() const {
    return "Active lifetime: from a customer's first event to their last event before a gap of more than " +
           std::to_string(churnGapDays) + " days (the churn); customers whose last event is less than " + std::to_string(churnGapDays) +
           " days before the data's end (" + isoDateTime(dataEnd) +
           ") are censored there. Kaplan-Meier estimate with exponential Greenwood 95% bands" +
           (logRank ? "; groups compared with the log-rank test." : ".");
}

boost::json::object SurvivalReport::toJson() const {
    boost::json::object o;
    o["definition"] = describe();
    o["churn_gap_days"] = churnGapDays;
    o["data_end"] = isoDateTime(dataEnd);
    o["grouped_by"] = groupedBy;
    boost::json::array curvesJson;
    for (const auto& c : curves) {
        boost::json::object cj;
        cj["group"] = c.group;
        cj["customers"] = c.customers;
        cj["churned"] = c.churned;
        cj["median_days"] = jsonNumber(c.median);
        cj["median_ci95"] = boost::json::array{jsonNumber(c.medianLow), jsonNumber(c.medianHigh)};
        boost::json::array t, n, d, cens, s, lo, hi;
        for (const auto& p : c.points) {
            t.emplace_back(p.time);
            n.emplace_back(p.atRisk);
            d.emplace_back(p.churned);
            cens.emplace_back(p.censored);
            s.emplace_back(p.survival);
            lo.emplace_back(p.low);
            hi.emplace_back(p.high);
        }
        cj["days"] = std::move(t);
        cj["at_risk"] = std::move(n);
        cj["churned_at"] = std::move(d);
        cj["censored_at"] = std::move(cens);
        cj["survival"] = std::move(s);
        cj["ci95_low"] = std::move(lo);
        cj["ci95_high"] = std::move(hi);
        curvesJson.emplace_back(std::move(cj));
    }
    o["curves"] = std::move(curvesJson);
    if (logRank) {
        o["log_rank"] = boost::json::object{{"chi_square", logRank->chiSquare},
                                            {"degrees_of_freedom", logRank->degreesOfFreedom},
                                            {"p_value", logRank->pValue}};
    } else {
        o["log_rank"] = nullptr;
    }
    return o;
}

Result<SurvivalReport> SurvivalReport::fromJson(const boost::json::value& json) {
    auto bad = [](const std::string& what) { return makeError(ErrorCode::InputData, "survival report: " + what, "survival JSON"); };
    if (!json.is_object()) return bad("not an object");
    const auto& o = json.get_object();
    SurvivalReport r;
    const auto* gap = o.if_contains("churn_gap_days");
    const auto* end = o.if_contains("data_end");
    const auto* by = o.if_contains("grouped_by");
    const auto* curves = o.if_contains("curves");
    if (!gap || !gap->is_int64() || !end || !end->is_string() || !by || !by->is_string() || !curves || !curves->is_array())
        return bad("missing churn_gap_days, data_end, grouped_by or curves");
    r.churnGapDays = static_cast<int>(gap->get_int64());
    const auto endTime = parseDateTime(std::string_view(end->get_string()));
    if (!endTime) return bad("data_end is not a date");
    r.dataEnd = *endTime;
    r.groupedBy = std::string(by->get_string());
    for (const auto& cv : curves->get_array()) {
        if (!cv.is_object()) return bad("a curve is not an object");
        const auto& c = cv.get_object();
        SurvivalCurve curve;
        const auto* group = c.if_contains("group");
        const auto* customers = c.if_contains("customers");
        const auto* churned = c.if_contains("churned");
        const auto* median = c.if_contains("median_days");
        const auto* medianCi = c.if_contains("median_ci95");
        if (!group || !group->is_string() || !customers || !customers->is_int64() || !churned || !churned->is_int64() || !median ||
            !medianCi || !medianCi->is_array() || medianCi->get_array().size() != 2)
            return bad("a curve lacks group, customers, churned or its median");
        curve.group = std::string(group->get_string());
        curve.customers = customers->get_int64();
        curve.churned = churned->get_int64();
        curve.median = numberOr(*median, kInf);
        curve.medianLow = numberOr(medianCi->get_array()[0], kInf);
        curve.medianHigh = numberOr(medianCi->get_array()[1], kInf);
        const char* keys[] = {"days", "at_risk", "churned_at", "censored_at", "survival", "ci95_low", "ci95_high"};
        const boost::json::array* cols[7];
        for (int i = 0; i < 7; ++i) {
            const auto* v = c.if_contains(keys[i]);
            if (!v || !v->is_array()) return bad(std::string("a curve lacks ") + keys[i]);
            cols[i] = &v->get_array();
            if (cols[i]->size() != cols[0]->size()) return bad("a curve's columns differ in length");
        }
        for (std::size_t i = 0; i < cols[0]->size(); ++i) {
            SurvivalPoint p;
            p.time = numberOr((*cols[0])[i], 0);
            p.atRisk = static_cast<std::int64_t>(numberOr((*cols[1])[i], 0));
            p.churned = static_cast<std::int64_t>(numberOr((*cols[2])[i], 0));
            p.censored = static_cast<std::int64_t>(numberOr((*cols[3])[i], 0));
            p.survival = numberOr((*cols[4])[i], 0);
            p.low = numberOr((*cols[5])[i], 0);
            p.high = numberOr((*cols[6])[i], 0);
            curve.points.push_back(p);
        }
        r.curves.push_back(std::move(curve));
    }
    if (const auto* lr = o.if_contains("log_rank"); lr && lr->is_object()) {
        const auto& l = lr->get_object();
        const auto* chi = l.if_contains("chi_square");
        const auto* df = l.if_contains("degrees_of_freedom");
        const auto* p = l.if_contains("p_value");
        if (!chi || !df || !df->is_int64() || !p) return bad("log_rank is incomplete");
        r.logRank = LogRankResult{numberOr(*chi, 0), static_cast<int>(df->get_int64()), numberOr(*p, 1)};
    }
    return r;
}

}  // namespace ss
