// Project files under hostile conditions: SQLite files that are not ours are refused and never
// changed, damaged projects are refused with a message (never a crash), a full disk and another
// writer give ErrorCode::Storage with the project as it was, reading never creates a file.

#include <QtTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <fstream>
#include <thread>

#include "TestSupport.h"
#include "store/Database.h"
#include "store/Project.h"
#include "store/Schema.h"

using namespace ss;
using namespace std::chrono_literals;

namespace {

using sstest::file;
using sstest::readBytes;

void writeBytes(const std::filesystem::path& p, const std::string& bytes, std::streamoff at = 0) {
    std::fstream out(p, std::ios::binary | std::ios::in | std::ios::out);
    out.seekp(at);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// Raw SQLite, independent of the code under test.
bool rawExec(const std::filesystem::path& p, const std::string& sql) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(p.string().c_str(), &db) == SQLITE_OK;
    ok = ok && sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

std::int64_t rawInt(const std::filesystem::path& p, const std::string& sql) {
    sqlite3* db = nullptr;
    std::int64_t value = -1;
    if (sqlite3_open_v2(p.string().c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
            value = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return value;
}

// A small checkpointed project (one file, no -wal) with users, items and events.
std::filesystem::path smallProject(const QTemporaryDir& dir, const char* name) {
    const auto path = file(dir, name);
    {
        auto project = Project::open(path);
        if (!project) return {};
        Database& db = (*project)->db();
        if (!db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3000)"
                     " INSERT INTO users(id, external_id) SELECT i, 'u' || i FROM n;"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 3000)"
                     " INSERT INTO items(id, external_id, title) SELECT i, 'i' || i, 'a product with a longer title ' || i FROM n;"
                     "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 20000)"
                     " INSERT INTO events(user_id, item_id, type, ts) SELECT 1 + i % 3000, 1 + (i * 7) % 3000, 1, 1500000000 + i FROM n;"
                     "PRAGMA wal_checkpoint(TRUNCATE);"))
            return {};
    }
    return path;
}

}  // namespace

class TestProjectSafety : public QObject {
    Q_OBJECT

private slots:
    void foreignSqliteFileRefusedUnchanged_data() {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("said");
        QTest::newRow("another program's table") << "CREATE TABLE t(x); INSERT INTO t VALUES(1);" << "other tables (t)";
        QTest::newRow("another application's mark, our table names")
            << "CREATE TABLE items(x); CREATE TABLE users(x); CREATE TABLE events(x); PRAGMA user_version=3; PRAGMA application_id=1234;"
            << "another application's file";
        QTest::newRow("a version number without our tables") << "CREATE TABLE notes(x); PRAGMA user_version=2;" << "other tables (notes)";
        QTest::newRow("a version number and no tables") << "PRAGMA user_version=4;" << "no tables";
    }
    void foreignSqliteFileRefusedUnchanged() {
        QFETCH(QString, sql);
        QFETCH(QString, said);
        QTemporaryDir dir;
        const auto path = file(dir, "other.sqlite");
        QVERIFY(rawExec(path, sql.toStdString()));
        const std::string before = readBytes(path);
        for (auto mode : {Database::Mode::ReadWrite, Database::Mode::ReadOnly}) {
            auto project = Project::open(path, mode);
            QVERIFY(!project);
            QCOMPARE(project.error().code, ErrorCode::InputData);
            QVERIFY2(project.error().message.find("not a ShelfSense project") != std::string::npos, project.error().message.c_str());
            QVERIFY2(project.error().message.find(said.toStdString()) != std::string::npos, project.error().message.c_str());
            QVERIFY(project.error().describe().find(path.string()) != std::string::npos);
        }
        // Not a byte changed, and no journal left beside it.
        QVERIFY(readBytes(path) == before);
        QVERIFY(!std::filesystem::exists(path.string() + "-wal"));
        QVERIFY(!std::filesystem::exists(path.string() + "-journal"));
    }

    void readingNeverCreatesAFile_data() {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("openExisting") << false;
        QTest::newRow("open read-only") << true;
    }
    void readingNeverCreatesAFile() {
        QFETCH(bool, readOnly);
        QTemporaryDir dir;
        const auto path = file(dir, "missing.shelfsense");
        auto project = readOnly ? Project::open(path, Database::Mode::ReadOnly) : Project::openExisting(path);
        QVERIFY(!project);
        QCOMPARE(project.error().code, ErrorCode::Io);
        QVERIFY2(project.error().message.find("no such project file") != std::string::npos, project.error().message.c_str());
        QVERIFY(!std::filesystem::exists(path));
    }

    void emptyFileBecomesAProjectOnlyWhenWriting() {
        QTemporaryDir dir;
        const auto path = file(dir, "empty.shelfsense");
        std::ofstream(path).close();
        auto reading = Project::open(path, Database::Mode::ReadOnly);
        QVERIFY(!reading);
        QVERIFY2(reading.error().message.find("empty file") != std::string::npos, reading.error().message.c_str());
        QCOMPARE(std::filesystem::file_size(path), std::uintmax_t(0));
        auto writing = Project::open(path);
        QVERIFY2(writing.ok(), writing ? "" : writing.error().describe().c_str());
        QCOMPARE(rawInt(path, "PRAGMA application_id"), std::int64_t(Schema::kApplicationId));
    }

    void damagedProjectRefused_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("said");
        QTest::newRow("truncated to half") << "truncate" << "damaged";
        QTest::newRow("header overwritten") << "header" << "first page is damaged";
        QTest::newRow("events' root page zeroed") << "zero-page" << "damaged";
        QTest::newRow("a table dropped") << "drop-table" << "table 'reviews' is missing";
        QTest::newRow("newer schema version") << "future" << "newer than this ShelfSense";
        QTest::newRow("negative schema version (found by fuzzing)") << "negative" << "not one ShelfSense writes";
        QTest::newRow("not SQLite at all") << "text" << "not a SQLite database";
    }
    void damagedProjectRefused() {
        QFETCH(QString, damage);
        QFETCH(QString, said);
        QTemporaryDir dir;
        const auto path = smallProject(dir, "shop.shelfsense");
        QVERIFY(!path.empty());
        const auto size = std::filesystem::file_size(path);
        const std::int64_t pageSize = rawInt(path, "PRAGMA page_size");
        if (damage == "truncate") {
            std::filesystem::resize_file(path, size / 2);
        } else if (damage == "header") {
            writeBytes(path, std::string(100, 'x'));
        } else if (damage == "zero-page") {
            const std::int64_t root = rawInt(path, "SELECT rootpage FROM sqlite_master WHERE name='events'");
            QVERIFY(root > 1);
            writeBytes(path, std::string(static_cast<std::size_t>(pageSize), '\0'), (root - 1) * pageSize);
        } else if (damage == "drop-table") {
            QVERIFY(rawExec(path, "DROP TABLE reviews;"));
        } else if (damage == "negative") {
            QVERIFY(rawExec(path, "PRAGMA user_version=-402653179;"));
        } else if (damage == "future") {
            QVERIFY(rawExec(path, "PRAGMA user_version=" + std::to_string(Schema::kCurrentVersion + 1) + ";"));
        } else {
            std::ofstream(path, std::ios::trunc) << std::string(20000, 'z');
        }
        const std::string before = readBytes(path);
        for (auto mode : {Database::Mode::ReadWrite, Database::Mode::ReadOnly}) {
            // Opening or the first reads fail with a message; what fails is reported, never a crash.
            Error error;
            if (auto project = Project::open(path, mode); !project) {
                error = project.error();
            } else if (auto stats = (*project)->stats(); !stats) {
                error = stats.error();
            } else {
                QFAIL("the damaged project was read without an error");
            }
            QVERIFY2(error.code == ErrorCode::InputData || error.code == ErrorCode::Unsupported, error.describe().c_str());
            QVERIFY2(error.message.find(said.toStdString()) != std::string::npos, error.describe().c_str());
            QVERIFY2(error.describe().find("shop.shelfsense") != std::string::npos, error.describe().c_str());
        }
        QVERIFY(readBytes(path) == before);
    }

    void fullDiskUndoesTheChange() {
        // SQLite's page limit is the storage layer's fault injection: writes past it fail exactly as
        // on a full disk (SQLITE_FULL).
        QTemporaryDir dir;
        const auto path = smallProject(dir, "full.shelfsense");
        QVERIFY(!path.empty());
        auto project = Project::open(path);
        QVERIFY(project.ok());
        Database& db = (*project)->db();
        auto pages = db.queryInt("PRAGMA page_count");
        QVERIFY(pages.ok());
        QVERIFY(db.exec("PRAGMA max_page_count=" + std::to_string(*pages + 2)).ok());
        Status written;
        {
            Transaction tx(db);
            QVERIFY(tx.begun().ok());
            written = db.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 100000)"
                              " INSERT INTO events(user_id, item_id, type, ts) SELECT 1, 1, 1, i FROM n");
            if (written) written = tx.commit();
        }
        QVERIFY(!written);
        QCOMPARE(written.error().code, ErrorCode::Storage);
        QVERIFY2(written.error().message.find("disk holding the project file is full") != std::string::npos, written.error().message.c_str());
        QVERIFY2(written.error().describe().find("full.shelfsense") != std::string::npos, written.error().describe().c_str());
        // The connection stays usable and the project is as it was.
        auto events = db.queryInt("SELECT count(*) FROM events");
        QVERIFY(events.ok());
        QCOMPARE(*events, std::int64_t(20000));
        project->reset();
        QCOMPARE(rawInt(path, "SELECT count(*) FROM events"), std::int64_t(20000));
        QCOMPARE(rawInt(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), std::int64_t(0));
    }

    void secondWriterWaitsThenProceeds() {
        QTemporaryDir dir;
        const auto path = smallProject(dir, "two.shelfsense");
        QVERIFY(!path.empty());
        auto first = Project::open(path);
        auto second = Project::open(path);
        QVERIFY(first.ok() && second.ok());
        std::atomic<int> waits{0};
        Database::setBusyObserver([&](const std::filesystem::path& file, std::chrono::milliseconds waited) {
            if (file == path && waited >= 1s) ++waits;
            return true;
        });
        auto holder = std::make_unique<Transaction>((*first)->db());
        QVERIFY(holder->begun().ok());
        QVERIFY((*first)->db().exec("INSERT INTO settings(key, value) VALUES('first', '1')").ok());
        std::thread releaser([&] {
            std::this_thread::sleep_for(1500ms);  // long enough for the waiting writer to say so
            (void)holder->commit();
            holder.reset();
        });
        const auto started = std::chrono::steady_clock::now();
        {
            // Readers are never held up by the writer.
            auto reader = Project::open(path, Database::Mode::ReadOnly);
            QVERIFY(reader.ok());
            auto users = (*reader)->db().queryInt("SELECT count(*) FROM users");
            QVERIFY(users.ok());
            QCOMPARE(*users, std::int64_t(3000));
            QVERIFY(std::chrono::steady_clock::now() - started < 1s);
        }
        Status second_ = (*second)->setSetting("second", "2");  // waits for the first writer
        releaser.join();
        Database::setBusyObserver({});
        QVERIFY2(second_.ok(), second_ ? "" : second_.error().describe().c_str());
        QVERIFY(waits.load() > 0);
        QCOMPARE(rawInt(path, "SELECT count(*) FROM settings WHERE key IN ('first', 'second')"), std::int64_t(2));
    }

    void secondWriterStopsWaitingWhenTold_data() {
        QTest::addColumn<bool>("observerStops");
        QTest::newRow("time limit") << false;
        QTest::newRow("observer says stop (Ctrl-C)") << true;
    }
    void secondWriterStopsWaitingWhenTold() {
        QFETCH(bool, observerStops);
        QTemporaryDir dir;
        const auto path = smallProject(dir, "held.shelfsense");
        QVERIFY(!path.empty());
        auto first = Project::open(path);
        auto second = Project::open(path);
        QVERIFY(first.ok() && second.ok());
        Database::setBusyLimit(observerStops ? 60s : 300ms);
        Database::setBusyObserver([&](const std::filesystem::path&, std::chrono::milliseconds) { return !observerStops; });
        Transaction holder((*first)->db());
        QVERIFY(holder.begun().ok());
        const auto started = std::chrono::steady_clock::now();
        Status refused = (*second)->setSetting("second", "2");
        const auto waited = std::chrono::steady_clock::now() - started;
        Database::setBusyObserver({});
        Database::setBusyLimit(120s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Storage);
        QVERIFY2(refused.error().message.find("another program") != std::string::npos, refused.error().message.c_str());
        QVERIFY(waited < 10s);  // it did not wait for the default two minutes
    }

    void interruptedWriteIsUndoneBeforeReading_data() {
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("read-only open (a reading command)") << true;
        QTest::newRow("read-write open") << false;
    }
    void interruptedWriteIsUndoneBeforeReading() {
        // A bulk import runs with a rollback journal; killed mid-write it leaves a hot journal and
        // half-written pages. The next open must undo the write, never read around the journal
        // (found by tests/hardening/kill_test.py: a read-only open reported the project damaged).
        QFETCH(bool, readOnly);
        QTemporaryDir dir;
        const auto path = smallProject(dir, "killed.shelfsense");
        QVERIFY(!path.empty());
        const pid_t child = fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            sqlite3* db = nullptr;
            sqlite3_open(path.string().c_str(), &db);
            sqlite3_exec(db,
                         "PRAGMA journal_mode=DELETE; PRAGMA cache_size=4; BEGIN;"
                         "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 200000)"
                         " INSERT INTO events(user_id, item_id, type, ts) SELECT 1, 1, 4, i FROM n;"
                         "UPDATE items SET title = 'half written';",
                         nullptr, nullptr, nullptr);
            _exit(0);  // as if killed: no commit, no rollback, no close
        }
        int status = 0;
        QCOMPARE(waitpid(child, &status, 0), child);
        QVERIFY(std::filesystem::file_size(path.string() + "-journal") > 0);
        auto project = Project::open(path, readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        QVERIFY2(project.ok(), project ? "" : project.error().describe().c_str());
        auto stats = (*project)->stats();
        QVERIFY2(stats.ok(), stats ? "" : stats.error().describe().c_str());
        QCOMPARE(stats->events, std::int64_t(20000));
        auto titles = (*project)->db().queryInt("SELECT count(*) FROM items WHERE title = 'half written'");
        QVERIFY(titles.ok());
        QCOMPARE(*titles, std::int64_t(0));
        project->reset();
        QCOMPARE(rawInt(path, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), std::int64_t(0));
    }

    // A header asking for a newer SQLite writer (byte 18 above 2) makes SQLite open the file read-only
    // however writable it is: an older or unmarked project then cannot be upgraded in place, and
    // opening it must say so or read it as it is — not try again and again until the stack runs out
    // (found by fuzz_project_open).
    void projectSQLiteWillNotWriteIsNotUpgradedForever_data() {
        QTest::addColumn<bool>("older");  // else current but unmarked
        QTest::addColumn<int>("mode");
        QTest::newRow("unmarked, reading") << false << int(Database::Mode::ReadOnly);
        QTest::newRow("unmarked, writing") << false << int(Database::Mode::ReadWrite);
        QTest::newRow("older version, reading") << true << int(Database::Mode::ReadOnly);
        QTest::newRow("older version, writing") << true << int(Database::Mode::ReadWrite);
    }
    void projectSQLiteWillNotWriteIsNotUpgradedForever() {
        QFETCH(bool, older);
        QFETCH(int, mode);
        QTemporaryDir dir;
        const auto path = smallProject(dir, "newer-writer.shelfsense");
        QVERIFY(!path.empty());
        QVERIFY(rawExec(path, older ? "PRAGMA journal_mode=DELETE; PRAGMA user_version=5;" : "PRAGMA journal_mode=DELETE; PRAGMA application_id=0;"));
        writeBytes(path, std::string(1, '\x03'), 18);  // file format write version 3
        const std::string before = readBytes(path);
        auto project = Project::open(path, Database::Mode(mode));
        if (older) {
            QVERIFY(!project.ok());
            QVERIFY2(project.error().message.find("could not be upgraded") != std::string::npos, project.error().message.c_str());
        } else {
            SS_VERIFY_OK(project);
            QVERIFY((*project)->readOnly());
            auto stats = (*project)->stats();
            SS_VERIFY_OK(stats);
            QCOMPARE(stats->events, std::int64_t(20000));
        }
        project = makeError(ErrorCode::Usage, "closed");
        QCOMPARE(readBytes(path), before);  // nothing written
    }

    void readOnlyConnectionSaysSo() {
        QTemporaryDir dir;
        const auto path = smallProject(dir, "ro.shelfsense");
        QVERIFY(!path.empty());
        auto project = Project::open(path, Database::Mode::ReadOnly);
        QVERIFY(project.ok());
        QVERIFY((*project)->readOnly());
        auto stats = (*project)->stats();
        QVERIFY(stats.ok());
        QCOMPARE(stats->events, std::int64_t(20000));
        Status write = (*project)->setSetting("x", "y");
        QVERIFY(!write);
        QCOMPARE(write.error().code, ErrorCode::Storage);
        QVERIFY2(write.error().message.find("read-only") != std::string::npos, write.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestProjectSafety)
#include "TestProjectSafety.moc"
