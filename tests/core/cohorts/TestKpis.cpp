// Kpis on a hand-counted shop: active customers in the last 7 and 30 days, the repeat-purchase rate
// and its month-by-month trend, and month-1 retention of the latest complete monthly cohort.
#include <QtTest>

#include "CohortFixtures.h"
#include "cohorts/Kpis.h"
#include "common/TimeUtil.h"
#include "../store/TestSupport.h"

using namespace ss;

namespace {

std::int64_t on(const char* date, int hour = 12) { return *parseDateTime(date) + hour * 3600; }

}  // namespace

class TestKpis : public QObject {
    Q_OBJECT
private slots:
    void handCounted() {
        // a: buys Jan 5 and Feb 10, views Mar 20      b: views Jan 7, buys Jan 8
        // c: views Jan 20 and Feb 2                    d: views Feb 3, buys Mar 1 and Mar 2
        // e: views Mar 25 at noon — the data's end.
        using sstest::row;
        std::vector<ActivityLog::Row> rows = {
            row(1, on("2024-01-05"), EventType::Purchase), row(1, on("2024-02-10"), EventType::Purchase), row(1, on("2024-03-20"), EventType::View),
            row(2, on("2024-01-07"), EventType::View),     row(2, on("2024-01-08"), EventType::Purchase),
            row(3, on("2024-01-20"), EventType::View),     row(3, on("2024-02-02"), EventType::View),
            row(4, on("2024-02-03"), EventType::View),     row(4, on("2024-03-01"), EventType::Purchase), row(4, on("2024-03-02"), EventType::Purchase),
            row(5, on("2024-03-25"), EventType::View),
        };
        const auto log = ActivityLog::fromRows(std::move(rows));
        auto k = Kpis::compute(log, TimeZone::utc());
        SS_VERIFY_OK(k);
        QCOMPARE(k->active7, std::int64_t(2));   // a (Mar 20) and e
        QCOMPARE(k->active30, std::int64_t(3));  // and d (Mar 2)
        QCOMPARE(k->weeklyActive.size(), std::size_t(12));
        QCOMPARE(k->weeklyActive.back().value, 2.0);
        SS_COMPARE_STR(k->weeklyActive.back().label, "2024-03-18");
        QCOMPARE(k->buyers, std::int64_t(3));
        QCOMPARE(k->repeatBuyers, std::int64_t(2));
        QVERIFY(std::abs(k->repeatRate - 2.0 / 3.0) < 1e-12);
        QCOMPARE(k->repeatByMonth.size(), std::size_t(3));
        SS_COMPARE_STR(k->repeatByMonth[0].label, "2024-01-01");
        QCOMPARE(k->repeatByMonth[0].value, 0.0);  // a and b bought, nobody twice yet
        QCOMPARE(k->repeatByMonth[1].value, 0.5);  // a's second purchase in February
        QVERIFY(std::abs(k->repeatByMonth[2].value - 2.0 / 3.0) < 1e-12);
        // January's cohort {a, b, c}: a and c back in February; February's (d) has no complete month 1.
        SS_COMPARE_STR(k->lastCompleteCohort, "2024-01-01");
        QCOMPARE(k->monthOneCohortSize, std::int64_t(3));
        QVERIFY(std::abs(k->monthOneRetention - 2.0 / 3.0) < 1e-12);
        QVERIFY(k->monthOneLow < k->monthOneRetention && k->monthOneRetention < k->monthOneHigh);
        QCOMPARE(k->monthOneByCohort.size(), std::size_t(1));
    }
};

QTEST_APPLESS_MAIN(TestKpis)
#include "TestKpis.moc"
