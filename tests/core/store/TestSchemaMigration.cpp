// Schema versions: a fresh file, reopening, files from the future refused, and every older version's
// project upgraded in place (whether opened for writing or reading) with its data kept.
#include <QtTest>

#include <sqlite3.h>

#include <cstdint>
#include <fstream>

#include "LegacyEventLayout.h"
#include "ProjectDump.h"
#include "RawSqlite.h"
#include "TestSupport.h"
#include "store/ActivitySummary.h"
#include "store/Database.h"
#include "store/EmbeddingStore.h"
#include "store/Project.h"
#include "store/Schema.h"

using namespace ss;

namespace {

using sstest::file;
using sstest::rawExec;
using sstest::rawText;
using sstest::readBytes;

}  // namespace

// What a version-5 project lacks: dropped to make one from a new project.
// Back to version 5 from the current version: what versions 11 to 6 added, removed.
const std::string kUndoVersion6 = std::string(sstest::kUndoSharedVectors) + sstest::kUndoClusteredEvents +
    "DROP TABLE trained_model_parts; DROP TABLE event_days; DROP TABLE imported_results;"
    "DROP TRIGGER item_text_insert; DROP TRIGGER item_text_update; DROP TRIGGER item_text_delete; DROP TABLE item_text;";

class TestSchemaMigration : public QObject {
    Q_OBJECT
private slots:
    void migrateFreshFile() {
        QTemporaryDir dir;
        const auto path = file(dir, "fresh.shelfsense");
        QVERIFY(!std::filesystem::exists(path));
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();

        auto version = Schema::version(db);
        SS_VERIFY_OK(version);
        QCOMPARE(*version, Schema::kCurrentVersion);
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        // WAL is a property of the file: a fresh raw connection sees it.
        SS_COMPARE_STR(rawText(path, "PRAGMA journal_mode"), "wal");
        // Foreign keys are per connection: ours has them on, and they are enforced.
        auto fk = db.queryInt("PRAGMA foreign_keys");
        SS_VERIFY_OK(fk);
        QCOMPARE(*fk, std::int64_t(1));
        Status orphan = db.exec("INSERT INTO events(user_id, item_id, type, ts) VALUES(99, 98, 1, 1000000000)");
        QVERIFY(!orphan);
        QCOMPARE(orphan.error().code, ErrorCode::Database);
        QVERIFY2(orphan.error().message.find("FOREIGN KEY") != std::string::npos, orphan.error().message.c_str());
        // Marked as ours, so that a SQLite file of another program is never taken for a project.
        SS_COMPARE_STR(rawText(path, "PRAGMA application_id"), std::to_string(Schema::kApplicationId));

        for (const char* table : {"items", "users", "events", "reviews", "imports", "import_rejects", "embeddings",
                                  "runs", "run_user_metrics", "settings"}) {
            const std::string sql = std::string("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='") + table + "'";
            QCOMPARE(sstest::countRows(path, sql), std::int64_t(1));
        }
        // Events clustered by customer and time (their key), with no secondary index: at 100 million
        // events each one costs about a gigabyte; the data browser makes the ones a user sorts by.
        SS_COMPARE_STR(rawText(path, "SELECT group_concat(name) FROM pragma_index_info("
                                     "(SELECT name FROM pragma_index_list('events') WHERE origin='pk'))"),
                       "user_id,ts,seq");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='events' AND sql LIKE '%WITHOUT ROWID'"), "1");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='events' AND sql IS NOT NULL"), "0");
    }

    void reopenIsIdempotent() {
        QTemporaryDir dir;
        const auto path = file(dir, "p.shelfsense");
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            SS_VERIFY_OK((*project)->setSetting("k", "v"));
        }
        const std::string before = sstest::dumpProject(path);
        QVERIFY(before.find("ERROR") == std::string::npos);
        for (int i = 0; i < 3; ++i) {
            auto again = Project::open(path);
            SS_VERIFY_OK(again);
            auto v = Schema::version((*again)->db());
            SS_VERIFY_OK(v);
            QCOMPARE(*v, Schema::kCurrentVersion);
            auto setting = (*again)->setting("k");
            SS_VERIFY_OK(setting);
            QVERIFY(setting->has_value());
            SS_COMPARE_STR(**setting, "v");
            // Migrating an up-to-date file is a no-op.
            SS_VERIFY_OK(Schema::migrate((*again)->db()));
        }
        SS_COMPARE_STR(sstest::dumpProject(path), before);
        // Read-only opening works on a migrated file too.
        auto ro = Project::open(path, Database::Mode::ReadOnly);
        SS_VERIFY_OK(ro);
        QVERIFY(!(*ro)->setSetting("k", "w"));  // and cannot write
    }

    void futureVersionRefused_data() {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-write") << false;
        QTest::newRow("read-only") << true;
    }
    void futureVersionRefused() {
        QFETCH(bool, readOnly);
        QTemporaryDir dir;
        const auto path = file(dir, "future.shelfsense");
        const std::string future = std::to_string(Schema::kCurrentVersion + 1);
        const std::string mark = "CREATE TABLE future_things(x); PRAGMA user_version=" + future + "; PRAGMA application_id=" + std::to_string(Schema::kApplicationId) + ";";
        rawExec(path, mark.c_str());
        const std::string before = sstest::dumpProject(path);
        auto project = Project::open(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        QVERIFY(!project);
        QCOMPARE(project.error().code, ErrorCode::Unsupported);
        QVERIFY2(project.error().message.find(future) != std::string::npos, project.error().message.c_str());
        QVERIFY2(project.error().message.find("newer") != std::string::npos, project.error().message.c_str());
        QVERIFY(project.error().describe().find(path.string()) != std::string::npos);
        // Nothing was migrated or created.
        SS_COMPARE_STR(sstest::dumpProject(path), before);
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), future);
    }

    void version1ReviewsSurviveTheVersion2Step() {
        // Version 2 rebuilds the reviews table (content in the key) and adds item property times.
        QTemporaryDir dir;
        const auto path = file(dir, "v1.shelfsense");
        rawExec(path,
                "CREATE TABLE users(id INTEGER PRIMARY KEY, external_id TEXT NOT NULL UNIQUE, segment TEXT);"
                "CREATE TABLE events(user_id INTEGER NOT NULL, item_id INTEGER NOT NULL, type INTEGER NOT NULL,"
                " ts INTEGER NOT NULL, quantity INTEGER, value REAL, import_id INTEGER);"
                "CREATE TABLE items(id INTEGER PRIMARY KEY, external_id TEXT NOT NULL UNIQUE, title TEXT, description TEXT,"
                " category TEXT, brand TEXT, price REAL, available INTEGER);"
                "CREATE TABLE reviews(id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, item_id INTEGER NOT NULL, rating REAL,"
                " title TEXT, body TEXT, ts INTEGER NOT NULL, import_id INTEGER, UNIQUE(user_id, item_id, ts));"
                "INSERT INTO users(id, external_id) VALUES(1, 'U');"
                "INSERT INTO items(id, external_id) VALUES(1, 'A');"
                "INSERT INTO reviews VALUES(7, 1, 1, 4.0, 'Nice', 'Works well', 1500000000, NULL);"
                "PRAGMA user_version=1;");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE name='trained_models'"), "1");  // v3
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('user_properties', 'segments', 'segment_members')"), "3");  // v4
        SS_COMPARE_STR(rawText(path, "SELECT id || '|' || title || '|' || body || '|' || content_hash FROM reviews"), "7|Nice|Works well|0");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM pragma_table_info('items') WHERE name IN ('category_time','available_time')"), "2");
        // v10: the v2 index on time went with the rowid table.
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='events_ts'"), "0");
        // A second review of the same item by the same user at the same time, with other words, now fits.
        project->reset();
        rawExec(path, "INSERT INTO reviews(user_id, item_id, rating, body, ts, content_hash) VALUES(1, 1, 2.0, 'Broke', 1500000000, 42);");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM reviews"), "2");
    }

    void olderFileOpenedForReadingIsUpgraded() {
        // A version-2 project (before the model cache) opened read-only, as `evaluate --no-store` or a
        // reader does: upgraded in place once, then read; its data untouched.
        QTemporaryDir dir;
        const auto path = file(dir, "v2.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->setSetting("kept", "yes"));
        }
        rawExec(path, std::string(kUndoVersion6) + "DROP TABLE trained_models; DROP TABLE segment_members; DROP TABLE segments; DROP TABLE user_properties; DROP TABLE activity_summary;"
                      " DROP TABLE review_sentiment; DROP TABLE sentiment_runs; DROP TABLE sentiment_classifiers; ALTER TABLE reviews DROP COLUMN label;"
                      " PRAGMA user_version=2;");
        auto ro = Project::open(path, Database::Mode::ReadOnly);
        SS_VERIFY_OK(ro);
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE name='trained_models'"), "1");
        auto kept = (*ro)->setting("kept");
        SS_VERIFY_OK(kept);
        QVERIFY(kept->has_value());
        SS_COMPARE_STR(**kept, "yes");
        QVERIFY(!(*ro)->setSetting("kept", "no"));  // still a read-only connection
    }

    void version4ProjectGainsReviewSentiment() {
        // A version-4 project with a review: the review keeps its data and gains an empty label; the
        // sentiment tables appear.
        QTemporaryDir dir;
        const auto path = file(dir, "v4.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
        }
        rawExec(path, std::string(kUndoVersion6) + "DROP TABLE review_sentiment; DROP TABLE sentiment_runs; DROP TABLE sentiment_classifiers; ALTER TABLE reviews DROP COLUMN label;"
                      " INSERT INTO users(id, external_id) VALUES(1, 'u'); INSERT INTO items(id, external_id) VALUES(1, 'i');"
                      " INSERT INTO reviews(user_id, item_id, rating, body, ts) VALUES(1, 1, 4, 'fine', 100); PRAGMA user_version=4;");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        SS_COMPARE_STR(rawText(path, "SELECT body || ':' || coalesce(label, 'none') FROM reviews"), "fine:none");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE name IN ('sentiment_classifiers','sentiment_runs','review_sentiment')"), "3");
    }

    void version5ProjectGainsTheTextIndex() {
        // A version-5 project with items: those with text are indexed by the migration, the others not;
        // from then on writes to items keep the index in step.
        QTemporaryDir dir;
        const auto path = file(dir, "v5.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
        }
        rawExec(path, std::string(kUndoVersion6) +
                          "INSERT INTO items(id, external_id, title, category) VALUES(1, 'a', 'Espresso machine | 意式咖啡机', 'Coffee');"
                          "INSERT INTO items(id, external_id, category) VALUES(2, 'b', '4756105');"
                          "PRAGMA user_version=5;");
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
        }
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        SS_COMPARE_STR(rawText(path, "SELECT group_concat(rowid) FROM item_text WHERE item_text MATCH '咖啡机'"), "1");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM item_text"), "1");
        rawExec(path, "UPDATE items SET title = 'Drip coffee maker' WHERE id = 2;");
        SS_COMPARE_STR(rawText(path, "SELECT group_concat(rowid) FROM item_text WHERE item_text MATCH 'coffee'"), "1,2");
    }

    void version6ProjectGainsImportedResults() {
        // A version-6 project with data keeps it and gains the table of results imported from a cluster.
        QTemporaryDir dir;
        const auto path = file(dir, "v6.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
        }
        rawExec(path, std::string(sstest::kUndoSharedVectors) + sstest::kUndoClusteredEvents + "DROP TABLE trained_model_parts; DROP TABLE event_days; DROP TABLE imported_results; INSERT INTO items(id, external_id, title) VALUES(1, 'a', 'Kettle'); PRAGMA user_version=6;");
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
        }
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE name='imported_results'"), "1");
        SS_COMPARE_STR(rawText(path, "SELECT external_id || ':' || title FROM items"), "a:Kettle");
    }

    void version7ProjectGainsEventDays() {
        // A version-7 project with events and its activity summary: the overview's per-day table
        // appears, the old summary no longer counts as current (it was written without the table), so
        // the overview scans until the summary is rebuilt, and then reads the table.
        QTemporaryDir dir;
        const auto path = file(dir, "v7.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
        }
        rawExec(path, std::string(sstest::kUndoSharedVectors) + sstest::kUndoClusteredEvents + "DROP TABLE trained_model_parts; DROP TABLE event_days; INSERT INTO users(id, external_id) VALUES(1, 'u'); INSERT INTO items(id, external_id) VALUES(1, 'i');"
                      " INSERT INTO events(user_id, item_id, type, ts) VALUES(1, 1, 1, 1000), (1, 1, 4, 90000), (1, 1, 4, 90001);"
                      " INSERT INTO settings(key, value) VALUES('activity.summary', 'v2:3:0'); PRAGMA user_version=7;");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE name='event_days'"), "1");
        auto before = (*project)->stats();
        SS_VERIFY_OK(before);
        QVERIFY(!before->fromSummary);
        QCOMPARE(before->events, std::int64_t(3));
        auto rebuilt = ActivitySummary::ensureCurrent(path);
        SS_VERIFY_OK(rebuilt);
        QVERIFY(*rebuilt);
        auto after = (*project)->stats();
        SS_VERIFY_OK(after);
        QVERIFY(after->fromSummary);
        QCOMPARE(after->events, std::int64_t(3));
        QCOMPARE(after->eventsByType[4], std::int64_t(2));
        QCOMPARE(*after->firstEvent, std::int64_t(1000));
        QCOMPARE(*after->lastEvent, std::int64_t(90001));
        SS_COMPARE_STR(rawText(path, "SELECT group_concat(day || ':' || type || ':' || events, ' ') FROM event_days"), "0:1:1 86400:4:2");
    }

    void version9EventsBecomeClustered() {
        // A version-9 project's events (a rowid table with three indexes): the same rows, now in
        // customer and time order, a customer's events of one second numbered in their old row order;
        // the old indexes gone, the count kept and followed from then on.
        QTemporaryDir dir;
        const auto path = file(dir, "v9.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
        }
        rawExec(path, std::string(sstest::kUndoSharedVectors) + sstest::kUndoClusteredEvents +
                          "INSERT INTO users(id, external_id) VALUES(1, 'u1'), (2, 'u2');"
                          "INSERT INTO items(id, external_id) VALUES(1, 'i1'), (2, 'i2'), (3, 'i3');"
                          "INSERT INTO events(user_id, item_id, type, ts, quantity, value, import_id) VALUES"
                          " (2, 1, 1, 500, NULL, NULL, 1), (1, 2, 1, 100, NULL, NULL, 1), (1, 3, 4, 100, 2, 9.5, 1),"
                          " (1, 1, 2, 50, NULL, NULL, 2), (2, 2, 1, 500, NULL, NULL, 2);"
                          "PRAGMA user_version=9;");
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
        }
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        SS_COMPARE_STR(rawText(path, "SELECT group_concat(user_id || ':' || ts || ':' || seq || ':' || item_id || ':' || type || ':' ||"
                                     " coalesce(quantity, '') || ':' || coalesce(value, '') || ':' || import_id, ' ') FROM events"),
                       "1:50:0:1:2:::2 1:100:0:2:1:::1 1:100:1:3:4:2:9.5:1 2:500:0:1:1:::1 2:500:1:2:1:::2");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='events' AND sql IS NOT NULL"), "0");
        SS_COMPARE_STR(rawText(path, "SELECT events FROM event_count"), "5");
        rawExec(path, "INSERT INTO events(user_id, item_id, type, ts, seq) VALUES(2, 3, 1, 500, 2); DELETE FROM events WHERE user_id = 1;");
        SS_COMPARE_STR(rawText(path, "SELECT events FROM event_count"), "3");
    }

    void version10VectorsAreStoredOncePerText() {
        // A version-10 project's embeddings (a vector in every object's row): each model's text keeps
        // one vector, every object names it, and the store reads the same vectors as before.
        QTemporaryDir dir;
        const auto path = file(dir, "v10.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
        }
        rawExec(path, std::string(sstest::kUndoSharedVectors) +
                          "INSERT INTO embeddings(model, target, object_id, text_hash, dim, vector) VALUES"
                          " ('m1', 'items', 1, 'h-a', 2, x'0000803f00000040'), ('m1', 'items', 2, 'h-b', 2, x'0000404000008040'),"
                          " ('m1', 'items', 3, 'h-a', 2, x'0000803f00000040'), ('m1', 'reviews', 7, 'h-a', 2, x'0000803f00000040'),"
                          " ('m2', 'items', 1, 'h-a', 1, x'0000a040');"
                          "PRAGMA user_version=10;");
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            std::vector<std::string> read;
            SS_VERIFY_OK(EmbeddingStore((*project)->db(), "m1", "items").forEach([&](std::int64_t id, std::span<const float> v) {
                read.push_back(std::to_string(id) + ":" + std::to_string(int(v[0])) + "," + std::to_string(int(v[1])));
            }));
            QCOMPARE(read, (std::vector<std::string>{"1:1,2", "2:3,4", "3:1,2"}));
        }
        SS_COMPARE_STR(rawText(path, "PRAGMA user_version"), std::to_string(Schema::kCurrentVersion));
        // One vector per model and text: (m1, h-a) serves items 1 and 3 and review 7.
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM embedding_vectors"), "3");
        SS_COMPARE_STR(rawText(path, "SELECT count(DISTINCT vector_id) FROM embeddings WHERE model='m1' AND text_hash='h-a'"), "1");
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM embeddings"), "5");
        SS_COMPARE_STR(rawText(path, "SELECT group_concat(row, ' ') FROM (SELECT e.model || ':' || e.object_id || ':' || hex(v.vector) AS row"
                                     " FROM embeddings e JOIN embedding_vectors v ON v.id = e.vector_id WHERE e.target='items'"
                                     " ORDER BY e.model, e.object_id)"),
                       "m1:1:0000803F00000040 m1:2:0000404000008040 m1:3:0000803F00000040 m2:1:0000A040");
    }

    void olderUnmarkedProjectGetsTheMark() {
        // A project written before projects were marked is recognised by its tables and marked.
        QTemporaryDir dir;
        const auto path = file(dir, "unmarked.shelfsense");
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->setSetting("kept", "yes"));
        }
        rawExec(path, "PRAGMA application_id=0;");
        auto project = Project::open(path, Database::Mode::ReadOnly);
        SS_VERIFY_OK(project);
        SS_COMPARE_STR(rawText(path, "PRAGMA application_id"), std::to_string(Schema::kApplicationId));
        SS_COMPARE_STR(rawText(path, "SELECT value FROM settings WHERE key='kept'"), "yes");
    }

};

QTEST_APPLESS_MAIN(TestSchemaMigration)
#include "TestSchemaMigration.moc"
