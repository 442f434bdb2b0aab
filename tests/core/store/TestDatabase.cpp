// Database, Statement and Transaction: RAII rollback, binding, WAL concurrency, interrupting, and the
// errors a wrong file gives. (Schema versions and their migrations: TestSchemaMigration.)
#include <QtTest>

#include <sqlite3.h>

#include <cstdint>
#include <fstream>
#include <limits>
#include <stop_token>
#include <thread>

#include "ProjectDump.h"
#include "RawSqlite.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/ActivitySummary.h"
#include "store/Project.h"
#include "store/Schema.h"

using namespace ss;

namespace {

using sstest::file;
using sstest::readBytes;
using sstest::rawExec;
using sstest::rawText;

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private slots:
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
