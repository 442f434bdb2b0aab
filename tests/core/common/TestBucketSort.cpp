// bucketSort: equal to std::sort under a total order for any number of buckets (one for everything,
// a few coarse ones, one per key, empty ones, keys over several radix passes), sizes, input orders and
// workers.
#include <QtTest>

#include <cstdint>
#include <random>
#include <tuple>

#include "common/BucketSort.h"

using namespace ss;

namespace {

struct Row {
    std::int64_t key = 0;  // what the buckets follow
    std::int32_t a = 0, b = 0;
    bool operator==(const Row& o) const { return key == o.key && a == o.a && b == o.b; }
};

bool byKeyThenRest(const Row& x, const Row& y) { return std::tie(x.key, x.a, x.b) < std::tie(y.key, y.a, y.b); }

}  // namespace

class TestBucketSort : public QObject {
    Q_OBJECT
private slots:
    void equalsAComparisonSort_data() {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("keys");     // keys drawn from [0, keys)
        QTest::addColumn<int>("perBucket");  // keys per bucket (bucket = key / perBucket)
        QTest::addColumn<QString>("order");  // input: "random", "sorted", "reversed", "by a" (sorted by another field)
        QTest::addColumn<int>("workers");
        QTest::newRow("empty") << 0 << 10 << 1 << "random" << 1;
        QTest::newRow("one") << 1 << 10 << 1 << "random" << 2;
        QTest::newRow("one bucket") << 5000 << 50 << 50 << "random" << 1;
        QTest::newRow("a bucket per key") << 5000 << 700 << 1 << "random" << 2;
        QTest::newRow("coarse buckets") << 5000 << 700 << 7 << "random" << 3;
        QTest::newRow("many empty buckets") << 300 << 100000 << 1 << "random" << 2;
        QTest::newRow("already sorted") << 4000 << 300 << 1 << "sorted" << 2;
        QTest::newRow("reversed") << 4000 << 300 << 1 << "reversed" << 2;
        QTest::newRow("sorted by another field") << 4000 << 300 << 3 << "by a" << 2;
        QTest::newRow("large, default workers") << 300000 << 20000 << 1 << "random" << 0;
        QTest::newRow("wide keys: three passes") << 20000 << (1 << 30) << 1 << "random" << 2;
        QTest::newRow("wide keys, coarse buckets") << 20000 << (1 << 30) << 1000 << "sorted" << 3;
    }
    void equalsAComparisonSort() {
        QFETCH(int, n);
        QFETCH(int, keys);
        QFETCH(int, perBucket);
        QFETCH(QString, order);
        QFETCH(int, workers);
        std::mt19937 g(7);
        std::vector<Row> rows(static_cast<std::size_t>(n));
        for (auto& r : rows) r = {static_cast<std::int64_t>(g() % static_cast<unsigned>(keys)), static_cast<std::int32_t>(g() % 5),
                                  static_cast<std::int32_t>(g() % 1000)};
        if (order == "sorted") std::sort(rows.begin(), rows.end(), byKeyThenRest);
        if (order == "reversed") std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return byKeyThenRest(y, x); });
        if (order == "by a") std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return std::tie(x.a, x.b) < std::tie(y.a, y.b); });
        std::vector<Row> expected = rows;
        std::sort(expected.begin(), expected.end(), byKeyThenRest);
        const auto buckets = static_cast<std::size_t>((keys + perBucket - 1) / perBucket);
        bucketSort(rows, buckets, [perBucket](const Row& r) { return static_cast<std::size_t>(r.key / perBucket); }, byKeyThenRest,
                   static_cast<std::size_t>(workers));
        QCOMPARE(rows.size(), expected.size());
        QVERIFY(rows == expected);
    }
};

QTEST_GUILESS_MAIN(TestBucketSort)
#include "TestBucketSort.moc"
