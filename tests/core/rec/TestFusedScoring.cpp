// FusedScoring, the engine's AVX-512 kernel that scores a block of users against packed item rows and
// offers only what can enter each list: its picks must be exactly those of offering every score.
// Inputs are small multiples of 1/4, so every sum is exact in float whatever its order, and ties are
// everywhere (the smaller item must win each). Rows: widths around the kernel's 8 users and 32 items
// a panel, ranges that start and end inside a panel, exclusions, a filter, shared rows, k of 0.
#include <QtTest>

#include <algorithm>
#include <random>

#include "rec/DistinctRows.h"
#include "rec/FusedScoring.h"
#include "rec/TopK.h"

using namespace ss::rec;

class TestFusedScoring : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (!FusedScoring::available()) QSKIP("this CPU has no AVX-512: the engine uses the BLAS product");
    }

    void sameListsAsEveryScore_data() {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("begin");
        QTest::addColumn<int>("end");
        QTest::addColumn<int>("k");
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<bool>("filter");
        QTest::addColumn<int>("patterns");  // > 0: the items share this many distinct rows
        QTest::newRow("one user, one item") << 1 << 4 << 0 << 1 << 10 << false << false << 0;
        QTest::newRow("a group of 8, one panel") << 8 << 16 << 0 << 32 << 5 << true << false << 0;
        QTest::newRow("9 users, 33 items") << 9 << 6 << 0 << 33 << 10 << true << false << 0;
        QTest::newRow("a range inside panels") << 21 << 64 << 5 << 38 << 10 << true << true << 0;
        QTest::newRow("64 wide, 1,000 items, k 50") << 17 << 64 << 3 << 1000 << 50 << true << true << 0;
        QTest::newRow("384 wide") << 11 << 384 << 0 << 300 << 10 << true << false << 0;
        QTest::newRow("100 wide, k > items") << 7 << 100 << 0 << 40 << 100 << false << false << 0;
        QTest::newRow("k of 0") << 8 << 8 << 0 << 64 << 0 << false << false << 0;
        QTest::newRow("dimension 1") << 12 << 1 << 0 << 77 << 10 << true << false << 0;
        QTest::newRow("shared rows") << 13 << 64 << 0 << 500 << 10 << true << false << 37;
        // Two wide: distinct rows often score level, and a later row's smaller item must still enter.
        QTest::newRow("shared rows scoring level") << 40 << 2 << 0 << 300 << 10 << true << false << 12;
        QTest::newRow("shared rows, filter, a range inside panels") << 10 << 32 << 9 << 300 << 20 << true << true << 29;
    }
    void sameListsAsEveryScore() {
        QFETCH(int, users);
        QFETCH(int, dim);
        QFETCH(int, begin);
        QFETCH(int, end);
        QFETCH(int, k);
        QFETCH(bool, exclude);
        QFETCH(bool, filter);
        QFETCH(int, patterns);
        std::mt19937_64 g(11);
        auto quarter = [&] { return float(int(g() % 7) - 3) * 0.25f; };
        const int items = end + 3;  // rows past `end` must never be offered
        DenseMatrix queries(users, dim), rows(items, dim);
        for (auto& v : queries.data) v = quarter();
        for (auto& v : rows.data) v = quarter();
        std::optional<DistinctRows> shared;
        if (patterns > 0) {
            for (int i = patterns; i < items; ++i) std::copy_n(rows.row(int(g() % unsigned(patterns))), dim, rows.row(i));
            shared = DistinctRows::of(rows, 0.0);
            QVERIFY(shared);
        }
        const DenseMatrix& scored = shared ? shared->rows : rows;
        const int from = shared ? std::min(begin, scored.rows) : begin, to = shared ? scored.rows : end;
        std::vector<char> allowed(static_cast<std::size_t>(items), 1);
        if (filter)
            for (int i = 0; i < items; ++i) allowed[std::size_t(i)] = char(i % 4 != 1);
        std::vector<std::vector<std::int32_t>> excluded(static_cast<std::size_t>(users));
        if (exclude)
            for (int u = 0; u < users; ++u)
                for (int i = 0; i < items; ++i)
                    if (g() % 6 == 0) excluded[std::size_t(u)].push_back(i);
        auto accumulators = [&] {
            std::vector<TopKAccumulator> tops;
            for (int u = 0; u < users; ++u) tops.emplace_back(std::size_t(k), excluded[std::size_t(u)], filter ? allowed.data() : nullptr);
            return tops;
        };

        // Every score offered, computed in double (exact here).
        std::vector<TopKAccumulator> expected = accumulators();
        for (int u = 0; u < users; ++u) {
            std::vector<float> s(static_cast<std::size_t>(to - from));
            for (int r = from; r < to; ++r) {
                double sum = 0;
                for (int c = 0; c < dim; ++c) sum += double(queries.row(u)[c]) * scored.row(r)[c];
                s[std::size_t(r - from)] = float(sum);
            }
            if (shared) expected[std::size_t(u)].offerShared(s.data(), from, to, *shared);
            else expected[std::size_t(u)].offer(s.data(), from, to);
        }
        // The kernel, in two ranges as the engine's tiles would come.
        std::vector<TopKAccumulator> fused = accumulators();
        std::vector<float> packed;
        const int middle = from + (to - from) / 2;
        for (const auto& [b, e] : {std::pair{from, middle}, std::pair{middle, to}}) {
            if (b == e) continue;
            FusedScoring::pack(scored.data.data(), dim, b, e, packed);
            FusedScoring::scoreAndOffer(queries.data.data(), users, dim, packed, b, e, fused.data(), shared ? &*shared : nullptr);
        }
        for (int u = 0; u < users; ++u) {
            const auto want = expected[std::size_t(u)].take(), got = fused[std::size_t(u)].take();
            QCOMPARE(got.size(), want.size());
            for (std::size_t i = 0; i < want.size(); ++i) {
                QCOMPARE(got[i].item, want[i].item);
                QCOMPARE(got[i].score, want[i].score);
            }
        }
    }

    // The engine turns it off and on (benchmarks compare the two paths).
    void canBeTurnedOff() {
        FusedScoring::setEnabled(false);
        QVERIFY(!FusedScoring::available());
        FusedScoring::setEnabled(true);
        QVERIFY(FusedScoring::available());
    }
};

QTEST_APPLESS_MAIN(TestFusedScoring)
#include "TestFusedScoring.moc"
