// ClassifierQuality and PairedTest: accuracy, per-class and macro-F1 and the confusion matrix
// against hand counts; bootstrap intervals that hold the estimate and repeat with the seed;
// McNemar's exact p against scipy.stats.binomtest; and the JSON round trip.
#include <QtTest>

#include <boost/json.hpp>

#include "sentiment/ClassifierQuality.h"

using namespace ss::sentiment;

class TestClassifierQuality : public QObject {
    Q_OBJECT
private slots:
    void handCounted() {
        // truth/predicted: 3 classes; class 0: tp 2, fn 1, fp 1; class 1: tp 1, fn 1, fp 1; class 2: tp 2, fn 0, fp 0.
        const std::vector<int> truth = {0, 0, 0, 1, 1, 2, 2};
        const std::vector<int> predicted = {0, 0, 1, 1, 0, 2, 2};
        const auto q = measureQuality(truth, predicted, 3, 7);
        QCOMPARE(q.n, std::int64_t(7));
        QVERIFY(std::abs(q.accuracy - 5.0 / 7.0) < 1e-12);
        QVERIFY(std::abs(q.classF1[0] - 2.0 * 2 / (3 + 3)) < 1e-12);
        QVERIFY(std::abs(q.classF1[1] - 2.0 * 1 / (2 + 2)) < 1e-12);
        QVERIFY(std::abs(q.classF1[2] - 1.0) < 1e-12);
        QVERIFY(std::abs(q.macroF1 - (2.0 / 3 + 0.5 + 1.0) / 3) < 1e-12);
        QCOMPARE(q.confusion, (std::vector<std::vector<std::int64_t>>{{2, 1, 0}, {1, 1, 0}, {0, 0, 2}}));
        QVERIFY(q.accuracyLow <= q.accuracy && q.accuracy <= q.accuracyHigh);
        QVERIFY(q.macroF1Low <= q.macroF1 && q.macroF1 <= q.macroF1High);
        QVERIFY(q.accuracyLow < q.accuracyHigh);  // seven reviews leave real doubt
        const auto again = measureQuality(truth, predicted, 3, 7);
        QCOMPARE(again.accuracyLow, q.accuracyLow);
        QCOMPARE(again.macroF1High, q.macroF1High);
    }

    void absentClassScoresZero() {
        // Class 1 never occurs and is never predicted: F1 0, as scikit-learn's zero_division=0.
        const auto q = measureQuality({0, 0, 2}, {0, 0, 2}, 3, 1);
        QCOMPARE(q.classF1[1], 0.0);
        QVERIFY(std::abs(q.macroF1 - 2.0 / 3) < 1e-12);
    }

    void mcnemar_data() {
        QTest::addColumn<int>("onlyA");
        QTest::addColumn<int>("onlyB");
        QTest::addColumn<double>("p");  // scipy.stats.binomtest(min, n, 0.5).pvalue
        QTest::newRow("10 vs 2") << 10 << 2 << 0.03857421875;
        QTest::newRow("5 vs 0") << 5 << 0 << 0.0625;
        QTest::newRow("60 vs 40") << 60 << 40 << 0.05688793364098089;
        QTest::newRow("equal") << 7 << 7 << 1.0;
        QTest::newRow("none") << 0 << 0 << 1.0;
    }
    void mcnemar() {
        QFETCH(int, onlyA);
        QFETCH(int, onlyB);
        QFETCH(double, p);
        QVERIFY2(std::abs(mcnemarExactP(onlyA, onlyB) - p) < 1e-9, std::to_string(mcnemarExactP(onlyA, onlyB)).c_str());
    }

    void pairedTestCountsDisagreements() {
        const std::vector<int> truth = {1, 1, 1, 0, 0, 0, 1, 0};
        const std::vector<int> a = {1, 1, 1, 0, 0, 0, 1, 1};  // 7 right
        const std::vector<int> b = {0, 1, 0, 0, 1, 0, 1, 1};  // 4 right
        const auto t = pairedTest("a", "b", truth, a, b, 2, 3);
        QCOMPARE(t.onlyA, std::int64_t(3));
        QCOMPARE(t.onlyB, std::int64_t(0));
        QVERIFY(std::abs(t.pValue - 0.25) < 1e-12);
        QVERIFY(t.macroF1Difference > 0);
        QVERIFY(t.low <= t.macroF1Difference && t.macroF1Difference <= t.high);
    }

    void choiceOnValidation_data() {
        // Validation truth: `n` reviews alternating 0/1. Each candidate is right except on every k-th
        // review (0: never wrong), candidates cheapest first.
        QTest::addColumn<int>("n");
        QTest::addColumn<QList<int>>("wrongEvery");
        QTest::addColumn<int>("kept");
        QTest::newRow("small set: a slightly better costly one is not enough") << 60 << QList<int>{12, 20} << 0;
        QTest::newRow("large set: the same advantage is") << 6000 << QList<int>{12, 20} << 1;
        QTest::newRow("costlier and worse") << 6000 << QList<int>{20, 12} << 0;
        QTest::newRow("a chain: each beats the one kept") << 6000 << QList<int>{5, 10, 0} << 2;
        QTest::newRow("the third must beat the second, not the first") << 6000 << QList<int>{5, 0, 40} << 1;
        QTest::newRow("one candidate") << 100 << QList<int>{7} << 0;
    }
    void choiceOnValidation() {
        QFETCH(int, n);
        QFETCH(QList<int>, wrongEvery);
        QFETCH(int, kept);
        std::vector<int> truth;
        for (int i = 0; i < n; ++i) truth.push_back(i % 2);
        std::vector<std::string> names;
        std::vector<std::vector<int>> predictions;
        for (int c = 0; c < wrongEvery.size(); ++c) {
            names.push_back("c" + std::to_string(c));
            auto p = truth;
            // Offsets differ per candidate so their mistakes fall on different reviews.
            if (wrongEvery[c] > 0)
                for (int i = c; i < n; i += wrongEvery[c]) p[std::size_t(i)] = 1 - p[std::size_t(i)];
            predictions.push_back(std::move(p));
        }
        const auto choice = ss::sentiment::chooseOnValidation(names, truth, predictions, 2, 42);
        QCOMPARE(int(choice.kept), kept);
        QCOMPARE(choice.tests.size(), names.size() - 1);
        for (const auto& t : choice.tests) QVERIFY(t.low <= t.macroF1Difference && t.macroF1Difference <= t.high);
    }

    void jsonRoundTrip() {
        const auto q = measureQuality({0, 1, 1, 0, 1}, {0, 1, 0, 0, 1}, 2, 5);
        const auto back = ClassifierQuality::fromJson(boost::json::parse(boost::json::serialize(q.toJson())));
        QCOMPARE(back.n, q.n);
        QCOMPARE(back.accuracy, q.accuracy);
        QCOMPARE(back.macroF1Low, q.macroF1Low);
        QCOMPARE(back.classF1, q.classF1);
        QCOMPARE(back.confusion, q.confusion);
        const auto t = pairedTest("tfidf", "head", {0, 1, 1}, {0, 1, 1}, {1, 1, 0}, 2, 1);
        const auto tb = PairedTest::fromJson(boost::json::parse(boost::json::serialize(t.toJson())));
        QCOMPARE(tb.a, t.a);
        QCOMPARE(tb.onlyA, t.onlyA);
        QCOMPARE(tb.pValue, t.pValue);
        QCOMPARE(tb.high, t.high);
    }
};

QTEST_GUILESS_MAIN(TestClassifierQuality)
#include "TestClassifierQuality.moc"
