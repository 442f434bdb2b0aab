// EventTable: events clustered by customer and time. Staged rows merge in key order, a customer's
// events of one second numbered in arrival order (continuing any already stored); the count follows
// every writer; a cancelled merge leaves nothing; the browser's indexes survive a bulk load.
#include <QtTest>

#include <stop_token>

#include "TestSupport.h"
#include "store/EventTable.h"
#include "store/Project.h"

using namespace ss;

namespace {

// "user:ts:item" rows, space-separated, as the stored or staged text of a test table.
std::string eventsInKeyOrder(Database& db) {
    auto rows = db.prepare("SELECT coalesce(group_concat(user_id || ':' || ts || ':' || seq || ':' || item_id || ':' || coalesce(import_id, '-'), ' '), '')"
                           " FROM (SELECT * FROM events ORDER BY user_id, ts, seq)");
    if (!rows || !*rows->step()) return "?";
    return rows->columnText(0);
}

// Rows "user:ts:item" (space-separated) inserted as given: into events (seq 0, 1, ... per customer
// and second, as a raw writer numbers them) or into the staging table in that arrival order.
Status insertRaw(Database& db, const QString& rows, bool staged) {
    std::map<std::pair<int, int>, int> nextSeq;
    for (const QString& row : rows.split(' ', Qt::SkipEmptyParts)) {
        const QStringList f = row.split(':');
        const int user = f[0].toInt(), ts = f[1].toInt(), item = f[2].toInt();
        const std::string values = std::to_string(user) + ", " + std::to_string(item) + ", 1, " + std::to_string(ts);
        if (staged) {
            SS_TRY(db.exec(std::string("INSERT INTO ") + EventTable::kStagingTable + "(user_id, item_id, type, ts) VALUES(" + values + ")"));
        } else {
            const int seq = nextSeq[{user, ts}]++;
            SS_TRY(db.exec("INSERT INTO events(user_id, item_id, type, ts, seq, import_id) VALUES(" + values + ", " + std::to_string(seq) + ", 1)"));
        }
    }
    return {};
}

std::unique_ptr<Project> projectWithCustomers(const QTemporaryDir& dir) {
    auto project = Project::open(sstest::file(dir, "events.shelfsense"));
    if (!project) return nullptr;
    Database& db = (*project)->db();
    for (int id = 1; id <= 3; ++id)
        if (!db.exec("INSERT INTO users(id, external_id) VALUES(" + std::to_string(id) + ", 'u" + std::to_string(id) + "');"
                     "INSERT INTO items(id, external_id) VALUES(" + std::to_string(id) + ", 'i" + std::to_string(id) + "')"))
            return nullptr;
    return std::move(*project);
}

}  // namespace

class TestEventTable : public QObject {
    Q_OBJECT
private slots:
    void mergeKeepsArrivalOrder_data() {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("staged");
        QTest::addColumn<QString>("expected");  // user:ts:seq:item:import
        QTest::newRow("into an empty table") << "" << "2:500:1 1:100:2 1:100:3 1:50:1 2:500:2"
                                             << "1:50:0:1:7 1:100:0:2:7 1:100:1:3:7 2:500:0:1:7 2:500:1:2:7";
        QTest::newRow("same second as stored rows: numbering continues")
            << "1:100:1 1:100:2" << "1:100:3 1:101:1 1:100:1"
            << "1:100:0:1:1 1:100:1:2:1 1:100:2:3:7 1:100:3:1:7 1:101:0:1:7";
        QTest::newRow("other customers and seconds: from 0")
            << "1:100:1" << "1:99:2 2:100:3 3:100:1"
            << "1:99:0:2:7 1:100:0:1:1 2:100:0:3:7 3:100:0:1:7";
        QTest::newRow("nothing staged") << "1:100:1" << "" << "1:100:0:1:1";
        // More than one multi-row INSERT's worth of a single customer's second.
        QString many;
        QString want;
        for (int k = 0; k < 300; ++k) {
            many += QString("3:42:%1 ").arg(1 + k % 3);
            want += QString("3:42:%1:%2:7 ").arg(k).arg(1 + k % 3);
        }
        QTest::newRow("300 events in one second") << "" << many << want.trimmed();
    }
    void mergeKeepsArrivalOrder() {
        QFETCH(QString, stored);
        QFETCH(QString, staged);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        auto project = projectWithCustomers(dir);
        QVERIFY(project);
        Database& db = project->db();
        SS_VERIFY_OK(insertRaw(db, stored, false));
        SS_VERIFY_OK(EventTable::prepareStaging(db));
        SS_VERIFY_OK(insertRaw(db, staged, true));
        Transaction tx(db);
        SS_VERIFY_OK(tx.begun());
        auto merged = EventTable::mergeStaged(db, 7, {});
        SS_VERIFY_OK(merged);
        QCOMPARE(*merged, std::int64_t(staged.split(' ', Qt::SkipEmptyParts).size()));
        SS_VERIFY_OK(tx.commit());
        SS_COMPARE_STR(eventsInKeyOrder(db), expected.toStdString());
        auto count = EventTable::count(db);
        SS_VERIFY_OK(count);
        QCOMPARE(*count, std::int64_t(expected.split(' ', Qt::SkipEmptyParts).size()));
        QCOMPARE(*db.queryInt(std::string("SELECT count(*) FROM ") + EventTable::kStagingTable), std::int64_t(0));
    }

    void countFollowsEveryWriter() {
        QTemporaryDir dir;
        auto project = projectWithCustomers(dir);
        QVERIFY(project);
        Database& db = project->db();
        SS_VERIFY_OK(insertRaw(db, "1:1:1 1:2:1 2:1:1", false));
        QCOMPARE(*EventTable::count(db), std::int64_t(3));
        SS_VERIFY_OK(db.exec("DELETE FROM events WHERE user_id = 1"));
        QCOMPARE(*EventTable::count(db), std::int64_t(1));
        SS_VERIFY_OK(EventTable::prepareStaging(db));
        SS_VERIFY_OK(insertRaw(db, "3:5:1 3:5:2", true));
        {
            Transaction tx(db);
            SS_VERIFY_OK(EventTable::mergeStaged(db, std::nullopt, {}));
            SS_VERIFY_OK(tx.commit());
        }
        QCOMPARE(*EventTable::count(db), std::int64_t(3));
        // The trigger the merge set aside is back: raw writers are counted again.
        SS_VERIFY_OK(insertRaw(db, "2:9:3", false));
        QCOMPARE(*EventTable::count(db), std::int64_t(4));
        QCOMPARE(*db.queryInt("SELECT count(*) FROM events"), std::int64_t(4));
    }

    void cancelledOrDiscardedLeavesTheTable() {
        QTemporaryDir dir;
        auto project = projectWithCustomers(dir);
        QVERIFY(project);
        Database& db = project->db();
        SS_VERIFY_OK(insertRaw(db, "1:1:1", false));
        const std::string before = eventsInKeyOrder(db);
        SS_VERIFY_OK(EventTable::prepareStaging(db));
        SS_VERIFY_OK(insertRaw(db, "1:1:2 2:3:1", true));
        {
            Transaction tx(db);
            std::stop_source stop;
            stop.request_stop();
            JobContext cancelled;
            cancelled.stop = stop.get_token();
            auto merged = EventTable::mergeStaged(db, 3, cancelled);
            QVERIFY(!merged);
            QCOMPARE(merged.error().code, ErrorCode::Cancelled);
        }  // rolled back
        SS_COMPARE_STR(eventsInKeyOrder(db), before);
        QCOMPARE(*EventTable::count(db), std::int64_t(1));
        SS_VERIFY_OK(insertRaw(db, "3:3:3", false));  // the count trigger came back with the rollback
        QCOMPARE(*EventTable::count(db), std::int64_t(2));
        SS_VERIFY_OK(EventTable::discardStaged(db));
        auto merged = EventTable::mergeStaged(db, 3, {});
        SS_VERIFY_OK(merged);
        QCOMPARE(*merged, std::int64_t(0));
        QCOMPARE(*EventTable::count(db), std::int64_t(2));
    }

    void browserIndexesOutliveABulkLoad() {
        QTemporaryDir dir;
        auto project = projectWithCustomers(dir);
        QVERIFY(project);
        Database& db = project->db();
        for (const char* column : {"item_id", "ts", "type"}) {
            auto indexed = EventTable::indexedBy(db, column);
            SS_VERIFY_OK(indexed);
            QVERIFY2(!*indexed, column);
        }
        SS_VERIFY_OK(db.exec("CREATE INDEX browse_events_item ON events(item_id); CREATE INDEX browse_events_time ON events(ts)"));
        QVERIFY(*EventTable::indexedBy(db, "item_id"));
        QVERIFY(*EventTable::indexedBy(db, "ts"));
        QVERIFY(!*EventTable::indexedBy(db, "user_id"));  // the table's own key is no index of ours
        auto dropped = EventTable::dropIndexes(db);
        SS_VERIFY_OK(dropped);
        QCOMPARE(dropped->size(), std::size_t(2));
        QVERIFY(!*EventTable::indexedBy(db, "item_id"));
        SS_VERIFY_OK(EventTable::createIndexes(db, *dropped));
        QVERIFY(*EventTable::indexedBy(db, "item_id"));
        QVERIFY(*EventTable::indexedBy(db, "ts"));
        QCOMPARE(*db.queryInt("PRAGMA threads"), std::int64_t(0));  // the sorter's helpers given back
    }
};

QTEST_APPLESS_MAIN(TestEventTable)
#include "TestEventTable.moc"
