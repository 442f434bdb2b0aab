// CohortEngine on hand-counted fixtures: every definition (counting modes, cohort types, day/week/
// month, rolling windows, brackets, rate bases, means), a daylight-saving change, incomplete cells,
// purchases and revenue per customer, segments, and the JSON round trip.
#include <QtTest>

#include <cmath>
#include <map>
#include <random>

#include <boost/json.hpp>

#include "CohortFixtures.h"
#include "JsonCompare.h"
#include "cohorts/CalendarPeriods.h"
#include "cohorts/CohortEngine.h"
#include "common/TimeUtil.h"
#include "../store/TestSupport.h"

using namespace ss;
using sstest::at;

namespace {

// "LABEL SIZE:c0,c1,...:TTF" per row, rows joined by " | "; the mean row last as "mean:r0,r1,...:TF"
// with rates to 3 decimals ("-" for none).
QString render(const CohortMatrix& m) {
    QStringList rows;
    for (const auto& r : m.rows) {
        QStringList counts;
        QString complete;
        for (const auto& c : r.cells) {
            counts << QString::number(c.count);
            complete += c.complete ? 'T' : 'F';
        }
        rows << QStringLiteral("%1 %2:%3:%4").arg(QString::fromStdString(r.label)).arg(r.size).arg(counts.join(',')).arg(complete);
    }
    QStringList means;
    QString complete;
    for (const auto& c : m.mean) {
        means << (std::isnan(c.rate) ? QStringLiteral("-") : QString::number(c.rate, 'f', 3));
        complete += c.complete ? 'T' : 'F';
    }
    rows << QStringLiteral("mean:%1:%2").arg(means.join(',')).arg(complete);
    return rows.join(QStringLiteral(" | "));
}

CohortDefinition dayDefinition() {
    CohortDefinition d;
    d.period = CohortPeriod::Day;
    return d;
}

}  // namespace

class TestCohortEngine : public QObject {
    Q_OBJECT
private slots:
    void matrices_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("expected");
        // Day cohorts: d0 = {u1, u2}, d1 = {u3, u4}, d4 = {u5}. u1 returns d1, d3; u2 d2; u3 d2, d4.
        // Day 4 ends after the data's last event (22:00), so every day-4 cell is incomplete.
        QTest::newRow("day, on") << "on"
            << "2024-01-01 2:2,1,1,1,0:TTTTF | 2024-01-02 2:2,1,0,1:TTTF | 2024-01-05 1:1:F | mean:1.000,0.500,0.250,0.500,-:TTTTF";
        // On or after: u1 reached day 3 → counts on 1..3; u2 day 2 → 1..2; u3 day 3 (from d1) → 1..3.
        QTest::newRow("day, on or after") << "on-or-after"
            << "2024-01-01 2:2,2,2,1,0:TTTTF | 2024-01-02 2:2,1,1,1:TTTF | 2024-01-05 1:1:F | mean:1.000,0.750,0.750,0.500,-:TTTTF";
        // Returning with a purchase only: u1's on day 3; u3's on day 2 (column 1 of cohort d1).
        QTest::newRow("return purchase") << "return-purchase"
            << "2024-01-01 2:2,0,0,1,0:TTTTF | 2024-01-02 2:2,1,0,0:TTTF | 2024-01-05 1:1:F | mean:1.000,0.250,0.000,0.500,-:TTTTF";
        // First-purchase cohorts: u4 (d1), u3 (d2, from 08:00 on), u1 (d3); u3 is back on d4.
        QTest::newRow("first purchase") << "first-purchase"
            << "2024-01-02 1:1,0,0,0:TTTF | 2024-01-03 1:1,0,1:TTF | 2024-01-04 1:1,0:TF | mean:1.000,0.000,0.000,-:TTTF";
        // Recurring: active days u1 {0,1,3}, u2 {0,2}, u3 {1,2,4}, u4 {1}, u5 {4}.
        QTest::newRow("recurring") << "recurring"
            << "2024-01-01 2:2,1,1,1,0:TTTTF | 2024-01-02 3:3,1,1,1:TTTF | 2024-01-03 2:2,0,1:TTF | 2024-01-04 1:1,0:TF | 2024-01-05 2:2:F"
               " | mean:1.000,0.286,0.400,0.500,-:TTTTF";
        // Rolling 24 h from each customer's first event: u1 (10:00 d0) back 74 h later → period 3; u2 (23:00 d0) 26 h → 1;
        // u3 (08:00 d1) 24 h → 1 and 72 h → 3; u4 none. Complete while the latest member's window has ended.
        QTest::newRow("rolling 24h") << "rolling"
            << "2024-01-01 2:2,1,0,1,0:TTTFF | 2024-01-02 2:2,1,0,1:TTTF | 2024-01-05 1:1:F | mean:1.000,0.500,0.000,-,-:TTTFF";
        // Brackets day 1 and days 2–3 from each customer's own first event.
        QTest::newRow("brackets") << "brackets"
            << "2024-01-01 2:2,1,1:TTF | 2024-01-02 2:2,1,1:TTF | 2024-01-05 1:1:F | mean:1.000,0.500,-:TTF";
        // All five in the ISO week of Monday 2024-01-01, which has not ended by the data's end.
        QTest::newRow("week") << "week" << "2024-01-01 5:5:F | mean:-:F";
        QTest::newRow("month") << "month" << "2024-01-01 5:5:F | mean:-:F";
    }
    void matrices() {
        QFETCH(QString, variant);
        QFETCH(QString, expected);
        CohortDefinition d = dayDefinition();
        if (variant == "on-or-after") d.counting = RetentionCounting::OnOrAfter;
        if (variant == "return-purchase") d.returnEvents = {EventType::Purchase};
        if (variant == "first-purchase") d.cohortEvent = EventType::Purchase;
        if (variant == "recurring") d.type = CohortType::Recurring;
        if (variant == "rolling") d.window = PeriodWindow::Rolling;
        if (variant == "brackets") {
            d.window = PeriodWindow::Brackets;
            d.brackets = {{1, 1}, {2, 3}};
        }
        if (variant == "week") d.period = CohortPeriod::Week;
        if (variant == "month") d.period = CohortPeriod::Month;
        const auto log = sstest::smallShop();
        auto m = CohortEngine::compute(log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        QCOMPARE(render(*m), expected);
        QCOMPARE(m->customers, variant == "first-purchase" ? 3 : 5);
    }

    void rateBasesAndMeans() {
        CohortDefinition d = dayDefinition();
        d.base = RateBase::PreviousPeriod;
        const auto log = sstest::smallShop();
        auto m = CohortEngine::compute(log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        // Cohort d0 counts 2,1,1,1,0 → each relative to the one before.
        const auto& r = m->rows[0].cells;
        QCOMPARE(r[1].base, qint64(2));
        QCOMPARE(r[2].base, qint64(1));
        QCOMPARE(r[2].rate, 1.0);
        QCOMPARE(r[4].rate, 0.0);
        // Simple mean: the mean of the complete cohorts' rates, without an interval.
        d = dayDefinition();
        d.mean = MeanKind::Simple;
        d.returnEvents = {EventType::Purchase};
        m = CohortEngine::compute(log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        QCOMPARE(m->mean[1].rate, (0.0 + 0.5) / 2);
        QVERIFY(std::isnan(m->mean[1].low));
    }

    void intervalsAndMeasures() {
        const auto log = sstest::smallShop();
        auto m = CohortEngine::compute(log, dayDefinition(), TimeZone::utc());
        SS_VERIFY_OK(m);
        // Wilson interval of 1 of 2 (statsmodels proportion_confint(1, 2, method='wilson')).
        const auto& cell = m->rows[0].cells[1];
        QVERIFY(std::abs(cell.low - 0.09453120573) < 1e-9);
        QVERIFY(std::abs(cell.high - 0.90546879427) < 1e-9);
        // Cumulative purchases and revenue per customer: cohort d0 has u1's purchase on day 3 (10.0);
        // cohort d1 has u4's on day 0 (20.0) and u3's on day 1 (5.0).
        QVERIFY(m->hasRevenue);
        const std::vector<double> d0Purchases{0, 0, 0, 0.5, 0.5}, d0Revenue{0, 0, 0, 5, 5};
        const std::vector<double> d1Purchases{0.5, 1, 1, 1}, d1Revenue{10, 12.5, 12.5, 12.5};
        for (std::size_t c = 0; c < d0Purchases.size(); ++c) {
            QCOMPARE(m->rows[0].cells[c].purchasesPerCustomer, d0Purchases[c]);
            QCOMPARE(m->rows[0].cells[c].revenuePerCustomer, d0Revenue[c]);
        }
        for (std::size_t c = 0; c < d1Purchases.size(); ++c) {
            QCOMPARE(m->rows[1].cells[c].purchasesPerCustomer, d1Purchases[c]);
            QCOMPARE(m->rows[1].cells[c].revenuePerCustomer, d1Revenue[c]);
        }
        // Weighted mean of column 3 uses cohort d0 only (d1's day 3 is day 4: incomplete).
        QCOMPARE(m->mean[3].purchasesPerCustomer, 0.5);
    }

    void daylightSaving_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("expected");
        // Europe/Berlin: summer time starts 2024-03-31 01:00 UTC; ends 2024-10-27 01:00 UTC.
        // a: 2024-03-30 22:30 UTC (23:30 local, Mar 30) and 2024-03-31 22:30 UTC (00:30 local, Apr 1).
        // b: 2024-10-26 12:00 UTC and 2024-10-27 22:30 UTC (23:30 local, still Oct 27 after the change).
        // c: the data's end, 2024-11-05.
        QTest::newRow("UTC") << "UTC" << "2024-03-30 1:1,1:TT | 2024-10-26 1:1,1:TT | 2024-11-05 1:1:F";
        QTest::newRow("Berlin") << "Europe/Berlin" << "2024-03-30 1:1,0,1:TTT | 2024-10-26 1:1,1:TT | 2024-11-05 1:1:F";
    }
    void daylightSaving() {
        QFETCH(QString, zone);
        QFETCH(QString, expected);
        std::vector<ActivityLog::Row> rows = {
            sstest::row(1, 1711837800, EventType::View), sstest::row(1, 1711924200, EventType::View),
            sstest::row(2, 1729944000, EventType::View), sstest::row(2, 1730068200, EventType::View),
            sstest::row(3, 1730800800, EventType::View),
        };
        const auto log = ActivityLog::fromRows(std::move(rows));
        auto tz = TimeZone::load(zone.toStdString());
        SS_VERIFY_OK(tz);
        CohortDefinition d = dayDefinition();
        d.timeZone = zone.toStdString();
        auto m = CohortEngine::compute(log, d, *tz);
        SS_VERIFY_OK(m);
        QStringList rowsText;
        for (const auto& r : m->rows) {
            // Only the first columns matter here; later ones are empty days.
            QStringList counts;
            QString complete;
            for (std::size_t c = 0; c < std::min<std::size_t>(r.cells.size(), r.label == "2024-03-30" ? (zone == "UTC" ? 2 : 3) : 2); ++c) {
                counts << QString::number(r.cells[c].count);
                complete += r.cells[c].complete ? 'T' : 'F';
            }
            rowsText << QStringLiteral("%1 %2:%3:%4").arg(QString::fromStdString(r.label)).arg(r.size).arg(counts.join(',')).arg(complete);
        }
        QCOMPARE(rowsText.join(QStringLiteral(" | ")), expected);
        // The cohort's first instant is local midnight: 23:00 UTC the day before in winter.
        if (zone != "UTC") QCOMPARE(m->rows[0].start, qint64(1711753200));
    }

    void monthsAndWeeks() {
        // Months: Jan 31 → Feb 1 is month 1; Jan 15 → Mar 1 is month 2. ISO weeks: Sunday Jan 7 → Monday Jan 8 is week 1.
        std::vector<ActivityLog::Row> rows = {
            sstest::row(1, at(30, 12), EventType::View), sstest::row(1, at(31, 12), EventType::View),
            sstest::row(2, at(14, 12), EventType::View), sstest::row(2, at(60, 12), EventType::View),
            sstest::row(3, at(6, 12), EventType::View),  sstest::row(3, at(7, 1), EventType::View),
            sstest::row(4, at(120, 0), EventType::View),
        };
        const auto log = ActivityLog::fromRows(std::move(rows));
        CohortDefinition d;
        d.period = CohortPeriod::Month;
        auto m = CohortEngine::compute(log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        QCOMPARE(m->rows[0].label, std::string("2024-01-01"));
        QCOMPARE(m->rows[0].size, qint64(3));
        QCOMPARE(m->rows[0].cells[1].count, qint64(1));
        QCOMPARE(m->rows[0].cells[2].count, qint64(1));
        QCOMPARE(m->rows[0].cells[3].count, qint64(0));
        QCOMPARE(m->rows[0].cells.size(), std::size_t(4));  // January to April, where the data ends
        QVERIFY(m->rows[0].cells[2].complete);
        QVERIFY(!m->rows[0].cells[3].complete);  // the data ends on 2024-04-30, inside April
        d.period = CohortPeriod::Week;
        m = CohortEngine::compute(log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        QCOMPARE(m->rows[0].label, std::string("2024-01-01"));  // u3's Sunday belongs to the week of Monday Jan 1
        QCOMPARE(m->rows[0].cells[1].count, qint64(1));
    }

    void segmentsAndRefusals() {
        const auto log = sstest::smallShop();
        std::vector<char> include(log.customers(), 0);
        include[static_cast<std::size_t>(log.customerOf(1))] = 1;
        include[static_cast<std::size_t>(log.customerOf(3))] = 1;
        auto m = CohortEngine::compute(log, dayDefinition(), TimeZone::utc(), {}, include);
        SS_VERIFY_OK(m);
        QCOMPARE(render(*m), QStringLiteral("2024-01-01 1:1,1,0,1,0:TTTTF | 2024-01-02 1:1,1,0,1:TTTF | mean:1.000,1.000,0.000,1.000,-:TTTTF"));
        CohortDefinition bad = dayDefinition();
        bad.window = PeriodWindow::Brackets;
        bad.brackets = {{4, 7}, {1, 3}};
        QCOMPARE(CohortEngine::compute(log, bad, TimeZone::utc()).error().code, ErrorCode::Usage);
        bad.brackets = {{0, 3}};
        QVERIFY(!CohortEngine::compute(log, bad, TimeZone::utc()).ok());
        bad = dayDefinition();
        bad.returnEvents = {EventType::View, EventType::Cart, EventType::Purchase};
        QVERIFY(!CohortEngine::compute(log, bad, TimeZone::utc()).ok());
        JobContext cancelled;
        std::stop_source stop;
        cancelled.stop = stop.get_token();
        stop.request_stop();
        QCOMPARE(CohortEngine::compute(log, dayDefinition(), TimeZone::utc(), cancelled).error().code, ErrorCode::Cancelled);
    }

    void jsonRoundTrip_data() {
        QTest::addColumn<QString>("variant");
        QTest::newRow("day") << "day";
        QTest::newRow("brackets, simple mean") << "brackets";
        QTest::newRow("recurring purchase") << "recurring";
    }
    void jsonRoundTrip() {
        QFETCH(QString, variant);
        CohortDefinition d = dayDefinition();
        if (variant == "brackets") {
            d.window = PeriodWindow::Brackets;
            d.brackets = {{1, 1}, {2, 3}};
            d.mean = MeanKind::Simple;
        }
        if (variant == "recurring") {
            d.type = CohortType::Recurring;
            d.cohortEvent = EventType::Purchase;
            d.returnEvents = {EventType::Cart, EventType::Purchase};
            d.counting = RetentionCounting::OnOrAfter;
        }
        auto m = CohortEngine::compute(sstest::smallShop(), d, TimeZone::utc());
        SS_VERIFY_OK(m);
        const auto json = boost::json::value(m->toJson());
        const auto& o = json.get_object();
        QVERIFY(o.at("definition").is_string());
        QVERIFY(o.at("cohorts").is_array());
        auto back = CohortMatrix::fromJson(boost::json::parse(boost::json::serialize(json)));
        SS_VERIFY_OK(back);
        QVERIFY(back->definition == d);
        // Boost.JSON's parser may round the last bit of a double: equal up to that.
        QVERIFY(sstest::jsonNearlyEqual(boost::json::value(back->toJson()), json));
        auto broken = json;
        broken.get_object()["cohorts"].get_array()[0].get_object()["counts"].get_array().pop_back();
        QVERIFY(!CohortMatrix::fromJson(broken).ok());
    }

    void definitionSentence_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("mustContain");
        QTest::newRow("first-time week") << "week" << "each customer joins the cohort of the ISO week (Monday to Sunday, UTC) of their first event of any kind";
        QTest::newRow("on or after") << "on-or-after" << "or any later one";
        QTest::newRow("first purchase") << "first-purchase" << "of their first purchase";
        QTest::newRow("previous") << "previous" << "relative to the previous period's count";
        QTest::newRow("brackets") << "brackets" << "(Day 1, Days 2\u20133)";
    }
    void definitionSentence() {
        QFETCH(QString, variant);
        QFETCH(QString, mustContain);
        CohortDefinition d;
        if (variant == "on-or-after") d.counting = RetentionCounting::OnOrAfter;
        if (variant == "first-purchase") d.cohortEvent = EventType::Purchase;
        if (variant == "previous") d.base = RateBase::PreviousPeriod;
        if (variant == "brackets") {
            d.window = PeriodWindow::Brackets;
            d.brackets = {{1, 1}, {2, 3}};
        }
        const auto sentence = QString::fromStdString(d.describe());
        QVERIFY2(sentence.contains(mustContain), qPrintable(sentence));
    }

    // "On or after" with any behaviour as the return reads each customer's last event and their
    // purchases alone. Its counts must equal a brute-force count over every event, and its purchases
    // and revenue those of the "on" matrix (which walks every event), in zones with and without
    // daylight saving (Santiago sets its clock back from midnight to 23:00).
    void lastEventShortcutAgreesWithTheWalk_data() {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("window");
        for (const char* zone : {"UTC", "Asia/Shanghai", "Europe/Berlin", "America/Santiago"})
            for (const char* window : {"day", "week", "month", "rolling", "brackets"})
                QTest::newRow(qPrintable(QStringLiteral("%1, %2").arg(zone, window))) << zone << window;
    }
    void lastEventShortcutAgreesWithTheWalk() {
        QFETCH(QString, zone);
        QFETCH(QString, window);
        std::mt19937 rng(17);
        std::vector<ActivityLog::Row> rows;
        for (int u = 1; u <= 1500; ++u) {
            // Around the spring and autumn changes of both hemispheres (days 80–110 after 2024-01-01).
            std::int64_t t = at(static_cast<int>(rng() % 120), static_cast<int>(rng() % 24)) + static_cast<std::int64_t>(rng() % 3600);
            const int visits = 1 + static_cast<int>(rng() % 10);
            for (int v = 0; v < visits; ++v) {
                rows.push_back(sstest::row(u, t, static_cast<EventType>(1 + rng() % 4), static_cast<float>(rng() % 50)));
                t += static_cast<std::int64_t>(rng() % (9 * 86400));
            }
        }
        const auto log = ActivityLog::fromRows(std::move(rows));
        auto tz = TimeZone::load(zone.toStdString());
        SS_VERIFY_OK(tz);
        CohortDefinition any;
        any.counting = RetentionCounting::OnOrAfter;
        any.timeZone = zone.toStdString();
        if (window == "day") any.period = CohortPeriod::Day;
        if (window == "month") any.period = CohortPeriod::Month;
        if (window == "rolling") any.window = PeriodWindow::Rolling;
        if (window == "brackets") {
            any.window = PeriodWindow::Brackets;
            any.brackets = {{1, 3}, {4, 7}, {8, 30}};
        }
        auto fromLast = CohortEngine::compute(log, any, *tz);
        SS_VERIFY_OK(fromLast);
        QVERIFY(fromLast->rows.size() > 3);

        // Counts by brute force: every event's column, the largest reached, counted into 1..it.
        const CalendarPeriods calendar(any.period, *tz);
        std::map<std::int64_t, std::vector<std::int64_t>> expected;  // cohort period → counts by column
        for (std::size_t c = 0; c < log.customers(); ++c) {
            const auto events = log.events(c);
            const std::int64_t t0 = events.firstTime(), p = calendar.indexOf(t0);
            std::int64_t reached = 0;
            for (const auto& e : events) {
                std::int64_t column = 0;
                if (window == "rolling") {
                    column = floorDiv(e.ts - t0, any.windowSeconds());
                } else if (window == "brackets") {
                    for (std::size_t b = 0; b < any.brackets.size(); ++b)
                        if (floorDiv(e.ts - t0, 86400) >= any.brackets[b].firstDay) column = static_cast<std::int64_t>(b + 1);
                } else {
                    column = calendar.indexOf(e.ts) - p;
                }
                reached = std::max(reached, column);
            }
            auto& counts = expected[p];
            counts.resize(std::max<std::size_t>(counts.size(), static_cast<std::size_t>(reached) + 1), 0);
            for (std::int64_t k = 0; k <= reached; ++k) ++counts[static_cast<std::size_t>(k)];
        }
        QCOMPARE(fromLast->rows.size(), expected.size());
        auto row = fromLast->rows.begin();
        for (const auto& [p, counts] : expected) {
            QCOMPARE(row->start, calendar.startUtc(p));
            for (std::size_t k = 0; k < std::max(counts.size(), row->cells.size()); ++k) {
                const std::int64_t want = k < counts.size() ? counts[k] : 0, got = k < row->cells.size() ? row->cells[k].count : 0;
                QVERIFY2(want == got, qPrintable(QStringLiteral("cohort %1, column %2: %3, expected %4").arg(QString::fromStdString(row->label)).arg(k).arg(got).arg(want)));
            }
            ++row;
        }
        // Purchases and revenue by column do not depend on the counting mode: "on" walks every event.
        CohortDefinition on = any;
        on.counting = RetentionCounting::On;
        auto walked = CohortEngine::compute(log, on, *tz);
        SS_VERIFY_OK(walked);
        QCOMPARE(walked->rows.size(), fromLast->rows.size());
        for (std::size_t r = 0; r < walked->rows.size(); ++r)
            for (std::size_t k = 0; k < walked->rows[r].cells.size(); ++k) {
                QCOMPARE(fromLast->rows[r].cells[k].purchasesPerCustomer, walked->rows[r].cells[k].purchasesPerCustomer);
                QCOMPARE(fromLast->rows[r].cells[k].revenuePerCustomer, walked->rows[r].cells[k].revenuePerCustomer);
            }
    }

    void workersAgree_data() {
        QTest::addColumn<QString>("variant");
        QTest::newRow("week, on") << "week";
        QTest::newRow("day, recurring, on or after") << "recurring";
        QTest::newRow("brackets") << "brackets";
    }
    void workersAgree() {
        // Shares of customers counted apart and added give the same matrix as one worker.
        QFETCH(QString, variant);
        std::mt19937 rng(5);
        std::vector<ActivityLog::Row> rows;
        for (int u = 1; u <= 3000; ++u) {
            std::int64_t t = at(static_cast<int>(rng() % 60), static_cast<int>(rng() % 24));
            const int visits = 1 + static_cast<int>(rng() % 8);
            for (int v = 0; v < visits; ++v) {
                rows.push_back(sstest::row(u, t, static_cast<EventType>(1 + rng() % 4), static_cast<float>(rng() % 50)));
                t += static_cast<std::int64_t>(rng() % (20 * 86400));
            }
        }
        const auto log = ActivityLog::fromRows(std::move(rows));
        CohortDefinition d;
        if (variant == "recurring") {
            d.period = CohortPeriod::Day;
            d.type = CohortType::Recurring;
            d.counting = RetentionCounting::OnOrAfter;
        }
        if (variant == "brackets") {
            d.window = PeriodWindow::Brackets;
            d.brackets = {{1, 3}, {4, 7}, {8, 30}};
        }
        auto one = CohortEngine::compute(log, d, TimeZone::utc(), {}, {}, 1);
        auto three = CohortEngine::compute(log, d, TimeZone::utc(), {}, {}, 3);
        SS_VERIFY_OK(one);
        SS_VERIFY_OK(three);
        QVERIFY(one->rows.size() > 5);
        QVERIFY(sstest::jsonNearlyEqual(boost::json::value(three->toJson()), boost::json::value(one->toJson())));
    }
};

QTEST_APPLESS_MAIN(TestCohortEngine)
#include "TestCohortEngine.moc"
