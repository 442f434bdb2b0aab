// Database, Statement, Transaction and Schema: migrations, pragmas, RAII rollback, binding, WAL
// concurrency and the errors a wrong file gives.
#include <QtTest>

#include <sqlite3.h>

#include <cstdint>
#include <fstream>
#include <limits>
#include <stop_token>
#include <thread>

#include "ProjectDump.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/ActivitySummary.h"
#include "store/Project.h"
#include "store/Schema.h"

using namespace ss;

namespace {

using sstest::file;
using sstest::readBytes;

// Raw-API helpers, independent of the code under test.
std::string rawText(const std::filesystem::path& p, const char* sql) {
    sqlite3* db = nullptr;
    std::string out = "<error>";
    if (sqlite3_open_v2(p.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

void rawExec(const std::filesystem::path& p, const std::string& sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(p.string().c_str(), &db), SQLITE_OK);
    char* msg = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    QVERIFY2(rc == SQLITE_OK, msg ? msg : "");
    sqlite3_close(db);
}

}  // namespace

// What a version-5 project lacks: dropped to make one from a new project.
// Back to version 5 from the current version: what versions 9 to 6 added, removed.
constexpr const char* kUndoVersion6 =
    "DROP TABLE trained_model_parts; DROP TABLE event_days; DROP TABLE imported_results;"
    "DROP TRIGGER item_text_insert; DROP TRIGGER item_text_update; DROP TRIGGER item_text_delete; DROP TABLE item_text;";

class TestDatabase : public QObject {
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
        // Event indexes by user and time and by item (the browser and the recommenders read along both).
        for (const char* index : {"events_user_ts", "events_item"}) {
            const std::string sql = std::string("SELECT count(*) FROM sqlite_master WHERE type='index' AND name='") + index + "'";
            QCOMPARE(sstest::countRows(path, sql), std::int64_t(1));
        }
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
        SS_COMPARE_STR(rawText(path, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='events_ts'"), "1");
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
        rawExec(path, "DROP TABLE trained_model_parts; DROP TABLE event_days; DROP TABLE imported_results; INSERT INTO items(id, external_id, title) VALUES(1, 'a', 'Kettle'); PRAGMA user_version=6;");
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
        rawExec(path, "DROP TABLE trained_model_parts; DROP TABLE event_days; INSERT INTO users(id, external_id) VALUES(1, 'u'); INSERT INTO items(id, external_id) VALUES(1, 'i');"
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

    void transactionRollsBackUnlessCommitted() {
        QTemporaryDir dir;
        const auto path = file(dir, "tx.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        {
            Transaction tx(db);
            SS_VERIFY_OK(tx.begun());
            SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id) VALUES(1, 'a')"));
            auto inside = db.queryInt("SELECT count(*) FROM users");
            SS_VERIFY_OK(inside);
            QCOMPARE(*inside, std::int64_t(1));
            // no commit
        }
        auto after = db.queryInt("SELECT count(*) FROM users");
        SS_VERIFY_OK(after);
        QCOMPARE(*after, std::int64_t(0));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users"), std::int64_t(0));

        {
            Transaction tx(db);
            SS_VERIFY_OK(tx.begun());
            SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id) VALUES(2, 'b')"));
            SS_VERIFY_OK(tx.commit());
            QVERIFY(!tx.commit());  // a second commit is an error, not a silent success
        }
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users"), std::int64_t(1));

        {
            // A statement error inside the transaction, then no commit: the earlier insert goes too.
            Transaction tx(db);
            SS_VERIFY_OK(tx.begun());
            SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id) VALUES(3, 'c')"));
            QVERIFY(!db.exec("INSERT INTO users(id, external_id) VALUES(4, 'b')"));  // UNIQUE violation
        }
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users"), std::int64_t(1));
        SS_COMPARE_STR(rawText(path, "SELECT external_id FROM users"), "b");

        {
            // Only one transaction at a time on a connection: the inner one reports it did not begin,
            // and its destructor must not roll back the outer one.
            Transaction outer(db);
            SS_VERIFY_OK(outer.begun());
            SS_VERIFY_OK(db.exec("INSERT INTO users(id, external_id) VALUES(5, 'e')"));
            {
                Transaction inner(db);
                QVERIFY(!inner.begun());
                QVERIFY(!inner.commit());
            }
            SS_VERIFY_OK(outer.commit());
        }
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM users"), std::int64_t(2));
    }

    void bindTextRoundTrip_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("plain") << QByteArray("hello");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("single quotes") << QByteArray("it's O'Brien's");
        QTest::newRow("double quotes") << QByteArray("say \"hi\" \"\"");
        QTest::newRow("injection") << QByteArray("x'); DROP TABLE settings; --");
        QTest::newRow("like wildcards") << QByteArray("100% _sure_ \\escaped\\");
        QTest::newRow("chinese") << QByteArray("无线耳机，蓝牙5.3连接。");
        QTest::newRow("emoji") << QByteArray("great \xF0\x9F\x98\x80 product");
        QTest::newRow("mixed scripts") << QByteArray("Ünïcödé Ελληνικά кириллица 日本語");
        QTest::newRow("newlines tabs") << QByteArray("line1\nline2\r\n\tend");
        QTest::newRow("long") << QByteArray(100000, 'x');
    }
    void bindTextRoundTrip() {
        QFETCH(QByteArray, text);
        QTemporaryDir dir;
        const auto path = file(dir, "bind.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        const std::string value = text.toStdString();
        auto insert = db.prepare("INSERT INTO items(id, external_id, title) VALUES(?1, ?2, ?3)");
        SS_VERIFY_OK(insert);
        insert->bind(1, std::int64_t(1)).bind(2, value).bind(3, std::optional<std::string>(value));
        SS_VERIFY_OK(insert->run());
        auto select = db.prepare("SELECT external_id, title, length(CAST(title AS BLOB)) FROM items WHERE external_id=?1");
        SS_VERIFY_OK(select);
        select->bind(1, std::string_view(value));
        auto row = select->step();
        SS_VERIFY_OK(row);
        QVERIFY(*row);
        SS_COMPARE_STR(select->columnText(0), value);
        SS_COMPARE_STR(select->columnText(1), value);
        QCOMPARE(select->columnInt(2), std::int64_t(value.size()));
        // The same through Project settings.
        SS_VERIFY_OK((*project)->setSetting(value, value));
        auto back = (*project)->setting(value);
        SS_VERIFY_OK(back);
        QVERIFY(back->has_value());
        SS_COMPARE_STR(**back, value);
        // And the raw API sees the same bytes (nothing was spliced or escaped on the way in).
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM settings"), std::int64_t(1));
        QCOMPARE(sstest::countRows(path, "SELECT count(*) FROM items"), std::int64_t(1));
    }

    void bindOtherTypes() {
        QTemporaryDir dir;
        auto db = Database::open(file(dir, "types.sqlite"));
        SS_VERIFY_OK(db);
        SS_VERIFY_OK((*db)->exec("CREATE TABLE t(i INTEGER, d REAL, b BLOB, n)"));
        auto insert = (*db)->prepare("INSERT INTO t VALUES(?1, ?2, ?3, ?4)");
        SS_VERIFY_OK(insert);
        const std::byte blob[] = {std::byte{0}, std::byte{0xFF}, std::byte{0}, std::byte{7}};
        const std::int64_t big = std::numeric_limits<std::int64_t>::max();
        insert->bind(1, big).bind(2, 0.1 + 0.2).bind(3, std::span<const std::byte>(blob))
            .bind(4, std::optional<std::int64_t>());
        SS_VERIFY_OK(insert->run());
        insert->bind(1, std::numeric_limits<std::int64_t>::min()).bind(2, -1.5e300).bindNull(3).bind(4, std::optional<double>(2.5));
        SS_VERIFY_OK(insert->run());  // run() resets: the statement is reusable
        auto select = (*db)->prepare("SELECT i, d, b, n FROM t ORDER BY i DESC");
        SS_VERIFY_OK(select);
        auto row = select->step();
        SS_VERIFY_OK(row);
        QVERIFY(*row);
        QCOMPARE(select->columnInt(0), big);
        QCOMPARE(select->columnDouble(1), 0.1 + 0.2);
        const auto b = select->columnBlob(2);
        QCOMPARE(b.size(), sizeof blob);
        QVERIFY(std::equal(b.begin(), b.end(), std::begin(blob)));
        QVERIFY(select->columnIsNull(3));
        QCOMPARE(select->columnCount(), 4);
        SS_COMPARE_STR(select->columnName(2), "b");
        row = select->step();
        SS_VERIFY_OK(row);
        QVERIFY(*row);
        QCOMPARE(select->columnInt(0), std::numeric_limits<std::int64_t>::min());
        QCOMPARE(select->columnDouble(1), -1.5e300);
        QVERIFY(select->columnIsNull(2));
        QCOMPARE(select->columnDouble(3), 2.5);
        row = select->step();
        SS_VERIFY_OK(row);
        QVERIFY(!*row);
    }

    void statementErrors() {
        QTemporaryDir dir;
        auto db = Database::open(file(dir, "err.sqlite"));
        SS_VERIFY_OK(db);
        auto bad = (*db)->prepare("SELEC nonsense");
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::Database);
        QVERIFY(!bad.error().message.empty());
        QVERIFY(!(*db)->exec("INSERT INTO missing VALUES(1)"));
        SS_VERIFY_OK((*db)->exec("CREATE TABLE u(x TEXT UNIQUE)"));
        auto insert = (*db)->prepare("INSERT INTO u VALUES(?1)");
        SS_VERIFY_OK(insert);
        insert->bind(1, "a");
        SS_VERIFY_OK(insert->run());
        insert->bind(1, "a");
        Status dup = insert->run();
        QVERIFY(!dup);
        QVERIFY2(dup.error().message.find("UNIQUE") != std::string::npos, dup.error().message.c_str());
        insert->bind(1, "b");  // usable after the failed run
        SS_VERIFY_OK(insert->run());
        auto n = (*db)->queryInt("SELECT count(*) FROM u");
        SS_VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(2));
        auto none = (*db)->queryInt("SELECT x FROM u WHERE x='zzz'");
        SS_VERIFY_OK(none);
        QCOMPARE(*none, std::int64_t(0));
    }

    void readerWhileWriterHoldsTransaction() {
        QTemporaryDir dir;
        const auto path = file(dir, "wal.shelfsense");
        auto writer = Project::open(path);
        SS_VERIFY_OK(writer);
        Database& w = (*writer)->db();
        SS_VERIFY_OK(w.exec("INSERT INTO users(id, external_id) VALUES(1, 'committed')"));

        Transaction tx(w);
        SS_VERIFY_OK(tx.begun());
        SS_VERIFY_OK(w.exec("INSERT INTO users(id, external_id) VALUES(2, 'pending')"));
        SS_VERIFY_OK(w.exec("WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i+1 FROM n WHERE i < 5000)"
                            " INSERT INTO users(id, external_id) SELECT i, 'u' || i FROM n"));

        for (auto mode : {Database::Mode::ReadOnly, Database::Mode::ReadWrite}) {
            // A GUI reader opens its own connection while the import's write transaction is open.
            auto reader = Project::open(path, mode);
            SS_VERIFY_OK(reader);
            // No waiting allowed: with WAL a reader never needs the writer's lock.
            sqlite3_busy_timeout((*reader)->db().handle(), 0);
            auto n = (*reader)->db().queryInt("SELECT count(*) FROM users");
            SS_VERIFY_OK(n);
            QCOMPARE(*n, std::int64_t(1));  // sees the last committed state only
            auto stats = (*reader)->stats();
            SS_VERIFY_OK(stats);
            QCOMPARE(stats->users, std::int64_t(1));
            if (mode == Database::Mode::ReadWrite) {
                // But a second writer cannot start a write transaction while the first is open.
                Transaction second((*reader)->db());
                QVERIFY(!second.begun());
                QCOMPARE(second.begun().error().code, ErrorCode::Storage);
                QVERIFY2(second.begun().error().message.find("another program") != std::string::npos,
                         second.begun().error().message.c_str());
            } else {
                QVERIFY(!(*reader)->setSetting("x", "y"));  // read-only connections never write
            }
        }
        SS_VERIFY_OK(tx.commit());
        auto reader = Project::open(path, Database::Mode::ReadOnly);
        SS_VERIFY_OK(reader);
        auto n = (*reader)->db().queryInt("SELECT count(*) FROM users");
        SS_VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(5000));
    }

    void notAProjectFile_data() {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<bool>("readOnly");
        const QByteArray text = "customer_id,date,amount\n1,2020-01-01,3.5\n";
        QByteArray binary(4096, '\0');
        for (int i = 0; i < binary.size(); ++i) binary[i] = char((i * 7919) % 251);
        QTest::newRow("text read-write") << text << false;
        QTest::newRow("text read-only") << text << true;
        QTest::newRow("binary read-write") << binary << false;
        QTest::newRow("binary read-only") << binary << true;
    }
    void notAProjectFile() {
        QFETCH(QByteArray, content);
        QFETCH(bool, readOnly);
        QTemporaryDir dir;
        const auto path = file(dir, "data.csv");
        {
            std::ofstream out(path, std::ios::binary);
            out.write(content.constData(), content.size());
        }
        auto project = Project::open(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        QVERIFY(!project);
        const std::string what = project.error().describe();
        // A clear error: an input-data problem that names the file and says what it is not.
        QCOMPARE(int(project.error().code), int(ErrorCode::InputData));
        QVERIFY2(what.find(path.string()) != std::string::npos, what.c_str());
        QVERIFY2(what.find("not a ShelfSense project") != std::string::npos, what.c_str());
        QVERIFY(readBytes(path) == content.toStdString());  // untouched
    }

    void missingOrFolder() {
        QTemporaryDir dir;
        auto ro = Project::open(file(dir, "absent.shelfsense"), Database::Mode::ReadOnly);
        QVERIFY(!ro);
        QCOMPARE(ro.error().code, ErrorCode::Io);
        QVERIFY(!std::filesystem::exists(file(dir, "absent.shelfsense")));  // read-only never creates
        auto folder = Project::open(std::filesystem::path(dir.path().toStdString()));
        QVERIFY(!folder);
    }

    // A stop requested from another thread interrupts the statement running on the connection
    // (the data browser's superseded count), which then fails as Cancelled; without a stop the
    // same guard changes nothing.
    void interruptOnStop_data() {
        QTest::addColumn<bool>("stop");
        QTest::newRow("stopped") << true;
        QTest::newRow("not stopped") << false;
    }
    void interruptOnStop() {
        QFETCH(bool, stop);
        QTemporaryDir dir;
        auto project = Project::open(file(dir, "p.shelfsense"));
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        std::stop_source source;
        // Long enough (tens of seconds) that only an interrupt ends it quickly; short when not stopped.
        const std::string sql = stop ? "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 4000000000) SELECT count(*) FROM n"
                                     : "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT count(*) FROM n";
        std::thread stopper;
        if (stop) stopper = std::thread([&source] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            source.request_stop();
        });
        QElapsedTimer timer;
        timer.start();
        Result<std::int64_t> counted = makeError(ErrorCode::Internal, "not run");
        {
            const InterruptOnStop guard(db, source.get_token());
            counted = db.queryInt(sql);
        }
        if (stopper.joinable()) stopper.join();
        if (stop) {
            QVERIFY(!counted);
            QCOMPARE(counted.error().code, ErrorCode::Cancelled);
            QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        } else {
            SS_VERIFY_OK(counted);
            QCOMPARE(*counted, std::int64_t(1000));
        }
        // The connection works on afterwards.
        auto again = db.queryInt("SELECT 41 + 1");
        SS_VERIFY_OK(again);
        QCOMPARE(*again, std::int64_t(42));
    }
};

QTEST_APPLESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
