// Importer failure atomicity and re-imports: a failed, cancelled or partly bad import leaves the project
// byte-for-byte as it was (full table dumps compared); the same bytes in the same format add nothing;
// several files are one transaction; progress and the default clock.
#include <QtTest>

#include <atomic>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/Importer.h"
#include "ingest/TaobaoFormat.h"
#include "store/Project.h"

using namespace ss;
using sstest::count;
using sstest::kNow;
using sstest::lines;
using sstest::projectIn;
using sstest::runImport;
using sstest::taobaoRows;
using sstest::withNow;
using sstest::writeFixture;

class TestImportAtomicity : public QObject {
    Q_OBJECT
private slots:
    void failedImportLeavesProjectUnchanged_data() {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("code");
        QTest::newRow("wrong format") << "wrong-format" << int(ErrorCode::InputData);
        QTest::newRow("empty file") << "empty" << int(ErrorCode::InputData);
        QTest::newRow("cancelled before start") << "cancel-before" << int(ErrorCode::Cancelled);
        QTest::newRow("cancelled mid-way") << "cancel-midway" << int(ErrorCode::Cancelled);
        QTest::newRow("second file bad") << "second-bad" << int(ErrorCode::InputData);
        QTest::newRow("second file missing") << "second-missing" << int(ErrorCode::Io);
        QTest::newRow("retailrocket bad header") << "rr-header" << int(ErrorCode::InputData);
        QTest::newRow("csv bad mapping") << "csv-mapping" << int(ErrorCode::InputData);
        QTest::newRow("truncated gzip") << "bad-gzip" << int(ErrorCode::Io);
    }
    void failedImportLeavesProjectUnchanged() {
        QFETCH(QString, scenario);
        QFETCH(int, code);
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        // Existing content: one import with events, a flagged row and a reject.
        const auto seed = writeFixture(dir, "seed.csv", taobaoRows(50) + "1,2,3,pv,1505088000\n1,2,3,zz,1505088000\n");
        auto seeded = runImport(project, ImportFormat::Taobao, {seed}, withNow());
        SS_VERIFY_OK(seeded);
        QCOMPARE(seeded->rowsFlagged, std::int64_t(1));
        QCOMPARE(seeded->rowsRejected, std::int64_t(1));
        {
            // An index the data browser made: a bulk load sets it aside and makes it again.
            auto open = Project::open(project);
            SS_VERIFY_OK(open);
            SS_VERIFY_OK((*open)->db().exec("CREATE INDEX browse_events_item ON events(item_id)"));
        }
        const std::string before = sstest::dumpProject(project);
        QVERIFY(before.find("ERROR") == std::string::npos);
        QVERIFY(before.find("table events rows=51") != std::string::npos);

        std::stop_source stop;
        std::function<void(double, const std::string&)> progress;
        std::vector<std::filesystem::path> files;
        ImportFormat format = ImportFormat::Taobao;
        ImportOptions options = withNow();
        int progressCalls = 0;
        if (scenario == "wrong-format") {
            files = {writeFixture(dir, "a.json", lines({R"({"overall": 5.0, "reviewerID": "A", "asin": "B"})"}))};
        } else if (scenario == "empty") {
            files = {writeFixture(dir, "empty.csv", QByteArray())};
        } else if (scenario == "cancel-before") {
            files = {writeFixture(dir, "ok.csv", taobaoRows(20, 5000))};
            stop.request_stop();
        } else if (scenario == "cancel-midway") {
            // Cancel from the progress callback, as a GUI's cancel button would while rows are being written.
            files = {writeFixture(dir, "big.csv", taobaoRows(30000, 5000))};
            progress = [&](double, const std::string&) {
                ++progressCalls;
                stop.request_stop();
            };
        } else if (scenario == "second-bad") {
            files = {writeFixture(dir, "ok.csv", taobaoRows(200, 5000)), writeFixture(dir, "bad.csv", "just,some,text\n")};
        } else if (scenario == "second-missing") {
            files = {writeFixture(dir, "ok.csv", taobaoRows(200, 5000)), std::filesystem::path(dir.path().toStdString()) / "nope.csv"};
        } else if (scenario == "rr-header") {
            format = ImportFormat::RetailRocket;
            files = {writeFixture(dir, "events.csv", lines({"ts,visitor,event,item,tx", "1433221332117,1,view,2,"}))};
        } else if (scenario == "csv-mapping") {
            format = ImportFormat::Csv;
            options.columnMap = {{"customer", "user"}, {"item", "item"}, {"time", "time"}};
            options.defaultEventType = EventType::View;
            files = {writeFixture(dir, "m.csv", lines({"user,item,time", "u,i,2021-01-01"}))};
        } else if (scenario == "bad-gzip") {
            const auto full = writeFixture(dir, "full.gz", taobaoRows(20000, 5000), sstest::Gzip);
            QFile in(QString::fromStdString(full.string()));
            QVERIFY(in.open(QIODevice::ReadOnly));
            const QByteArray bytes = in.readAll();
            files = {writeFixture(dir, "cut.csv.gz", bytes.left(bytes.size() * 2 / 3))};
        }
        auto summary = runImport(project, format, files, options, stop.get_token(), progress);
        QVERIFY(!summary);
        QCOMPARE(int(summary.error().code), code);
        if (scenario == "cancel-midway") QVERIFY(progressCalls >= 1);
        // Exactly the same content as before: no events, users, items, import rows or rejects added.
        SS_COMPARE_STR(sstest::dumpProject(project), before);
        // And the file still works for the next import.
        auto next = runImport(project, ImportFormat::Taobao, {writeFixture(dir, "next.csv", taobaoRows(10, 9000))}, withNow());
        SS_VERIFY_OK(next);
        QCOMPARE(count(project, "SELECT count(*) FROM events"), std::int64_t(61));
        QCOMPARE(count(project, "SELECT count(*) FROM imports"), std::int64_t(2));
        // The browser's index, dropped for the bulk load, is back, and so is the trigger that counts
        // events (set aside while they were merged); the count is right.
        QCOMPARE(count(project, "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='browse_events_item'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND tbl_name='events'"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT events FROM event_count"), std::int64_t(61));
        // So are the text index's triggers, which the load set aside.
        QCOMPARE(count(project, "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND tbl_name='items'"), std::int64_t(3));
    }

    void reimportAddsNothing_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("fixture");
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("secondEncoding");
        QTest::newRow("taobao same file") << int(ImportFormat::Taobao) << taobaoRows(300) << 300 << int(sstest::Plain);
        QTest::newRow("taobao gzip copy") << int(ImportFormat::Taobao) << taobaoRows(300) << 300 << int(sstest::Gzip);
        QTest::newRow("transactions") << int(ImportFormat::Transactions) << lines({"c1,20200101,5.5", "c2,20200102,7"}) << 2 << int(sstest::Plain);
        QTest::newRow("amazon reviews")
            << int(ImportFormat::AmazonReviews)
            << lines({R"({"overall": 5.0, "reviewerID": "A", "asin": "B", "unixReviewTime": 1441324800})",
                      R"({"overall": 3.0, "reviewerID": "C", "asin": "B", "unixReviewTime": 1441324800})"})
            << 2 << int(sstest::Plain);
    }
    void reimportAddsNothing() {
        QFETCH(int, format);
        QFETCH(QByteArray, fixture);
        QFETCH(int, rows);
        QFETCH(int, secondEncoding);
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "data.txt", fixture);
        auto first = runImport(project, static_cast<ImportFormat>(format), {file}, withNow());
        SS_VERIFY_OK(first);
        QCOMPARE(int(first->rowsImported), rows);
        const auto eventsBefore = count(project, "SELECT count(*) FROM events");
        const auto reviewsBefore = count(project, "SELECT count(*) FROM reviews");
        const auto usersBefore = count(project, "SELECT count(*) FROM users");
        const auto again = secondEncoding == sstest::Plain ? file : writeFixture(dir, "copy.gz", fixture, secondEncoding);
        auto second = runImport(project, static_cast<ImportFormat>(format), {again}, withNow());
        SS_VERIFY_OK(second);
        QCOMPARE(int(second->rowsRead), rows);
        QCOMPARE(int(second->rowsImported), 0);
        QCOMPARE(int(second->rowsDuplicate), rows);
        QVERIFY(QString::fromStdString(second->files[0].notes).contains("already imported as import #1"));
        QCOMPARE(count(project, "SELECT count(*) FROM events"), eventsBefore);
        QCOMPARE(count(project, "SELECT count(*) FROM reviews"), reviewsBefore);
        QCOMPARE(count(project, "SELECT count(*) FROM users"), usersBefore);
        QCOMPARE(count(project, "SELECT count(*) FROM imports"), std::int64_t(2));  // the attempt is on record
        QCOMPARE(count(project, "SELECT rows_imported FROM imports WHERE id=2"), std::int64_t(0));
        QCOMPARE(count(project, "SELECT rows_duplicate FROM imports WHERE id=2"), std::int64_t(rows));
    }

    void sameBytesOtherFormatIsNotADuplicate() {
        // The fingerprint is per format: the same file read as another format is new data.
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "log.csv", lines({"user,item,time", "u1,i1,2021-05-01", "u2,i2,2021-05-02"}));
        ImportOptions csv = withNow();
        csv.columnMap = {{"user", "user"}, {"item", "item"}, {"time", "time"}};
        csv.defaultEventType = EventType::View;
        auto first = runImport(project, ImportFormat::Csv, {file}, csv);
        SS_VERIFY_OK(first);
        QCOMPARE(first->rowsImported, std::int64_t(2));
        auto second = runImport(project, ImportFormat::Transactions, {file}, withNow());
        SS_VERIFY_OK(second);
        QCOMPARE(second->rowsImported, std::int64_t(2));
        QCOMPARE(second->rowsDuplicate, std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM events WHERE type=1"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM events WHERE type=4"), std::int64_t(2));
    }

    void multiFileImportIsOneTransaction() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto a = writeFixture(dir, "a.csv", taobaoRows(100, 0));
        const auto b = writeFixture(dir, "b.csv.gz", taobaoRows(40, 100000) + "bad,row\n", sstest::Gzip);
        auto summary = runImport(project, ImportFormat::Taobao, {a, b, a}, withNow());
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->files.size(), std::size_t(3));
        QCOMPARE(summary->rowsRead, std::int64_t(100 + 41 + 100));
        QCOMPARE(summary->rowsImported, std::int64_t(140));
        QCOMPARE(summary->rowsRejected, std::int64_t(1));
        QCOMPARE(summary->rowsDuplicate, std::int64_t(100));  // the same file listed twice counts once
        QCOMPARE(summary->files[1].rejects.size(), std::size_t(1));
        QCOMPARE(summary->files[1].rejects[0].line, std::int64_t(41));
        QVERIFY(summary->files[0].id != summary->files[1].id);
        QCOMPARE(count(project, "SELECT count(*) FROM events"), std::int64_t(140));
        QCOMPARE(count(project, "SELECT count(DISTINCT import_id) FROM events"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM imports"), std::int64_t(3));
    }

    void progressIsReported() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        std::vector<double> fractions;
        const auto file = writeFixture(dir, "big.csv", taobaoRows(20000));
        auto summary = runImport(project, ImportFormat::Taobao, {file}, withNow(), {},
                                 [&](double f, const std::string&) { fractions.push_back(f); });
        SS_VERIFY_OK(summary);
        QVERIFY(fractions.size() >= 3);
        QCOMPARE(fractions.back(), 1.0);
        for (double f : fractions) QVERIFY(f == -1 || (f >= 0 && f <= 1));
    }

    void defaultNowIsTheClock() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "t.csv", lines({"1,100,10,pv,1511544070", "1,100,10,pv,4102444800"}));
        auto summary = runImport(project, ImportFormat::Taobao, {file}, {});
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsRejected, std::int64_t(1));
        QVERIFY(summary->files[0].rejects[0].reason.find("future") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestImportAtomicity)
#include "TestImportAtomicity.moc"
