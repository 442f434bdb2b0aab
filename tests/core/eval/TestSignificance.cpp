// Significance tests against values computed independently:
// - scipy 1.17 scipy.stats.ttest_rel / scipy.stats.wilcoxon on the same numbers (the Wilcoxon 15-pair
//   case is the example of scipy's documentation: statistic 24, exact two-sided p 0.041259765625);
// - the bootstrap against a separate Python implementation of MT19937-64, the rejection index draw and
//   numpy.percentile. reference/significance_reference.py reproduces every number.
#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "eval/Significance.h"

using namespace ss;

namespace {

bool close(double v, double want, double rel = 1e-10) {
    return std::fabs(v - want) <= rel * std::max(1e-300, std::fabs(want));
}

const std::vector<double> kA30 = {0.63, 0.9,  0.78, 0.23, 0.3,  0.87, 0.01, 0.82, 0.8,  0.47,
                                  0.3,  0.28, 0.25, 0.45, 0.5,  0.55, 1.0,  0.79, 0.62, 0.99,
                                  0.22, 0.16, 0.61, 0.04, 0.04, 0.51, 0.47, 0.92, 0.63, 0.51};
const std::vector<double> kB30 = {0.53, 0.9,  0.73, 0.2,  0.46, 0.84, 0.06, 0.96, 0.79, 0.51,
                                  0.36, 0.34, 0.18, 0.51, 0.69, 0.45, 1.14, 0.85, 0.61, 1.24,
                                  0.35, 0.09, 0.67, 0.15, 0.07, 0.63, 0.51, 1.04, 0.82, 0.49};

// scipy documentation example (Cushny & Peebles differences as used by Fisher).
const std::vector<double> kDoc = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
// Ties and two zeros, n = 11: scipy runs the full 2^11 sign-flip permutation test.
const std::vector<double> kSmallTies = {0.1, -0.2, 0.2, 0.0, 0.3, 0.3, -0.1, 0.4, 0.5, 0.0, 0.2};
// n = 40, no ties, no zeros: exact distribution.
const std::vector<double> kD40 = {-1,  2,   3,   -4, -5, 6,   -7, -8,  9,  10,  11,  12, 13, -14,
                                  -15, 16,  17,  18, 19, 20,  21, -22, 23, 24,  25,  26, -27, 28,
                                  29,  -30, 31,  -32, -33, 34, 35, -36, 37, -38, 39, -40};

std::vector<double> zeros(std::size_t n) { return std::vector<double>(n, 0.0); }

}  // namespace

class TestSignificance : public QObject {
    Q_OBJECT
private slots:
    void pairedTTest_data() {
        QTest::addColumn<QList<double>>("a");
        QTest::addColumn<QList<double>>("b");
        QTest::addColumn<double>("t");
        QTest::addColumn<double>("p");
        QTest::newRow("n=8") << QList<double>{0.2, 0.5, 0.3, 0.9, 0.4, 0.6, 0.1, 0.8}
                             << QList<double>{0.1, 0.4, 0.35, 0.7, 0.4, 0.5, 0.2, 0.6} << 1.7678974106583638
                             << 0.12040562648763044;
        QTest::newRow("n=30") << QList<double>(kA30.begin(), kA30.end()) << QList<double>(kB30.begin(), kB30.end())
                              << -3.0531675427457152 << 0.004813828823565736;
    }
    void pairedTTest() {
        QFETCH(QList<double>, a);
        QFETCH(QList<double>, b);
        QFETCH(double, t);
        QFETCH(double, p);
        const std::vector<double> va(a.begin(), a.end()), vb(b.begin(), b.end());
        const Result<TTestResult> r = Significance::pairedTTest(va, vb);
        QVERIFY(r.ok());
        QVERIFY2(close(r->t, t), qPrintable(QString::number(r->t, 'g', 17)));
        QVERIFY2(close(r->pValue, p, 1e-9), qPrintable(QString::number(r->pValue, 'g', 17)));
        QCOMPARE(r->degreesOfFreedom, double(va.size() - 1));
        QCOMPARE(r->n, va.size());
    }

    void pairedTTestEdges() {
        const std::vector<double> x = {1, 2, 3};
        Result<TTestResult> same = Significance::pairedTTest(x, x);
        QVERIFY(same.ok());
        QVERIFY(std::isnan(same->pValue));  // scipy: nan for identical samples
        const std::vector<double> shifted = {2, 3, 4};
        Result<TTestResult> constant = Significance::pairedTTest(shifted, x);
        QVERIFY(constant.ok());
        QCOMPARE(constant->pValue, 0.0);
        QVERIFY(std::isinf(constant->t) && constant->t > 0);
        QVERIFY(!Significance::pairedTTest(std::vector<double>{1}, std::vector<double>{2}).ok());
        QCOMPARE(Significance::pairedTTest(x, std::vector<double>{1, 2}).error().code, ErrorCode::Usage);
        const std::vector<double> withNan = {1, std::nan(""), 3};
        QCOMPARE(Significance::pairedTTest(withNan, x).error().code, ErrorCode::InputData);
    }

    void wilcoxon_data() {
        QTest::addColumn<QList<double>>("a");
        QTest::addColumn<QList<double>>("b");
        QTest::addColumn<int>("zeroMethod");
        QTest::addColumn<int>("method");
        QTest::addColumn<bool>("correction");
        QTest::addColumn<double>("statistic");
        QTest::addColumn<double>("p");
        QTest::addColumn<bool>("exact");
        const auto list = [](const std::vector<double>& v) { return QList<double>(v.begin(), v.end()); };
        const int wilcox = int(ZeroMethod::Wilcox), pratt = int(ZeroMethod::Pratt);
        const int autoM = int(WilcoxonMethod::Auto), asym = int(WilcoxonMethod::Asymptotic);
        const QList<double> z15 = list(zeros(15)), z11 = list(zeros(11)), z40 = list(zeros(40));
        QTest::newRow("scipy doc, exact") << list(kDoc) << z15 << wilcox << autoM << false << 24.0 << 0.041259765625
                                          << true;
        QTest::newRow("scipy doc, asymptotic")
            << list(kDoc) << z15 << wilcox << asym << false << 24.0 << 0.04088813291185591 << false;
        QTest::newRow("scipy doc, asymptotic + continuity")
            << list(kDoc) << z15 << wilcox << asym << true << 24.0 << 0.043772323763041174 << false;
        QTest::newRow("ties+zeros n=11 wilcox (permutation)")
            << list(kSmallTies) << z11 << wilcox << autoM << false << 5.5 << 0.05078125 << true;
        QTest::newRow("ties+zeros n=11 pratt (permutation)")
            << list(kSmallTies) << z11 << pratt << autoM << false << 9.5 << 0.05859375 << true;
        QTest::newRow("n=30 ties wilcox") << list(kA30) << list(kB30) << wilcox << autoM << false << 96.0
                                          << 0.008591119571144681 << false;
        QTest::newRow("n=30 ties wilcox + continuity")
            << list(kA30) << list(kB30) << wilcox << autoM << true << 96.0 << 0.008868146421765854 << false;
        QTest::newRow("n=30 ties pratt") << list(kA30) << list(kB30) << pratt << autoM << false << 106.0
                                         << 0.009531862141507105 << false;
        QTest::newRow("n=30 ties pratt + continuity")
            << list(kA30) << list(kB30) << pratt << autoM << true << 106.0 << 0.009820747168897673 << false;
        QTest::newRow("n=40 exact") << list(kD40) << z40 << wilcox << autoM << false << 312.0 << 0.19219595044887683
                                    << true;
        QTest::newRow("n=40 asymptotic")
            << list(kD40) << z40 << wilcox << asym << false << 312.0 << 0.18775579861678104 << false;
    }
    void wilcoxon() {
        QFETCH(QList<double>, a);
        QFETCH(QList<double>, b);
        QFETCH(int, zeroMethod);
        QFETCH(int, method);
        QFETCH(bool, correction);
        QFETCH(double, statistic);
        QFETCH(double, p);
        QFETCH(bool, exact);
        const std::vector<double> va(a.begin(), a.end()), vb(b.begin(), b.end());
        const WilcoxonOptions options{ZeroMethod(zeroMethod), WilcoxonMethod(method), correction};
        const Result<WilcoxonResult> r = Significance::wilcoxonSignedRank(va, vb, options);
        QVERIFY(r.ok());
        QCOMPARE(r->statistic, statistic);
        QCOMPARE(r->exact, exact);
        QVERIFY2(close(r->pValue, p, 1e-9), qPrintable(QString::number(r->pValue, 'g', 17)));
        // Swapping the samples swaps R+ and R- and keeps the two-sided p.
        const Result<WilcoxonResult> swapped = Significance::wilcoxonSignedRank(vb, va, options);
        QCOMPARE(swapped->rPlus, r->rMinus);
        QVERIFY(close(swapped->pValue, r->pValue, 1e-12));
    }

    // Forcing the exact conditional distribution on tied data: it must agree with a brute-force
    // enumeration of all 2^n sign patterns.
    void wilcoxonExactMatchesEnumeration() {
        const std::vector<double> d = {1, 1, 2, 3, 3, 3, -4, 5, -1, 6, 2, -2};
        const Result<WilcoxonResult> r =
            Significance::wilcoxonSignedRank(d, zeros(d.size()), {ZeroMethod::Wilcox, WilcoxonMethod::Exact, false});
        QVERIFY(r.ok() && r->exact && r->ties);
        // average ranks of |d|
        std::vector<double> rank(d.size());
        for (std::size_t i = 0; i < d.size(); ++i) {
            double less = 0, equal = 0;
            for (double x : d) {
                less += std::fabs(x) < std::fabs(d[i]);
                equal += std::fabs(x) == std::fabs(d[i]);
            }
            rank[i] = less + (equal + 1) / 2;
        }
        double observed = 0;
        for (std::size_t i = 0; i < d.size(); ++i) observed += d[i] > 0 ? rank[i] : 0;
        QCOMPARE(r->rPlus, observed);
        const unsigned patterns = 1u << d.size();
        double le = 0, ge = 0;
        for (unsigned mask = 0; mask < patterns; ++mask) {
            double s = 0;
            for (std::size_t i = 0; i < d.size(); ++i) s += (mask >> i & 1u) ? rank[i] : 0;
            le += s <= observed;
            ge += s >= observed;
        }
        const double want = std::min(1.0, 2 * std::min(le, ge) / patterns);
        QVERIFY2(close(r->pValue, want, 1e-12), qPrintable(QString::number(r->pValue, 'g', 17)));
    }

    void wilcoxonEdges() {
        const std::vector<double> x = {1, 2, 3};
        const Result<WilcoxonResult> same = Significance::wilcoxonSignedRank(x, x);
        QVERIFY(same.ok());
        QCOMPARE(same->zeros, std::size_t(3));
        QCOMPARE(same->pValue, 1.0);  // exact: the only outcome is the observed one
        const Result<WilcoxonResult> sameAsym =
            Significance::wilcoxonSignedRank(x, x, {ZeroMethod::Wilcox, WilcoxonMethod::Asymptotic, false});
        QVERIFY(std::isnan(sameAsym->pValue));  // nothing to rank, as scipy
        QVERIFY(!Significance::wilcoxonSignedRank(std::vector<double>{}, std::vector<double>{}).ok());
    }

    void bootstrap_data() {
        QTest::addColumn<int>("resamples");
        QTest::addColumn<qulonglong>("seed");
        QTest::addColumn<double>("level");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("default seed") << 1000 << qulonglong(20240601) << 0.95 << 0.183 << 0.5752499999999997;
        QTest::newRow("seed 7") << 1000 << qulonglong(7) << 0.95 << 0.18795000000000003 << 0.570075;
        QTest::newRow("seed 7, 200 resamples, 90%") << 200 << qulonglong(7) << 0.9 << 0.213 << 0.52525;
    }
    void bootstrap() {
        QFETCH(int, resamples);
        QFETCH(qulonglong, seed);
        QFETCH(double, level);
        QFETCH(double, low);
        QFETCH(double, high);
        const std::vector<double> values = {0.1, 0.5, 0.0, 1.0, 0.33, 0.25, 0.0, 0.75, 0.2, 0.6};
        const Result<ConfidenceInterval> ci = Significance::bootstrapMeanCi(values, {resamples, seed, level});
        QVERIFY(ci.ok());
        QVERIFY2(close(ci->low, low, 1e-12), qPrintable(QString::number(ci->low, 'g', 17)));
        QVERIFY2(close(ci->high, high, 1e-12), qPrintable(QString::number(ci->high, 'g', 17)));
        QVERIFY(close(ci->mean, 0.373));
        QVERIFY(ci->low <= ci->mean && ci->mean <= ci->high);
        QCOMPARE(ci->resamples, resamples);
        // Same seed, same interval.
        const Result<ConfidenceInterval> again = Significance::bootstrapMeanCi(values, {resamples, seed, level});
        QCOMPARE(again->low, ci->low);
        QCOMPARE(again->high, ci->high);
    }

    void bootstrapEdges() {
        // The generator is the standard's mt19937_64 (its 10000th output is fixed by [rand.predef]).
        std::mt19937_64 g;
        g.discard(9999);
        QCOMPARE(g(), std::uint64_t(9981545732273789042ull));
        const std::vector<double> constant(20, 0.4);
        const Result<ConfidenceInterval> ci = Significance::bootstrapMeanCi(constant);
        QVERIFY(ci.ok());
        QVERIFY(close(ci->low, 0.4) && close(ci->high, 0.4));
        QCOMPARE(ci->resamples, 1000);
        QVERIFY(!Significance::bootstrapMeanCi(std::vector<double>{}).ok());
        QVERIFY(!Significance::bootstrapMeanCi(constant, {1, 1, 0.95}).ok());
        QVERIFY(!Significance::bootstrapMeanCi(constant, {100, 1, 1.0}).ok());
        // A different seed gives a (slightly) different interval on varied data.
        const std::vector<double> values = {0.1, 0.5, 0.0, 1.0, 0.33, 0.25, 0.0, 0.75, 0.2, 0.6};
        QVERIFY(Significance::bootstrapMeanCi(values, {1000, 1, 0.95})->low !=
                Significance::bootstrapMeanCi(values, {1000, 2, 0.95})->low);
    }

    void pairByUser() {
        const std::vector<UserValue> a = {{"u1", 0.1}, {"u2", 0.2}, {"u3", 0.3}};
        const std::vector<UserValue> b = {{"u3", 3.0}, {"u1", 1.0}, {"u9", 9.0}};
        const PairedValues p = Significance::pairByUser(a, b);
        QCOMPARE(p.users, (std::vector<std::string>{"u1", "u3"}));
        QCOMPARE(p.a, (std::vector<double>{0.1, 0.3}));
        QCOMPARE(p.b, (std::vector<double>{1.0, 3.0}));
    }
};

QTEST_APPLESS_MAIN(TestSignificance)
#include "TestSignificance.moc"
