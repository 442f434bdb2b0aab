// Parallel shares and parallelSort: every share covered once, and a sort on several threads equal to
// std::sort for any number of workers and sizes (including shares of one element and empty ones).
#include <QtTest>

#include <atomic>
#include <random>

#include "common/Parallel.h"

using namespace ss;

class TestParallel : public QObject {
    Q_OBJECT
private slots:
    void sharesCoverTheRange_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("workers");
        QTest::newRow("even") << 100 << 4;
        QTest::newRow("uneven") << 101 << 3;
        QTest::newRow("more workers than elements") << 3 << 8;
        QTest::newRow("empty") << 0 << 2;
    }
    void sharesCoverTheRange() {
        QFETCH(int, n);
        QFETCH(int, workers);
        std::vector<std::atomic<int>> seen(static_cast<std::size_t>(n));
        forEachShare(std::size_t(n), std::size_t(workers), [&](std::size_t, std::size_t from, std::size_t to) {
            for (auto i = from; i < to; ++i) ++seen[i];
        });
        for (const auto& s : seen) QCOMPARE(s.load(), 1);
    }

    void sortEqualsStdSort_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("workers");
        QTest::addColumn<int>("distinct");  // values drawn from [0, distinct): small means many ties
        QTest::newRow("two workers") << 10'001 << 2 << 1'000'000;
        QTest::newRow("three workers, ties") << 9'999 << 3 << 7;
        QTest::newRow("eight workers, odd runs") << 1'003 << 8 << 50;
        QTest::newRow("more workers than elements") << 5 << 8 << 3;
        QTest::newRow("one worker") << 1'000 << 1 << 100;
        QTest::newRow("empty") << 0 << 2 << 10;
    }
    void sortEqualsStdSort() {
        QFETCH(int, n);
        QFETCH(int, workers);
        QFETCH(int, distinct);
        std::mt19937_64 g(static_cast<std::uint64_t>(n) * 31 + static_cast<std::uint64_t>(workers));
        std::vector<std::pair<int, int>> v;  // sorted by .first only: .second tells tied elements apart
        for (int i = 0; i < n; ++i) v.emplace_back(int(g() % static_cast<std::uint64_t>(distinct)), i);
        auto want = v;
        const auto byFirst = [](const auto& a, const auto& b) { return a.first < b.first; };
        std::sort(want.begin(), want.end(), byFirst);
        parallelSort(v, byFirst, 1, static_cast<std::size_t>(workers));
        QCOMPARE(v.size(), want.size());
        for (std::size_t i = 0; i < v.size(); ++i) QCOMPARE(v[i].first, want[i].first);
        // Nothing lost or doubled among the ties.
        std::sort(v.begin(), v.end());
        std::sort(want.begin(), want.end());
        QVERIFY(v == want);
    }
};

QTEST_GUILESS_MAIN(TestParallel)
#include "TestParallel.moc"
