// Significance: paired tests over per-user metric values of two models (paired t-test, Wilcoxon
// signed-rank) and a seeded bootstrap percentile confidence interval of a mean.
// Stateless; pure functions (the bootstrap owns its own seeded generator per call): any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "common/Result.h"
#include "eval/MetricsReport.h"

namespace ss {

struct TTestResult {
    double t = 0.0;               // mean(d) / (sd(d) / sqrt(n)), d = a - b
    double degreesOfFreedom = 0.0;  // n - 1
    double pValue = 1.0;          // two-sided; NaN when every difference is 0 (as scipy.stats.ttest_rel)
    double meanDifference = 0.0;
    std::size_t n = 0;
};

enum class ZeroMethod {
    Wilcox,  // drop zero differences before ranking (scipy's default)
    Pratt,   // rank zeros with the rest, then leave their ranks out of both sums
};

enum class WilcoxonMethod {
    Auto,        // scipy's rule: exact when n <= 50 with no ties and no zeros; exact conditional
                 // (all 2^n sign flips) when n <= 13 otherwise; else the normal approximation
    Exact,       // exact distribution of the signed-rank sum given the observed ranks (ties included)
    Asymptotic,  // normal approximation with tie correction (and Pratt's zero correction)
};

struct WilcoxonOptions {
    ZeroMethod zeroMethod = ZeroMethod::Wilcox;
    WilcoxonMethod method = WilcoxonMethod::Auto;
    bool continuityCorrection = false;  // scipy's default; applies to the normal approximation only
};

struct WilcoxonResult {
    double statistic = 0.0;  // min(R+, R-), as scipy reports for the two-sided test
    double rPlus = 0.0, rMinus = 0.0;
    double z = 0.0;          // normal-approximation z (NaN when the exact distribution was used)
    double pValue = 1.0;     // two-sided
    bool exact = false;
    bool ties = false;
    std::size_t n = 0;       // number of pairs
    std::size_t zeros = 0;   // pairs with a zero difference
};

struct BootstrapOptions {
    int resamples = 1000;
    std::uint64_t seed = 20240601;
    double level = 0.95;
};

struct ConfidenceInterval {
    double mean = 0.0;
    double low = 0.0, high = 0.0;
    double level = 0.95;
    int resamples = 0;
    std::uint64_t seed = 0;
};

// Two models' per-user values for the users both have, in user order.
struct PairedValues {
    std::vector<std::string> users;
    std::vector<double> a, b;
};

class Significance {
public:
    // Paired t-test on a[i] - b[i]; p from Student's t (Boost.Math). Needs n >= 2 equal-length samples.
    static Result<TTestResult> pairedTTest(std::span<const double> a, std::span<const double> b);

    // Wilcoxon signed-rank test on a[i] - b[i], two-sided. Needs at least one pair.
    static Result<WilcoxonResult> wilcoxonSignedRank(std::span<const double> a, std::span<const double> b,
                                                     const WilcoxonOptions& options = {});

    // Percentile bootstrap CI of the mean: `resamples` resamples with replacement drawn by
    // std::mt19937_64(seed) with a fully specified index draw (not std::uniform_int_distribution, whose
    // output differs between standard libraries), so one seed gives one interval everywhere. Percentiles
    // interpolate linearly between order statistics (numpy's default).
    static Result<ConfidenceInterval> bootstrapMeanCi(std::span<const double> values,
                                                      const BootstrapOptions& options = {});

    // Aligns two per-user value lists (e.g. MetricResult::perUser of two models) on their common users.
    static PairedValues pairByUser(const std::vector<UserValue>& a, const std::vector<UserValue>& b);
};

}  // namespace ss
