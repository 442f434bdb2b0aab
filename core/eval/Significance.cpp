#include "eval/Significance.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <unordered_map>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

namespace ss {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Beyond this many non-zero pairs the exact distribution costs O(n^3) and says nothing the normal
// approximation does not; Exact then falls back to Asymptotic (and says so in WilcoxonResult::exact).
constexpr std::size_t kMaxExactPairs = 200;
constexpr std::size_t kAutoExactNoTies = 50;  // scipy: exact when n <= 50, no ties, no zeros
constexpr std::size_t kAutoExactTies = 13;    // scipy: full permutation when n <= 13 (2^13 < 9999)

Status checkPaired(std::span<const double> a, std::span<const double> b, std::size_t minimum) {
    if (a.size() != b.size())
        return makeError(ErrorCode::Usage, "paired samples differ in length: " + std::to_string(a.size()) +
                                               " and " + std::to_string(b.size()));
    if (a.size() < minimum)
        return makeError(ErrorCode::Usage, "need at least " + std::to_string(minimum) + " pairs, got " +
                                               std::to_string(a.size()));
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!std::isfinite(a[i]) || !std::isfinite(b[i]))
            return makeError(ErrorCode::InputData, "non-finite value in pair " + std::to_string(i));
    return {};
}

struct Ranked {
    std::vector<double> rank;    // average rank of |d| per entry (1-based); 0 for entries not ranked
    double tieTerm = 0.0;        // sum over tie groups of (t^3 - t), zeros' group excluded
    bool ties = false;           // a tie group of size > 1 among the non-zero entries
};

// Average ranks of |d| over the entries with include[i]; ties among zeros (Pratt) do not count as ties,
// exactly as scipy leaves the zero group out of its tie correction.
Ranked rankAbs(const std::vector<double>& d, const std::vector<char>& include) {
    Ranked out;
    out.rank.assign(d.size(), 0.0);
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < d.size(); ++i)
        if (include[i]) order.push_back(i);
    std::stable_sort(order.begin(), order.end(),
                     [&d](std::size_t x, std::size_t y) { return std::fabs(d[x]) < std::fabs(d[y]); });
    for (std::size_t start = 0; start < order.size();) {
        std::size_t end = start + 1;
        while (end < order.size() && std::fabs(d[order[end]]) == std::fabs(d[order[start]])) ++end;
        const double average = (static_cast<double>(start + 1) + static_cast<double>(end)) / 2.0;
        for (std::size_t j = start; j < end; ++j) out.rank[order[j]] = average;
        const auto t = static_cast<double>(end - start);
        if (d[order[start]] != 0.0) {
            out.tieTerm += t * t * t - t;
            if (end - start > 1) out.ties = true;
        }
        start = end;
    }
    return out;
}

// Exact null distribution of R+ given the ranks: every sign pattern of the non-zero differences is
// equally likely. Ranks are multiples of 1/2, so doubled ranks are integers and a subset-sum DP over
// probabilities gives the distribution even with ties (scipy's full permutation test computes the same).
double exactTwoSided(const std::vector<double>& ranks, double rPlus) {
    std::vector<long> weights;
    long total = 0;
    for (double r : ranks) {
        weights.push_back(std::lround(2.0 * r));
        total += weights.back();
    }
    std::vector<double> p(static_cast<std::size_t>(total) + 1, 0.0);
    p[0] = 1.0;
    long reach = 0;
    for (long w : weights) {
        reach += w;
        for (long s = reach; s >= 0; --s) {
            const double without = p[static_cast<std::size_t>(s)] * 0.5;
            const double with = s >= w ? p[static_cast<std::size_t>(s - w)] * 0.5 : 0.0;
            p[static_cast<std::size_t>(s)] = without + with;
        }
    }
    const long observed = std::lround(2.0 * rPlus);
    double less = 0.0, greater = 0.0;
    for (long s = 0; s <= total; ++s) {
        if (s <= observed) less += p[static_cast<std::size_t>(s)];
        if (s >= observed) greater += p[static_cast<std::size_t>(s)];
    }
    return std::min(1.0, 2.0 * std::min(less, greater));
}

double normalTwoSided(double z) {
    const boost::math::normal_distribution<double> normal;
    return std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(normal, std::fabs(z))));
}

// Unbiased draw in [0, bound): reject the 2^64 mod bound lowest outputs, then reduce modulo bound.
// Fully specified, unlike std::uniform_int_distribution, so resamples are identical on every platform.
std::uint64_t boundedIndex(std::mt19937_64& generator, std::uint64_t bound) {
    const std::uint64_t threshold = (0 - bound) % bound;
    for (;;) {
        const std::uint64_t r = generator();
        if (r >= threshold) return r % bound;
    }
}

// numpy.percentile's default ('linear'): h = (n - 1) q, interpolate between floor(h) and ceil(h).
double percentile(const std::vector<double>& sorted, double q) {
    const double h = static_cast<double>(sorted.size() - 1) * q;
    const auto lo = static_cast<std::size_t>(std::floor(h));
    const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
    return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

Result<TTestResult> Significance::pairedTTest(std::span<const double> a, std::span<const double> b) {
    if (Status s = checkPaired(a, b, 2); !s) return s.error();
    const std::size_t n = a.size();
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += a[i] - b[i];
    const double mean = sum / static_cast<double>(n);
    double squares = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const double e = a[i] - b[i] - mean;
        squares += e * e;
    }
    TTestResult out;
    out.n = n;
    out.meanDifference = mean;
    out.degreesOfFreedom = static_cast<double>(n - 1);
    const double se = std::sqrt(squares / out.degreesOfFreedom / static_cast<double>(n));
    if (se == 0.0) {
        // Every difference equal: no variance to test against. scipy gives NaN for all-zero differences
        // and an infinite t with p = 0 for a constant non-zero difference; so do we.
        out.t = mean == 0.0 ? kNaN : std::copysign(std::numeric_limits<double>::infinity(), mean);
        out.pValue = mean == 0.0 ? kNaN : 0.0;
        return out;
    }
    out.t = mean / se;
    const boost::math::students_t_distribution<double> student(out.degreesOfFreedom);
    out.pValue = std::min(1.0, 2.0 * boost::math::cdf(boost::math::complement(student, std::fabs(out.t))));
    return out;
}

Result<WilcoxonResult> Significance::wilcoxonSignedRank(std::span<const double> a, std::span<const double> b,
                                                        const WilcoxonOptions& options) {
    if (Status s = checkPaired(a, b, 1); !s) return s.error();
    WilcoxonResult out;
    out.n = a.size();
    std::vector<double> d(a.size());
    for (std::size_t i = 0; i < d.size(); ++i) {
        d[i] = a[i] - b[i];
        if (d[i] == 0.0) ++out.zeros;
    }
    const bool pratt = options.zeroMethod == ZeroMethod::Pratt;
    std::vector<char> include(d.size());
    for (std::size_t i = 0; i < d.size(); ++i) include[i] = pratt || d[i] != 0.0;
    const Ranked ranked = rankAbs(d, include);
    out.ties = ranked.ties;

    std::vector<double> nonZeroRanks;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (d[i] > 0.0) out.rPlus += ranked.rank[i];
        if (d[i] < 0.0) out.rMinus += ranked.rank[i];
        if (d[i] != 0.0) nonZeroRanks.push_back(ranked.rank[i]);
    }
    out.statistic = std::min(out.rPlus, out.rMinus);

    bool exact = false;
    switch (options.method) {
    case WilcoxonMethod::Auto:
        // Decided on n including zeros, as scipy does.
        exact = (out.n <= kAutoExactNoTies && !out.ties && out.zeros == 0) || out.n <= kAutoExactTies;
        break;
    case WilcoxonMethod::Exact: exact = nonZeroRanks.size() <= kMaxExactPairs; break;
    case WilcoxonMethod::Asymptotic: exact = false; break;
    }

    if (exact) {
        out.exact = true;
        out.z = kNaN;
        out.pValue = exactTwoSided(nonZeroRanks, out.rPlus);
        return out;
    }

    const auto count = static_cast<double>(pratt ? d.size() : nonZeroRanks.size());
    double mn = count * (count + 1.0) * 0.25;
    double var = count * (count + 1.0) * (2.0 * count + 1.0);
    if (pratt) {
        // Cureton's adjustment: the zeros' ranks 1..z are in neither sum.
        const auto z = static_cast<double>(out.zeros);
        mn -= z * (z + 1.0) * 0.25;
        var -= z * (z + 1.0) * (2.0 * z + 1.0);
    }
    const double se = std::sqrt((var - ranked.tieTerm / 2.0) / 24.0);
    if (!(se > 0.0)) {
        out.z = kNaN;
        out.pValue = kNaN;  // nothing left to rank (every difference zero)
        return out;
    }
    double z = (out.rPlus - mn) / se;
    if (options.continuityCorrection && z != 0.0) z -= std::copysign(0.5, z) / se;
    out.z = z;
    out.pValue = normalTwoSided(z);
    return out;
}

Result<ConfidenceInterval> Significance::bootstrapMeanCi(std::span<const double> values,
                                                         const BootstrapOptions& options) {
    if (values.empty()) return makeError(ErrorCode::Usage, "bootstrap of an empty sample");
    if (options.resamples < 2)
        return makeError(ErrorCode::Usage, "bootstrap needs at least 2 resamples, got " +
                                               std::to_string(options.resamples));
    if (!(options.level > 0.0 && options.level < 1.0))
        return makeError(ErrorCode::Usage, "confidence level must lie strictly between 0 and 1");
    for (double v : values)
        if (!std::isfinite(v)) return makeError(ErrorCode::InputData, "non-finite value in bootstrap sample");

    const std::size_t n = values.size();
    std::mt19937_64 generator(options.seed);
    std::vector<double> means(static_cast<std::size_t>(options.resamples));
    for (double& m : means) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += values[boundedIndex(generator, n)];
        m = sum / static_cast<double>(n);
    }
    std::sort(means.begin(), means.end());

    ConfidenceInterval out;
    out.mean = std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(n);
    const double tail = (1.0 - options.level) / 2.0;
    out.low = percentile(means, tail);
    out.high = percentile(means, 1.0 - tail);
    out.level = options.level;
    out.resamples = options.resamples;
    out.seed = options.seed;
    return out;
}

PairedValues Significance::pairByUser(const std::vector<UserValue>& a, const std::vector<UserValue>& b) {
    std::unordered_map<std::string_view, double> other;
    other.reserve(b.size());
    for (const UserValue& v : b) other.emplace(v.user, v.value);
    PairedValues out;
    for (const UserValue& v : a) {
        const auto it = other.find(v.user);
        if (it == other.end()) continue;
        out.users.push_back(v.user);
        out.a.push_back(v.value);
        out.b.push_back(it->second);
    }
    return out;
}

}  // namespace ss
