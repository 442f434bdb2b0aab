// The customers behind a cell (CohortEngine::members: hand-counted on the small shop, and equal to
// every cell's count on a larger random shop), and Segments: save, list, export, replace, delete,
// unknown customer ids refused with nothing written.
#include <QtTest>

#include <algorithm>
#include <random>

#include "CohortFixtures.h"
#include "cohorts/CohortEngine.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/Segments.h"
#include "store/BulkWriter.h"
#include "store/Project.h"
#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"

using namespace ss;
using sstest::at;

class TestSegments : public QObject {
    Q_OBJECT
private slots:
    void membersOfACell_data() {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("cohort");
        QTest::addColumn<int>("column");
        QTest::addColumn<QList<qint64>>("users");
        // Day cohorts of the small shop: d0 = {u1, u2}; u1 back on days 1 and 3, u2 on day 2; u3 (cohort d1) on days 2 and 4.
        QTest::newRow("whole cohort") << "on" << "2024-01-01" << 0 << QList<qint64>{1, 2};
        QTest::newRow("day 1") << "on" << "2024-01-01" << 1 << QList<qint64>{1};
        QTest::newRow("day 2") << "on" << "2024-01-01" << 2 << QList<qint64>{2};
        QTest::newRow("day 2 or later") << "on-or-after" << "2024-01-01" << 2 << QList<qint64>{1, 2};
        QTest::newRow("second cohort, period 3") << "on" << "2024-01-02" << 3 << QList<qint64>{3};
        QTest::newRow("nobody") << "on" << "2024-01-02" << 2 << QList<qint64>{};
    }
    void membersOfACell() {
        QFETCH(QString, mode);
        QFETCH(QString, cohort);
        QFETCH(int, column);
        QFETCH(QList<qint64>, users);
        CohortDefinition d;
        d.period = CohortPeriod::Day;
        if (mode == "on-or-after") d.counting = RetentionCounting::OnOrAfter;
        const auto log = sstest::smallShop();
        auto members = CohortEngine::members(log, d, TimeZone::utc(), cohort.toStdString(), static_cast<std::size_t>(column));
        SS_VERIFY_OK(members);
        QList<qint64> got;
        for (auto c : *members) got << log.userId(c);
        QCOMPARE(got, users);
    }

    void membersMatchEveryCount() {
        std::mt19937 rng(9);
        std::vector<ActivityLog::Row> rows;
        for (int u = 1; u <= 400; ++u) {
            std::int64_t t = at(static_cast<int>(rng() % 50), static_cast<int>(rng() % 24));
            for (int v = 0, n = 1 + static_cast<int>(rng() % 6); v < n; ++v) {
                rows.push_back(sstest::row(u, t, static_cast<EventType>(1 + rng() % 4)));
                t += static_cast<std::int64_t>(rng() % (15 * 86400));
            }
        }
        const auto log = ActivityLog::fromRows(std::move(rows));
        for (auto counting : {RetentionCounting::On, RetentionCounting::OnOrAfter}) {
            CohortDefinition d;
            d.counting = counting;
            auto m = CohortEngine::compute(log, d, TimeZone::utc());
            SS_VERIFY_OK(m);
            for (const auto& row : m->rows)
                for (std::size_t col = 0; col < row.cells.size(); ++col) {
                    auto members = CohortEngine::members(log, d, TimeZone::utc(), row.label, col);
                    SS_VERIFY_OK(members);
                    QCOMPARE(static_cast<std::int64_t>(members->size()), row.cells[col].count);
                }
        }
        QVERIFY(!CohortEngine::members(log, CohortDefinition{}, TimeZone::utc(), "last week", 1).ok());
    }

    void savedSegments() {
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("p.shelfsense").toStdString());
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        {
            Transaction tx(db);
            auto writer = BulkWriter::create(db, std::nullopt);
            SS_VERIFY_OK(writer);
            for (const char* id : {"A", "B", "C"}) SS_VERIFY_OK(writer->userId(id));
            SS_VERIFY_OK(writer->flush());
            SS_VERIFY_OK(tx.commit());
        }
        auto ids = Segments::resolve(db, {"A", "C"});
        SS_VERIFY_OK(ids);
        auto saved = Segments::save(db, "loyal", "from a test", *ids, false, 1700000000);
        SS_VERIFY_OK(saved);
        QCOMPARE(saved->customers, std::int64_t(2));
        auto again = Segments::save(db, "loyal", "", *ids, false, 1700000001);
        QVERIFY(!again.ok());  // no silent replace
        QVERIFY(again.error().describe().find("exists") != std::string::npos);
        auto list = Segments::list(db);
        SS_VERIFY_OK(list);
        QCOMPARE(list->size(), std::size_t(1));
        QCOMPARE(list->front().customers, std::int64_t(2));
        SS_COMPARE_STR(list->front().description, "from a test");
        auto members = Segments::members(db, "loyal");
        SS_VERIFY_OK(members);
        QCOMPARE(members->size(), std::size_t(2));
        SS_COMPARE_STR(members->at(1).externalId, "C");
        const std::vector<std::int64_t> onlyB{2};
        SS_VERIFY_OK(Segments::save(db, "loyal", "replaced", onlyB, true, 1700000002));
        members = Segments::members(db, "loyal");
        SS_VERIFY_OK(members);
        QCOMPARE(members->size(), std::size_t(1));
        SS_COMPARE_STR(members->front().externalId, "B");
        auto unknown = Segments::resolve(db, {"A", "Z", "Y"});
        QVERIFY(!unknown.ok());
        QVERIFY(unknown.error().describe().find("2 customer id(s) not in the project: Z, Y") != std::string::npos);
        const std::vector<std::int64_t> strangers{99};
        QVERIFY(!Segments::save(db, "ghosts", "", strangers, false, 1700000003).ok());
        list = Segments::list(db);
        SS_VERIFY_OK(list);
        QCOMPARE(list->size(), std::size_t(1));  // the failed save left nothing behind
        SS_VERIFY_OK(Segments::remove(db, "loyal"));
        QVERIFY(!Segments::remove(db, "loyal").ok());
        QCOMPARE(sstest::countRows(dir.filePath("p.shelfsense").toStdString(), "SELECT count(*) FROM segment_members"), std::int64_t(0));
    }

    void firstOrderValueBands() {
        // Eight buyers whose first purchases cost 1 … 8 (a later, larger purchase does not count),
        // and one customer who never buys: quartile cuts at 3, 5 and 7.
        std::vector<ActivityLog::Row> rows;
        for (int u = 1; u <= 8; ++u) {
            rows.push_back(sstest::row(u, at(0, u), EventType::View));
            rows.push_back(sstest::row(u, at(1, u), EventType::Purchase, static_cast<float>(u)));
            rows.push_back(sstest::row(u, at(2, u), EventType::Purchase, 100.0f));
        }
        rows.push_back(sstest::row(9, at(0, 1), EventType::View));
        const auto log = ActivityLog::fromRows(std::move(rows));
        QTemporaryDir dir;
        auto project = Project::open(dir.filePath("p.shelfsense").toStdString());
        SS_VERIFY_OK(project);
        auto available = CustomerGroups::available((*project)->db(), log);
        SS_VERIFY_OK(available);
        QVERIFY(std::find(available->begin(), available->end(), "first-order-value") != available->end());
        auto groups = CustomerGroups::load((*project)->db(), log, "first-order-value");
        SS_VERIFY_OK(groups);
        QCOMPARE(groups->names, (std::vector<std::string>{"1: up to 3.00", "2: 3.00\u20135.00", "3: 5.00\u20137.00", "4: over 7.00"}));
        const std::vector<int> expected{0, 0, 0, 1, 1, 2, 2, 3, -1};
        for (std::size_t c = 0; c < expected.size(); ++c) QCOMPARE(groups->groupOf[c], expected[c]);
        const auto noAmounts = ActivityLog::fromRows({sstest::row(1, at(0, 1), EventType::Purchase)});
        auto none = CustomerGroups::available((*project)->db(), noAmounts);
        SS_VERIFY_OK(none);
        QVERIFY(std::find(none->begin(), none->end(), "first-order-value") == none->end());
        QVERIFY(!CustomerGroups::load((*project)->db(), noAmounts, "first-order-value").ok());
    }
};

QTEST_APPLESS_MAIN(TestSegments)
#include "TestSegments.moc"
