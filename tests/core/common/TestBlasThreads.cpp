// BlasThreads: holders that nest or overlap leave the newest holder's count in force and restore the
// count found before the first; a count below one holds nothing. Built against OpenBLAS where the
// machine has it (SS_HAVE_OPENBLAS); without it, nothing is held and nothing is reported.
#include <QtTest>

#include <memory>
#include <vector>

#include "common/BlasThreads.h"

#ifdef SS_HAVE_OPENBLAS
extern "C" int openblas_get_num_threads();  // the library's own answer, and what keeps it linked
#endif

using namespace ss;

class TestBlasThreads : public QObject {
    Q_OBJECT
private slots:
    void openBlasIsFound() {
#ifdef SS_HAVE_OPENBLAS
        QVERIFY(BlasThreads::available());
        QVERIFY(BlasThreads::current() >= 1);
        QVERIFY(BlasThreads::set(3));
        QCOMPARE(openblas_get_num_threads(), 3);
#else
        QVERIFY(!BlasThreads::available());
        QCOMPARE(BlasThreads::current(), 0);
        QVERIFY(!BlasThreads::set(1));
#endif
    }

    // Holders come and go in the order of `steps`: a positive number creates a holder of that count,
    // -n ends the n-th holder created (1-based); after each step the count in force is compared.
    void holders_data() {
        QTest::addColumn<std::vector<int>>("steps");
        QTest::addColumn<std::vector<int>>("expected");  // 0: the count before any holder
        QTest::newRow("one holder") << std::vector<int>{1, -1} << std::vector<int>{1, 0};
        QTest::newRow("nested") << std::vector<int>{3, 1, -2, -1} << std::vector<int>{3, 1, 3, 0};
        QTest::newRow("overlapping, first ends first") << std::vector<int>{1, 3, -1, -2} << std::vector<int>{1, 3, 3, 0};
        QTest::newRow("same count twice") << std::vector<int>{1, 1, -1, -2} << std::vector<int>{1, 1, 1, 0};
        QTest::newRow("zero holds nothing") << std::vector<int>{0, -1} << std::vector<int>{0, 0};
    }
    void holders() {
        QFETCH(std::vector<int>, steps);
        QFETCH(std::vector<int>, expected);
        if (!BlasThreads::available()) QSKIP("no OpenBLAS in this build: openBlasIsFound checks that nothing is held");
        QVERIFY(BlasThreads::set(2));
        const int before = BlasThreads::current();
        QCOMPARE(before, 2);
        std::vector<std::unique_ptr<BlasThreads>> made;
        for (std::size_t s = 0; s < steps.size(); ++s) {
            if (steps[s] >= 0) made.push_back(std::make_unique<BlasThreads>(steps[s]));
            else made.at(static_cast<std::size_t>(-steps[s] - 1)).reset();
            QCOMPARE(BlasThreads::current(), expected[s] ? expected[s] : before);
#ifdef SS_HAVE_OPENBLAS
            QCOMPARE(openblas_get_num_threads(), BlasThreads::current());
#endif
        }
    }
};

QTEST_GUILESS_MAIN(TestBlasThreads)
#include "TestBlasThreads.moc"
