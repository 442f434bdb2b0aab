// Project and BulkWriter: stats, daily activity, settings and import reports over a known fixture;
// compact id maps that persist across writers; item upserts that keep what a record lacks.
#include <QtTest>

#include <vector>

#include "ProjectDump.h"
#include "TestSupport.h"
#include "store/ActivitySummary.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

using namespace ss;

namespace {

std::filesystem::path file(const QTemporaryDir& dir, const char* name) {
    return std::filesystem::path(dir.path().toStdString()) / name;
}

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kT0 = 1577836800;  // 2020-01-01T00:00:00Z

}  // namespace

class TestProject : public QObject {
    Q_OBJECT
private slots:
    void emptyProjectStats() {
        QTemporaryDir dir;
        auto project = Project::open(file(dir, "empty.shelfsense"));
        SS_VERIFY_OK(project);
        auto stats = (*project)->stats();
        SS_VERIFY_OK(stats);
        QCOMPARE(stats->items, std::int64_t(0));
        QCOMPARE(stats->events, std::int64_t(0));
        QVERIFY(!stats->firstEvent.has_value());
        QVERIFY(!stats->lastReview.has_value());
        auto days = (*project)->dailyEventCounts();
        SS_VERIFY_OK(days);
        QVERIFY(days->empty());
        auto reports = (*project)->importReports();
        SS_VERIFY_OK(reports);
        QVERIFY(reports->empty());
    }

    // The same numbers from a scan of the events and from the per-day summary an import keeps; an
    // event written after the summary puts the scan back in charge (the summary is out of date).
    void statsAndDailyCounts_data() {
        QTest::addColumn<bool>("summary");
        QTest::newRow("scan") << false;
        QTest::newRow("summary") << true;
    }
    void statsAndDailyCounts() {
        QFETCH(bool, summary);
        QTemporaryDir dir;
        const auto path = file(dir, "stats.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        {
            Transaction tx(db);
            auto w = BulkWriter::create(db, std::nullopt);
            SS_VERIFY_OK(w);
            auto u1 = w->userId("alice"), u2 = w->userId("bob");
            auto i1 = w->itemId("x", "cat1"), i2 = w->itemId("y");
            SS_VERIFY_OK(u1);
            SS_VERIFY_OK(u2);
            SS_VERIFY_OK(i1);
            SS_VERIFY_OK(i2);
            // Day 0: 3 events, one purchase (the last second of the day stays on day 0).
            SS_VERIFY_OK(w->addEvent(*u1, *i1, EventType::View, kT0 + 10));
            SS_VERIFY_OK(w->addEvent(*u1, *i1, EventType::Purchase, kT0 + 100));
            SS_VERIFY_OK(w->addEvent(*u2, *i2, EventType::View, kT0 + kDay - 1));
            // Day 2: 2 events, two purchases; day 1 has none.
            SS_VERIFY_OK(w->addEvent(*u2, *i1, EventType::Purchase, kT0 + 2 * kDay));
            SS_VERIFY_OK(w->addEvent(*u2, *i2, EventType::Purchase, kT0 + 2 * kDay + 5));
            // Day 5: cart + favourite
            SS_VERIFY_OK(w->addEvent(*u1, *i2, EventType::Cart, kT0 + 5 * kDay + 7));
            SS_VERIFY_OK(w->addEvent(*u1, *i2, EventType::Favourite, kT0 + 5 * kDay + 8));
            auto r1 = w->addReview({*u1, *i1, 4.0, "t", "b", kT0 + 3 * kDay});
            auto r2 = w->addReview({*u2, *i1, 2.0, "t2", "b2", kT0 + 9 * kDay});
            SS_VERIFY_OK(r1);
            SS_VERIFY_OK(r2);
            QCOMPARE(w->newUsers(), std::int64_t(2));
            QCOMPARE(w->newItems(), std::int64_t(2));
            SS_VERIFY_OK(w->flush());
            if (summary) SS_VERIFY_OK(ActivitySummary::rebuild(db));
            SS_VERIFY_OK(tx.commit());
        }
        auto stats = (*project)->stats();
        SS_VERIFY_OK(stats);
        QCOMPARE(stats->fromSummary, summary);
        QCOMPARE(stats->items, std::int64_t(2));
        QCOMPARE(stats->users, std::int64_t(2));
        QCOMPARE(stats->events, std::int64_t(7));
        QCOMPARE(stats->reviews, std::int64_t(2));
        QCOMPARE(*stats->firstEvent, kT0 + 10);
        QCOMPARE(*stats->lastEvent, kT0 + 5 * kDay + 8);
        QCOMPARE(*stats->firstReview, kT0 + 3 * kDay);
        QCOMPARE(*stats->lastReview, kT0 + 9 * kDay);
        QCOMPARE(stats->eventsByType[int(EventType::View)], std::int64_t(2));
        QCOMPARE(stats->eventsByType[int(EventType::Cart)], std::int64_t(1));
        QCOMPARE(stats->eventsByType[int(EventType::Favourite)], std::int64_t(1));
        QCOMPARE(stats->eventsByType[int(EventType::Purchase)], std::int64_t(3));
        QCOMPARE(stats->eventsByType[0], std::int64_t(0));

        auto days = (*project)->dailyEventCounts();
        SS_VERIFY_OK(days);
        QCOMPARE(days->size(), std::size_t(3));
        QCOMPARE((*days)[0].day, kT0);
        QCOMPARE((*days)[0].events, std::int64_t(3));
        QCOMPARE((*days)[0].purchases, std::int64_t(1));
        QCOMPARE((*days)[1].day, kT0 + 2 * kDay);
        QCOMPARE((*days)[1].events, std::int64_t(2));
        QCOMPARE((*days)[1].purchases, std::int64_t(2));
        QCOMPARE((*days)[2].day, kT0 + 5 * kDay);
        QCOMPARE((*days)[2].events, std::int64_t(2));
        QCOMPARE((*days)[2].purchases, std::int64_t(0));
        if (summary) {
            QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM event_days"), std::int64_t(5));  // (day, behaviour) cells
            SS_VERIFY_OK(db.exec("INSERT INTO events(user_id, item_id, type, ts) VALUES(1, 1, 4, " + std::to_string(kT0 + 7 * kDay) + ")"));
            auto later = (*project)->stats();
            SS_VERIFY_OK(later);
            QVERIFY(!later->fromSummary);
            QCOMPARE(later->events, std::int64_t(8));
            QCOMPARE(*later->lastEvent, kT0 + 7 * kDay);
            auto laterDays = (*project)->dailyEventCounts();
            SS_VERIFY_OK(laterDays);
            QCOMPARE(laterDays->size(), std::size_t(4));
        }
        // The category given for a new item is stored; an item created without one has none.
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM items WHERE external_id='x' AND category='cat1'"), std::int64_t(1));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM items WHERE external_id='y' AND category IS NULL"), std::int64_t(1));
    }

    void idMapsPersistAcrossWriters() {
        QTemporaryDir dir;
        const auto path = file(dir, "ids.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        std::int64_t alice = 0, bob = 0, item = 0;
        {
            Transaction tx(db);
            auto w = BulkWriter::create(db, std::nullopt);
            SS_VERIFY_OK(w);
            alice = *w->userId("alice");
            bob = *w->userId("bob");
            QCOMPARE(*w->userId("alice"), alice);  // same external id, same compact id
            item = *w->itemId("SKU-1");
            QCOMPARE(alice, std::int64_t(1));
            QCOMPARE(bob, std::int64_t(2));
            QCOMPARE(w->newUsers(), std::int64_t(2));
            QVERIFY(!w->findItem("SKU-2").has_value());
            QCOMPARE(*w->findItem("SKU-1"), item);
            SS_VERIFY_OK(w->flush());  // new ids are stored in batches
            SS_VERIFY_OK(tx.commit());
        }
        {
            Transaction tx(db);
            auto w = BulkWriter::create(db, std::nullopt);  // loads the maps from the file
            SS_VERIFY_OK(w);
            QCOMPARE(*w->userId("bob"), bob);
            QCOMPARE(*w->userId("carol"), std::int64_t(3));  // continues after the largest id
            QCOMPARE(*w->findItem("SKU-1"), item);
            QCOMPARE(w->newUsers(), std::int64_t(1));
            QCOMPARE(w->newItems(), std::int64_t(0));
            SS_VERIFY_OK(w->flush());
            SS_VERIFY_OK(tx.commit());
        }
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users"), std::int64_t(3));
        QCOMPARE(sstest::countRows(path, "SELECT max(id) FROM users"), std::int64_t(3));
    }

    void upsertKeepsMissingFields() {
        QTemporaryDir dir;
        const auto path = file(dir, "upsert.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        Transaction tx(db);
        auto w = BulkWriter::create(db, std::nullopt);
        SS_VERIFY_OK(w);
        ItemRecord full;
        full.externalId = "B01";
        full.title = "Kettle | 电热水壶";
        full.description = "boils";
        full.category = "Kitchen";
        full.brand = "Maple";
        full.price = 19.99;
        full.available = true;
        auto id = w->upsertItem(full);
        SS_VERIFY_OK(id);
        ItemRecord partial;
        partial.externalId = "B01";
        partial.price = 17.5;
        partial.available = false;
        auto again = w->upsertItem(partial);
        SS_VERIFY_OK(again);
        QCOMPARE(*again, *id);
        SS_VERIFY_OK(tx.commit());
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM items"), std::int64_t(1));
        QCOMPARE(sstest::countRows(path,
                                   "SELECT count(*) FROM items WHERE title='Kettle | 电热水壶' AND description='boils'"
                                   " AND category='Kitchen' AND brand='Maple' AND price=17.5 AND available=0"),
                 std::int64_t(1));
    }

    void duplicateReviewAndSegment() {
        QTemporaryDir dir;
        const auto path = file(dir, "rev.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        Transaction tx(db);
        auto w = BulkWriter::create(db, std::int64_t(77));
        SS_VERIFY_OK(w);
        const auto u = *w->userId("u"), i = *w->itemId("i");
        auto first = w->addReview({u, i, 5.0, "t", "first", 1600000000});
        SS_VERIFY_OK(first);
        QVERIFY(*first);
        auto same = w->addReview({u, i, 5.0, "t", "first", 1600000000});  // same user, item, time and text
        SS_VERIFY_OK(same);
        QVERIFY(!*same);
        auto other = w->addReview({u, i, 1.0, "other", "second text", 1600000000});  // same time, other text
        SS_VERIFY_OK(other);
        QVERIFY(*other);
        auto later = w->addReview({u, i, 3.0, "t", "later", 1600000001});
        SS_VERIFY_OK(later);
        QVERIFY(*later);
        SS_VERIFY_OK(w->addEvent(u, i, EventType::View, 1600000000, std::int64_t(3), 4.5));
        SS_VERIFY_OK(w->setUserSegment(u, "regular"));
        SS_VERIFY_OK(w->flush());
        SS_VERIFY_OK(tx.commit());
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM reviews"), std::int64_t(3));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM reviews WHERE body='first' AND rating=5"), std::int64_t(1));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM reviews WHERE import_id=77"), std::int64_t(3));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM events WHERE import_id=77 AND quantity=3 AND value=4.5"), std::int64_t(1));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users WHERE segment='regular'"), std::int64_t(1));
    }

    void eventBatchesAndFlush_data() {
        QTest::addColumn<int>("events");
        QTest::newRow("none") << 0;
        QTest::newRow("one") << 1;
        QTest::newRow("one short of a batch") << 127;
        QTest::newRow("exactly one batch") << 128;
        QTest::newRow("batch plus one") << 129;
        QTest::newRow("many batches and a tail") << 1000;
        // Past 16,384 buffered rows a batch goes to the worker thread while the next one fills.
        QTest::newRow("several hand-overs to the worker") << 3 * 16384 + 5;
    }
    void eventBatchesAndFlush() {
        QFETCH(int, events);
        QTemporaryDir dir;
        const auto path = file(dir, "batch.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        Transaction tx(db);
        auto w = BulkWriter::create(db, std::int64_t(5));
        SS_VERIFY_OK(w);
        for (int k = 0; k < events; ++k) {
            auto u = w->userId("u" + std::to_string(k % 13));
            auto i = w->itemId("i" + std::to_string(k % 29));
            SS_VERIFY_OK(u);
            SS_VERIFY_OK(i);
            SS_VERIFY_OK(w->addEvent(*u, *i, static_cast<EventType>(1 + k % 4), 1600000000 + k,
                                     k % 2 ? std::optional<std::int64_t>(k) : std::nullopt,
                                     k % 3 ? std::optional<double>(k * 0.5) : std::nullopt));
        }
        SS_VERIFY_OK(w->flush());
        SS_VERIFY_OK(w->flush());  // a second flush adds nothing
        SS_VERIFY_OK(tx.commit());
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM events"), std::int64_t(events));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM events WHERE import_id=5"), std::int64_t(events));
        // Every row carries its own values (no column shifted between batch slots).
        QCOMPARE(sstest::countRows(path,
                                   "SELECT count(*) FROM events e JOIN users u ON u.id=e.user_id JOIN items i ON i.id=e.item_id"
                                   " WHERE u.external_id = 'u' || ((e.ts - 1600000000) % 13)"
                                   " AND i.external_id = 'i' || ((e.ts - 1600000000) % 29)"
                                   " AND e.type = 1 + (e.ts - 1600000000) % 4"
                                   " AND ((e.ts - 1600000000) % 2 = 0 AND e.quantity IS NULL OR e.quantity = e.ts - 1600000000)"
                                   " AND ((e.ts - 1600000000) % 3 = 0 AND e.value IS NULL OR e.value = (e.ts - 1600000000) * 0.5)"),
                 std::int64_t(events));
    }

    void rejectsAreStoredWithTheImport() {
        QTemporaryDir dir;
        const auto path = file(dir, "rejects.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        Transaction tx(db);
        SS_VERIFY_OK(db.exec("INSERT INTO imports(id, format, path, fingerprint, started, seconds, rows_read,"
                             " rows_imported, rows_rejected) VALUES(9, 'csv', 'x.csv', '', 0, 0, 0, 0, 0)"));
        auto w = BulkWriter::create(db, std::int64_t(9));
        SS_VERIFY_OK(w);
        SS_VERIFY_OK(w->addReject(3, "price", "not a number: 'abc'", false));
        SS_VERIFY_OK(w->addReject(8, "", "expected 5 fields, found 2", false));
        SS_VERIFY_OK(w->addReject(12, "timestamp", "outside the collection window; kept", true));
        SS_VERIFY_OK(w->flush());
        SS_VERIFY_OK(tx.commit());
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM import_rejects WHERE import_id=9"), std::int64_t(3));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM import_rejects WHERE line=3 AND field='price'"
                                         " AND reason='not a number: ''abc''' AND flagged_only=0"),
                 std::int64_t(1));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM import_rejects WHERE line=12 AND flagged_only=1"), std::int64_t(1));
    }

    void failedBatchIsReported_data() {
        QTest::addColumn<int>("users");
        QTest::newRow("stored on the calling thread") << 10;
        QTest::newRow("stored by the worker") << 2 * 16384;
    }
    void failedBatchIsReported() {
        // A row the database refuses (here: an id taken behind the writer's back) fails the batch,
        // and the error reaches the caller at the next hand-over or flush, never silently.
        QFETCH(int, users);
        QTemporaryDir dir;
        const auto path = file(dir, "fail.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        Transaction tx(db);
        auto w = BulkWriter::create(db, std::nullopt);
        SS_VERIFY_OK(w);
        SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id) VALUES(1, 'taken')"));
        Status status;
        for (int k = 0; k < users && status; ++k) {
            auto id = w->userId("user-" + std::to_string(k));
            if (!id) status = id.error();
        }
        if (status) status = w->flush();
        QVERIFY(!status);
        QVERIFY2(status.error().message.find("UNIQUE") != std::string::npos, status.error().message.c_str());
    }

    void manyExternalIds() {
        // Enough ids to make the id index grow several times; reloaded maps give the same ids.
        QTemporaryDir dir;
        const auto path = file(dir, "many.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        std::vector<std::int64_t> ids;
        {
            Transaction tx(db);
            auto w = BulkWriter::create(db, std::nullopt);
            SS_VERIFY_OK(w);
            for (int k = 0; k < 20000; ++k) {
                auto id = w->itemId("item-" + std::to_string(k * 7919 % 100003));
                SS_VERIFY_OK(id);
                ids.push_back(*id);
            }
            for (int k = 0; k < 20000; k += 7) QCOMPARE(*w->itemId("item-" + std::to_string(k * 7919 % 100003)), ids[k]);
            QCOMPARE(w->newItems(), std::int64_t(20000));
            SS_VERIFY_OK(w->flush());
            SS_VERIFY_OK(tx.commit());
        }
        Transaction tx(db);
        auto w = BulkWriter::create(db, std::nullopt);
        SS_VERIFY_OK(w);
        for (int k = 0; k < 20000; ++k) {
            auto found = w->findItem("item-" + std::to_string(k * 7919 % 100003));
            QVERIFY(found.has_value());
            QCOMPARE(*found, ids[k]);
        }
        QVERIFY(!w->findItem("item-100003").has_value());
        QVERIFY(!w->findItem("").has_value());
        QCOMPARE(w->newItems(), std::int64_t(0));
        QCOMPARE(sstest::countRows(path, "SELECT count(DISTINCT id) FROM items"), std::int64_t(20000));
    }

    void settingsRoundTrip() {
        QTemporaryDir dir;
        const auto path = file(dir, "settings.shelfsense");
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            auto missing = (*project)->setting("project.timezone");
            SS_VERIFY_OK(missing);
            QVERIFY(!missing->has_value());
            SS_VERIFY_OK((*project)->setSetting("project.timezone", "Asia/Shanghai"));
            SS_VERIFY_OK((*project)->setSetting("project.timezone", "Europe/Berlin"));  // overwrite, not a second row
            SS_VERIFY_OK((*project)->setSetting("empty", ""));
        }
        auto project = Project::open(path, Database::Mode::ReadOnly);
        SS_VERIFY_OK(project);
        auto tz = (*project)->setting("project.timezone");
        SS_VERIFY_OK(tz);
        SS_COMPARE_STR(tz->value(), "Europe/Berlin");
        auto empty = (*project)->setting("empty");
        SS_VERIFY_OK(empty);
        QVERIFY(empty->has_value());
        SS_COMPARE_STR(empty->value(), "");
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM settings"), std::int64_t(2));
    }

    void importReportsWithRejectLimit() {
        QTemporaryDir dir;
        const auto path = file(dir, "reports.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        SS_VERIFY_OK(db.exec(
            "INSERT INTO imports(id, format, path, fingerprint, started, seconds, rows_read, rows_imported, rows_rejected,"
            " rows_flagged, rows_duplicate, notes) VALUES(1, 'taobao', '/a.csv', 'fp1', 100, 1.5, 10, 6, 3, 1, 0, 'n1'),"
            " (2, 'csv', '/b.csv', 'fp2', 200, 0.25, 4, 4, 0, 0, 2, NULL);"
            "INSERT INTO import_rejects(import_id, line, field, reason, flagged_only) VALUES"
            " (1, 9, 'timestamp', 'in the future', 0), (1, 2, '', 'expected 5 fields', 0), (1, 5, 'behavior', 'unknown', 0),"
            " (1, 7, 'timestamp', 'outside window; kept', 1);"));
        auto reports = (*project)->importReports();
        SS_VERIFY_OK(reports);
        QCOMPARE(reports->size(), std::size_t(2));
        const auto& a = (*reports)[0];
        QCOMPARE(a.id, std::int64_t(1));
        SS_COMPARE_STR(a.format, "taobao");
        SS_COMPARE_STR(a.path, "/a.csv");
        SS_COMPARE_STR(a.fingerprint, "fp1");
        QCOMPARE(a.started, std::int64_t(100));
        QCOMPARE(a.seconds, 1.5);
        QCOMPARE(a.rowsRead, std::int64_t(10));
        QCOMPARE(a.rowsImported, std::int64_t(6));
        QCOMPARE(a.rowsRejected, std::int64_t(3));
        QCOMPARE(a.rowsFlagged, std::int64_t(1));
        SS_COMPARE_STR(a.notes, "n1");
        QCOMPARE(a.rejects.size(), std::size_t(4));
        // ordered by line
        QCOMPARE(a.rejects[0].line, std::int64_t(2));
        SS_COMPARE_STR(a.rejects[0].field, "");
        QCOMPARE(a.rejects[1].line, std::int64_t(5));
        QCOMPARE(a.rejects[2].line, std::int64_t(7));
        QVERIFY(a.rejects[2].flaggedOnly);
        QVERIFY(!a.rejects[3].flaggedOnly);
        SS_COMPARE_STR(a.rejects[3].reason, "in the future");
        const auto& b = (*reports)[1];
        QCOMPARE(b.rowsDuplicate, std::int64_t(2));
        SS_COMPARE_STR(b.notes, "");
        QVERIFY(b.rejects.empty());

        auto limited = (*project)->importReports(2);
        SS_VERIFY_OK(limited);
        QCOMPARE((*limited)[0].rejects.size(), std::size_t(2));
        QCOMPARE((*limited)[0].rejects[1].line, std::int64_t(5));
        QCOMPARE((*limited)[0].rowsRejected, std::int64_t(3));  // counts are not limited

        // Deleting an import removes its rejects (ON DELETE CASCADE with foreign keys on).
        SS_VERIFY_OK(db.exec("DELETE FROM imports WHERE id=1"));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM import_rejects"), std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestProject)
#include "TestProject.moc"
