#include "ClassifierQuality.h"

#include <algorithm>
#include <cmath>
#include <random>

#include <boost/json.hpp>

#include "common/JsonNumbers.h"

namespace ss::sentiment {
namespace {

using Confusion = std::vector<std::vector<std::int64_t>>;

Confusion confusionOf(const std::vector<int>& truth, const std::vector<int>& predicted, int classes, const std::vector<std::size_t>* sample) {
    Confusion c(static_cast<std::size_t>(classes), std::vector<std::int64_t>(static_cast<std::size_t>(classes), 0));
    const std::size_t n = sample ? sample->size() : truth.size();
    for (std::size_t q = 0; q < n; ++q) {
        const std::size_t i = sample ? (*sample)[q] : q;
        ++c[static_cast<std::size_t>(truth[i])][static_cast<std::size_t>(predicted[i])];
    }
    return c;
}

// F1 per class; a class absent from both truth and predictions has F1 0 (scikit-learn's zero_division=0).
std::vector<double> classF1Of(const Confusion& c) {
    const std::size_t k = c.size();
    std::vector<double> f1(k, 0.0);
    for (std::size_t j = 0; j < k; ++j) {
        std::int64_t tp = c[j][j], truthCount = 0, predictedCount = 0;
        for (std::size_t i = 0; i < k; ++i) {
            truthCount += c[j][i];
            predictedCount += c[i][j];
        }
        if (truthCount + predictedCount > 0) f1[j] = 2.0 * static_cast<double>(tp) / static_cast<double>(truthCount + predictedCount);
    }
    return f1;
}

double meanOf(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
}

double accuracyOf(const Confusion& c) {
    std::int64_t right = 0, all = 0;
    for (std::size_t i = 0; i < c.size(); ++i)
        for (std::size_t j = 0; j < c.size(); ++j) {
            all += c[i][j];
            if (i == j) right += c[i][j];
        }
    return all ? static_cast<double>(right) / static_cast<double>(all) : 0;
}

std::pair<double, double> percentileInterval(std::vector<double> values) {
    if (values.empty()) return {0, 0};
    std::sort(values.begin(), values.end());
    auto at = [&](double q) { return values[static_cast<std::size_t>(std::clamp(q * static_cast<double>(values.size() - 1), 0.0, static_cast<double>(values.size() - 1)))]; };
    return {at(0.025), at(0.975)};
}

boost::json::array numbers(const std::vector<double>& v) {
    boost::json::array a;
    for (double x : v) a.push_back(jsonNumber(x));
    return a;
}

}  // namespace

double macroF1(const std::vector<int>& truth, const std::vector<int>& predicted, int classes) {
    return meanOf(classF1Of(confusionOf(truth, predicted, classes, nullptr)));
}

ClassifierQuality measureQuality(const std::vector<int>& truth, const std::vector<int>& predicted, int classes, std::uint64_t seed, int resamples) {
    ClassifierQuality q;
    q.n = static_cast<std::int64_t>(truth.size());
    q.confusion = confusionOf(truth, predicted, classes, nullptr);
    q.classF1 = classF1Of(q.confusion);
    q.accuracy = accuracyOf(q.confusion);
    q.macroF1 = meanOf(q.classF1);
    if (truth.empty()) return q;
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, truth.size() - 1);
    std::vector<double> accuracies, f1s;
    std::vector<std::size_t> sample(truth.size());
    for (int r = 0; r < resamples; ++r) {
        for (auto& s : sample) s = pick(random);
        const auto c = confusionOf(truth, predicted, classes, &sample);
        accuracies.push_back(accuracyOf(c));
        f1s.push_back(meanOf(classF1Of(c)));
    }
    std::tie(q.accuracyLow, q.accuracyHigh) = percentileInterval(accuracies);
    std::tie(q.macroF1Low, q.macroF1High) = percentileInterval(f1s);
    return q;
}

double mcnemarExactP(std::int64_t onlyA, std::int64_t onlyB) {
    const std::int64_t n = onlyA + onlyB;
    if (n == 0) return 1.0;
    const std::int64_t k = std::min(onlyA, onlyB);
    // P(X <= k) for X ~ Binomial(n, 1/2), summed in log space.
    const double logHalfN = static_cast<double>(n) * std::log(0.5);
    double tail = 0;
    for (std::int64_t i = 0; i <= k; ++i)
        tail += std::exp(std::lgamma(static_cast<double>(n) + 1) - std::lgamma(static_cast<double>(i) + 1) -
                         std::lgamma(static_cast<double>(n - i) + 1) + logHalfN);
    return std::min(1.0, 2.0 * tail);
}

PairedTest pairedTest(const std::string& a, const std::string& b, const std::vector<int>& truth, const std::vector<int>& predictedA,
                      const std::vector<int>& predictedB, int classes, std::uint64_t seed, int resamples) {
    PairedTest t;
    t.a = a;
    t.b = b;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const bool rightA = predictedA[i] == truth[i], rightB = predictedB[i] == truth[i];
        if (rightA && !rightB) ++t.onlyA;
        if (rightB && !rightA) ++t.onlyB;
    }
    t.pValue = mcnemarExactP(t.onlyA, t.onlyB);
    t.macroF1Difference = macroF1(truth, predictedA, classes) - macroF1(truth, predictedB, classes);
    if (truth.empty()) return t;
    std::mt19937_64 random(seed);
    std::uniform_int_distribution<std::size_t> pick(0, truth.size() - 1);
    std::vector<std::size_t> sample(truth.size());
    std::vector<double> differences;
    for (int r = 0; r < resamples; ++r) {
        for (auto& s : sample) s = pick(random);
        differences.push_back(meanOf(classF1Of(confusionOf(truth, predictedA, classes, &sample))) -
                              meanOf(classF1Of(confusionOf(truth, predictedB, classes, &sample))));
    }
    std::tie(t.low, t.high) = percentileInterval(differences);
    return t;
}

ValidationChoice chooseOnValidation(const std::vector<std::string>& names, const std::vector<int>& truth,
                                    const std::vector<std::vector<int>>& predictions, int classes, std::uint64_t seed) {
    ValidationChoice choice;
    for (std::size_t i = 1; i < names.size() && i < predictions.size(); ++i) {
        auto test = pairedTest(names[i], names[choice.kept], truth, predictions[i], predictions[choice.kept], classes, seed);
        const bool better = test.low > 0;
        choice.tests.push_back(std::move(test));
        if (better) choice.kept = i;
    }
    return choice;
}

boost::json::value ClassifierQuality::toJson() const {
    boost::json::array matrix;
    for (const auto& row : confusion) {
        boost::json::array r;
        for (auto v : row) r.push_back(v);
        matrix.push_back(std::move(r));
    }
    return boost::json::object{{"n", n},
                               {"accuracy", jsonNumber(accuracy)},
                               {"accuracy_ci95", boost::json::array{jsonNumber(accuracyLow), jsonNumber(accuracyHigh)}},
                               {"macro_f1", jsonNumber(macroF1)},
                               {"macro_f1_ci95", boost::json::array{jsonNumber(macroF1Low), jsonNumber(macroF1High)}},
                               {"class_f1", numbers(classF1)},
                               {"confusion", std::move(matrix)}};
}

ClassifierQuality ClassifierQuality::fromJson(const boost::json::value& v) {
    ClassifierQuality q;
    const auto* o = v.if_object();
    if (!o) return q;
    auto num = [&](const char* key) { return o->contains(key) ? numberOr(o->at(key), 0) : 0.0; };
    auto pair = [&](const char* key, double& low, double& high) {
        if (const auto* a = o->contains(key) ? o->at(key).if_array() : nullptr; a && a->size() == 2) {
            low = numberOr((*a)[0], 0);
            high = numberOr((*a)[1], 0);
        }
    };
    q.n = static_cast<std::int64_t>(num("n"));
    q.accuracy = num("accuracy");
    q.macroF1 = num("macro_f1");
    pair("accuracy_ci95", q.accuracyLow, q.accuracyHigh);
    pair("macro_f1_ci95", q.macroF1Low, q.macroF1High);
    if (const auto* a = o->contains("class_f1") ? o->at("class_f1").if_array() : nullptr)
        for (const auto& x : *a) q.classF1.push_back(numberOr(x, 0));
    if (const auto* m = o->contains("confusion") ? o->at("confusion").if_array() : nullptr)
        for (const auto& row : *m) {
            std::vector<std::int64_t> r;
            if (const auto* cells = row.if_array())
                for (const auto& c : *cells) r.push_back(static_cast<std::int64_t>(numberOr(c, 0)));
            q.confusion.push_back(std::move(r));
        }
    return q;
}

boost::json::value PairedTest::toJson() const {
    return boost::json::object{{"a", a},
                               {"b", b},
                               {"only_a_correct", onlyA},
                               {"only_b_correct", onlyB},
                               {"p_value", jsonNumber(pValue)},
                               {"test", "mcnemar-exact"},
                               {"macro_f1_difference", jsonNumber(macroF1Difference)},
                               {"macro_f1_difference_ci95", boost::json::array{jsonNumber(low), jsonNumber(high)}}};
}

PairedTest PairedTest::fromJson(const boost::json::value& v) {
    PairedTest t;
    const auto* o = v.if_object();
    if (!o) return t;
    auto num = [&](const char* key, double fallback) { return o->contains(key) ? numberOr(o->at(key), fallback) : fallback; };
    if (o->contains("a") && o->at("a").is_string()) t.a = o->at("a").as_string().c_str();
    if (o->contains("b") && o->at("b").is_string()) t.b = o->at("b").as_string().c_str();
    t.onlyA = static_cast<std::int64_t>(num("only_a_correct", 0));
    t.onlyB = static_cast<std::int64_t>(num("only_b_correct", 0));
    t.pValue = num("p_value", 1);
    t.macroF1Difference = num("macro_f1_difference", 0);
    if (const auto* a = o->contains("macro_f1_difference_ci95") ? o->at("macro_f1_difference_ci95").if_array() : nullptr; a && a->size() == 2) {
        t.low = numberOr((*a)[0], 0);
        t.high = numberOr((*a)[1], 0);
    }
    return t;
}

}  // namespace ss::sentiment
