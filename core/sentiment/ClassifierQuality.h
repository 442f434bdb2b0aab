// ClassifierQuality: how good a sentiment classifier is on held-out reviews — accuracy and macro-F1
// with 95% bootstrap intervals, per-class F1, the confusion matrix — and PairedTest, whether two
// classifiers differ on the same reviews (McNemar's exact test on the reviews exactly one of them
// gets right, and a paired bootstrap interval of the macro-F1 difference). Plain values with one
// toJson/fromJson each; any thread.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

namespace ss::sentiment {

struct ClassifierQuality {
    std::int64_t n = 0;
    double accuracy = 0, accuracyLow = 0, accuracyHigh = 0;
    double macroF1 = 0, macroF1Low = 0, macroF1High = 0;
    std::vector<double> classF1;
    std::vector<std::vector<std::int64_t>> confusion;  // [true class][predicted class]

    boost::json::value toJson() const;
    static ClassifierQuality fromJson(const boost::json::value& v);
};

struct PairedTest {
    std::string a, b;
    std::int64_t onlyA = 0, onlyB = 0;  // reviews only a (only b) classifies correctly
    double pValue = 1;                  // McNemar exact, two-sided
    double macroF1Difference = 0, low = 0, high = 0;  // a − b with a 95% paired bootstrap interval

    boost::json::value toJson() const;
    static PairedTest fromJson(const boost::json::value& v);
};

constexpr int kBootstrapResamples = 1000;

double macroF1(const std::vector<int>& truth, const std::vector<int>& predicted, int classes);
// Resamples reviews with replacement (seeded), `resamples` times.
ClassifierQuality measureQuality(const std::vector<int>& truth, const std::vector<int>& predicted, int classes,
                                 std::uint64_t seed, int resamples = kBootstrapResamples);
PairedTest pairedTest(const std::string& a, const std::string& b, const std::vector<int>& truth, const std::vector<int>& predictedA,
                      const std::vector<int>& predictedB, int classes, std::uint64_t seed, int resamples = kBootstrapResamples);
// Which classifier to keep, from their predictions on the validation reviews, candidates given in
// order of cost (cheapest first): the cheapest is kept unless a costlier one is better beyond doubt —
// the 95% paired bootstrap interval of its macro-F1 advantage over the one kept so far lies above 0 —
// and then that one is kept, and so on. On a small validation part the plain maximum often keeps a
// classifier that is worse held out; with many validation reviews the interval is narrow and the
// best one wins. `tests` holds each candidate against the one kept when it was considered.
struct ValidationChoice {
    std::size_t kept = 0;
    std::vector<PairedTest> tests;
};
ValidationChoice chooseOnValidation(const std::vector<std::string>& names, const std::vector<int>& truth,
                                    const std::vector<std::vector<int>>& predictions, int classes, std::uint64_t seed);
// Two-sided exact binomial test of k successes in n trials at p = 1/2.
double mcnemarExactP(std::int64_t onlyA, std::int64_t onlyB);

}  // namespace ss::sentiment
