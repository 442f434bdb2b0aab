// DistinctRows: equal rows (bit for bit) become one row with their items ascending, rows keep the
// order of their first item, hash collisions cannot merge different rows, and a matrix with too few
// repeats gives none.
#include <QtTest>

#include <random>

#include "RecTestSupport.h"
#include "rec/DistinctRows.h"

using namespace ss::rec;

namespace {

std::vector<int> itemsOf(const DistinctRows& d, int row) {
    const auto s = d.itemsOf(row);
    return {s.begin(), s.end()};
}

}  // namespace

class TestDistinctRows : public QObject {
    Q_OBJECT
private slots:
    void groupsEqualRows() {
        // -0.0 and 0.0 differ in their bits, so they stay apart (both score 0: no harm either way).
        const DenseMatrix m = rectest::matrixOfRows({{1, 2, 3}, {0, 0, 0}, {1, 2, 3}, {4, 5, 6}, {0, 0, 0}, {1, 2, 3}, {-0.0f, 0, 0}, {4, 5, 6}});
        const auto d = DistinctRows::of(m, 0.0);
        QVERIFY(d);
        QCOMPARE(d->rows.rows, 4);
        QCOMPARE(d->rows.cols, 3);
        QCOMPARE(itemsOf(*d, 0), (std::vector<int>{0, 2, 5}));
        QCOMPARE(itemsOf(*d, 1), (std::vector<int>{1, 4}));
        QCOMPARE(itemsOf(*d, 2), (std::vector<int>{3, 7}));
        QCOMPARE(itemsOf(*d, 3), (std::vector<int>{6}));
        for (int r = 0; r < d->rows.rows; ++r)
            for (auto i : d->itemsOf(r)) QVERIFY(std::equal(d->rows.row(r), d->rows.row(r) + 3, m.row(i)));
        QCOMPARE(d->items.size(), std::size_t(8));
    }

    void repeatsBelowTheShareGiveNone_data() {
        QTest::addColumn<double>("share");
        QTest::addColumn<bool>("kept");
        QTest::newRow("a quarter asked, 3 of 12 repeat") << 0.25 << true;
        QTest::newRow("a third asked, 3 of 12 repeat") << 0.34 << false;
        QTest::newRow("anything") << 0.0 << true;
    }
    void repeatsBelowTheShareGiveNone() {
        QFETCH(double, share);
        QFETCH(bool, kept);
        DenseMatrix m(12, 4);
        for (int i = 0; i < 12; ++i)
            for (int k = 0; k < 4; ++k) m.row(i)[k] = float(i % 9 * 10 + k);  // items 9, 10, 11 repeat 0, 1, 2
        const auto d = DistinctRows::of(m, share);
        QCOMPARE(bool(d), kept);
        if (d) QCOMPARE(d->rows.rows, 9);
    }

    // 5,000 rows drawn from 300 patterns: every item lands in exactly one row, equal
    // to its own, and rows are numbered by first item.
    void randomCatalogue() {
        std::mt19937_64 g(11);
        const int n = 5000, d = 7, patterns = 300;
        DenseMatrix base(patterns, d), m(n, d);
        for (auto& v : base.data) v = float(int(g() % 1000)) / 7.0f;
        for (int i = 0; i < n; ++i) std::copy_n(base.row(int(g() % patterns)), d, m.row(i));
        const auto distinct = DistinctRows::of(m, 0.5);
        QVERIFY(distinct);
        QVERIFY(distinct->rows.rows <= patterns);
        std::vector<int> seen(n, 0);
        int previousFirst = -1;
        for (int r = 0; r < distinct->rows.rows; ++r) {
            const auto items = distinct->itemsOf(r);
            QVERIFY(!items.empty());
            QVERIFY(int(items.front()) > previousFirst);
            previousFirst = items.front();
            QVERIFY(std::is_sorted(items.begin(), items.end()));
            for (auto i : items) {
                ++seen[static_cast<std::size_t>(i)];
                QVERIFY(std::equal(distinct->rows.row(r), distinct->rows.row(r) + d, m.row(i)));
            }
        }
        QVERIFY(std::all_of(seen.begin(), seen.end(), [](int c) { return c == 1; }));
    }
};

QTEST_APPLESS_MAIN(TestDistinctRows)
#include "TestDistinctRows.moc"
