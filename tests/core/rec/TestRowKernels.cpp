// RowKernels against plain double-precision loops: dot products of a block of rows, weighted sums of
// rows, the symmetric matrix-vector product and the row gather, for row lengths on and off the 8-float
// vector path and block sizes around the four-row step (this build of the test is the portable one;
// ALS's own tests run the multi-versioned copies).
#include <QtTest>

#include <cmath>
#include <random>
#include <vector>

#include "rec/RowKernels.h"

using namespace ss::rec;

namespace {

std::vector<float> randomValues(std::size_t n, std::uint64_t seed) {
    std::mt19937_64 g(seed);
    std::uniform_real_distribution<float> d(-1.0f, 1.0f);
    std::vector<float> v(n);
    for (auto& x : v) x = d(g);
    return v;
}

bool close(double got, double want) { return std::fabs(got - want) <= 1e-5 * std::max(1.0, std::fabs(want)); }

}  // namespace

class TestRowKernels : public QObject {
    Q_OBJECT
private slots:
    void kernels_data() {
        QTest::addColumn<int>("f");
        QTest::addColumn<int>("count");
        for (int f : {1, 6, 8, 16, 24, 64, 72, 136})
            for (int count : {0, 1, 3, 4, 5, 9, 64, 65})
                QTest::addRow("f=%d, %d rows", f, count) << f << count;
    }
    void kernels() {
        QFETCH(int, f);
        QFETCH(int, count);
        const auto rows = randomValues(std::size_t(count) * f, 1 + f);
        const auto v = randomValues(std::size_t(f), 2 + count);
        const auto w = randomValues(std::size_t(count), 3 + f * count);

        std::vector<float> t(std::size_t(count) + 1, -7.0f);
        rowkernels::dotRows(rows.data(), count, f, v.data(), t.data());
        for (int j = 0; j < count; ++j) {
            double want = 0;
            for (int c = 0; c < f; ++c) want += double(rows[std::size_t(j) * f + c]) * v[c];
            QVERIFY2(close(t[j], want), qPrintable(QString("dot %1: %2 vs %3").arg(j).arg(t[j]).arg(want)));
        }
        QCOMPARE(t[count], -7.0f);  // nothing written past the block

        auto out = randomValues(std::size_t(f) + 1, 4);
        const auto before = out;
        rowkernels::addRowsTo(rows.data(), w.data(), count, f, out.data());
        for (int c = 0; c < f; ++c) {
            double want = before[c];
            for (int j = 0; j < count; ++j) want += double(w[j]) * rows[std::size_t(j) * f + c];
            QVERIFY2(close(out[c], want), qPrintable(QString("sum column %1: %2 vs %3").arg(c).arg(out[c]).arg(want)));
        }
        QCOMPARE(out[f], before[f]);

        // Gather rows in a shuffled order (with a repeat), as ALS gathers a row's observations.
        if (count > 0) {
            std::vector<std::int32_t> idx;
            for (int j = count - 1; j >= 0; j -= 2) idx.push_back(j);
            idx.push_back(0);
            std::vector<float> into(idx.size() * f + 1, -7.0f);
            rowkernels::gatherRows(rows.data(), f, idx.data(), idx.size(), into.data());
            for (std::size_t q = 0; q < idx.size(); ++q)
                for (int c = 0; c < f; ++c) QCOMPARE(into[q * f + c], rows[std::size_t(idx[q]) * f + c]);
            QCOMPARE(into.back(), -7.0f);
        }
    }

    void symmetricTimes_data() {
        QTest::addColumn<int>("f");
        for (int f : {1, 2, 7, 8, 32, 64, 80}) QTest::addRow("f=%d", f) << f;
    }
    void symmetricTimes() {
        QFETCH(int, f);
        auto s = randomValues(std::size_t(f) * f, 5);
        for (int r = 0; r < f; ++r)
            for (int c = 0; c < r; ++c) s[std::size_t(r) * f + c] = s[std::size_t(c) * f + r];
        const auto v = randomValues(std::size_t(f), 6);
        std::vector<float> out(std::size_t(f), 99.0f);  // overwritten, not added to
        rowkernels::symmetricTimes(s.data(), v.data(), out.data(), f);
        for (int r = 0; r < f; ++r) {
            double want = 0;
            for (int c = 0; c < f; ++c) want += double(s[std::size_t(r) * f + c]) * v[c];
            QVERIFY2(close(out[r], want), qPrintable(QString("row %1: %2 vs %3").arg(r).arg(out[r]).arg(want)));
        }
    }
};

QTEST_APPLESS_MAIN(TestRowKernels)
#include "TestRowKernels.moc"
