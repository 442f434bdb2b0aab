// Bulk loads: a large import runs on a rollback journal when it is alone with the file (no double
// write through the WAL) and on WAL when a reader has the file open; either way the file ends in
// WAL mode with its event indexes, the reader keeps its snapshot, and the rows are all there.
#include <QtTest>

#include <filesystem>
#include <fstream>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/TaobaoFormat.h"
#include "store/Database.h"
#include "store/Project.h"

using namespace ss;

namespace {

// The journal mode a file is in, from its header (bytes 18 and 19: 2 = WAL, 1 = rollback journal).
int headerJournalVersion(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    char header[20] = {};
    in.read(header, sizeof header);
    return header[18];
}

QByteArray taobaoRows(int n) {
    QByteArray out;
    const char* behaviours[] = {"pv", "pv", "cart", "fav", "buy"};
    for (int i = 0; i < n; ++i)
        out += QByteArray::number(7000 + i % 211) + "," + QByteArray::number(900000 + i % 1777) + "," +
               QByteArray::number(i % 9) + "," + behaviours[i % 5] + "," +
               QByteArray::number(TaobaoFormat::kWindowStart + 30 + (i * 13) % 700000) + "\n";
    return out;
}

}  // namespace

class TestBulkLoad : public QObject {
    Q_OBJECT
private slots:
    void journalDuringAndAfterBulkLoad_data() {
        QTest::addColumn<bool>("readerOpen");
        QTest::newRow("alone with the file: rollback journal") << false;
        QTest::newRow("a reader has the file open: WAL") << true;
    }
    void journalDuringAndAfterBulkLoad() {
        QFETCH(bool, readerOpen);
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "bulk.shelfsense";
        {
            // An index the data browser made (sorting events by time): set aside for the load, made again.
            auto open = Project::open(project);
            SS_VERIFY_OK(open);
            SS_VERIFY_OK((*open)->db().exec("CREATE INDEX browse_events_time ON events(ts)"));
        }
        const int rows = 40000;  // more than two of the writer's hand-over batches
        const auto file = sstest::writeFixture(dir, "UserBehavior.csv", taobaoRows(rows));

        std::unique_ptr<Database> reader;
        if (readerOpen) {
            auto opened = Database::open(project, Database::Mode::ReadOnly);
            SS_VERIFY_OK(opened);
            reader = std::move(*opened);
            SS_VERIFY_OK(reader->exec("BEGIN"));  // a read transaction: its snapshot must hold
            QCOMPARE(*reader->queryInt("SELECT count(*) FROM events"), std::int64_t(0));
        }
        bool sawRollbackJournal = false, sawWal = false;
        auto progress = [&](double fraction, const std::string&) {
            if (fraction < 0 || fraction >= 1) return;  // only while rows are being written
            const std::string base = project.string();
            sawRollbackJournal = sawRollbackJournal || std::filesystem::exists(base + "-journal");
            sawWal = sawWal || std::filesystem::exists(base + "-wal");
        };
        ImportOptions options;
        options.now = 1700000000;
        auto summary = sstest::runImport(project, ImportFormat::Taobao, {file}, options, {}, progress);
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(rows));
        QVERIFY(summary->indexSeconds > 0);
        QCOMPARE(sawRollbackJournal, !readerOpen);
        QCOMPARE(sawWal, readerOpen);
        if (reader) {
            QCOMPARE(*reader->queryInt("SELECT count(*) FROM events"), std::int64_t(0));  // snapshot kept
            SS_VERIFY_OK(reader->exec("COMMIT"));
            QCOMPARE(*reader->queryInt("SELECT count(*) FROM events"), std::int64_t(rows));
            reader.reset();
        }
        QCOMPARE(headerJournalVersion(project), 2);  // back in WAL mode
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM events"), std::int64_t(rows));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM users"), std::int64_t(211));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM items"), std::int64_t(1777));
        // Clustered by customer and time, with no secondary index but the browser's, and counted.
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM sqlite_master WHERE type='index' AND tbl_name='events' AND sql IS NOT NULL"),
                 std::int64_t(1));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM events INDEXED BY browse_events_time WHERE ts >= 0"), std::int64_t(rows));
        QCOMPARE(sstest::countRows(project, "SELECT events FROM event_count"), std::int64_t(rows));
        auto check = Database::open(project, Database::Mode::ReadOnly);
        SS_VERIFY_OK(check);
        auto integrity = (*check)->prepare("PRAGMA integrity_check");
        SS_VERIFY_OK(integrity);
        QVERIFY(*integrity->step());
        SS_COMPARE_STR(integrity->columnText(0), "ok");
    }

    void cancelledBulkLoadLeavesWalFile() {
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "cancel.shelfsense";
        SS_VERIFY_OK(Project::open(project));
        const auto file = sstest::writeFixture(dir, "UserBehavior.csv", taobaoRows(40000));
        std::stop_source stop;
        ImportOptions options;
        options.now = 1700000000;
        auto summary = sstest::runImport(project, ImportFormat::Taobao, {file}, options, stop.get_token(),
                                         [&](double fraction, const std::string&) {
                                             if (fraction > 0.5) stop.request_stop();
                                         });
        QVERIFY(!summary);
        QCOMPARE(int(summary.error().code), int(ErrorCode::Cancelled));
        QCOMPARE(headerJournalVersion(project), 2);
        QVERIFY(!std::filesystem::exists(project.string() + "-journal"));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM events"), std::int64_t(0));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM users"), std::int64_t(0));
        QCOMPARE(sstest::countRows(project, "SELECT count(*) FROM imports"), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestBulkLoad)
#include "TestBulkLoad.moc"
