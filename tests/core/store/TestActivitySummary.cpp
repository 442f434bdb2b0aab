// ActivityLog and ActivitySummary: the compact encoding gives back every event (time, behaviour,
// amount, order of ties), a scan in several passes equals one in a single pass, the stored summary
// reads back exactly what the scan saw (in one blob or many, read on two threads), goes out of date
// when events are added, is rebuilt once by ensureCurrent(), and every kind of damage is refused
// with a clear message.
#include <QtTest>

#include <random>

#include "TestSupport.h"
#include "store/ActivitySummary.h"
#include "store/BulkWriter.h"
#include "store/Database.h"
#include "store/Project.h"

using namespace ss;

namespace {

std::vector<ActivityLog::Row> randomRows(int users, int events, unsigned seed, bool amounts = true) {
    std::mt19937 rng(seed);
    std::vector<ActivityLog::Row> rows;
    for (int i = 0; i < events; ++i) {
        ActivityLog::Row r;
        r.user = 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(users));
        r.ts = 1500000000 + static_cast<std::int64_t>(rng() % 40000000);
        r.type = static_cast<EventType>(1 + rng() % 4);
        r.item = 1 + static_cast<std::int32_t>(rng() % 50);
        if (amounts && r.type == EventType::Purchase && rng() % 2) {
            r.amount = static_cast<float>(rng() % 10000) / 100.0f + 0.01f;
            r.hasAmount = true;
        }
        rows.push_back(r);
    }
    return rows;
}

// Every customer's events (and purchases alone, and last time) as text, for comparing two logs.
QString dump(const ActivityLog& log) {
    QString out;
    for (std::size_t c = 0; c < log.customers(); ++c) {
        const auto events = log.events(c);
        out += QStringLiteral("u%1 i%2 last %3%4:").arg(log.userId(c)).arg(log.firstItem(c)).arg(events.lastTime()).arg(events.hasPurchases() ? " buys" : "");
        for (const auto& e : events) out += QStringLiteral(" %1/%2/%3").arg(e.ts).arg(int(e.type)).arg(double(e.amount));
        out += QStringLiteral(" |");
        for (const auto& e : log.purchases(c)) out += QStringLiteral(" %1/%2/%3").arg(e.ts).arg(int(e.type)).arg(double(e.amount));
        out += '\n';
    }
    return out;
}

std::vector<std::vector<std::uint8_t>> storedBlobs(Database& db) {
    std::vector<std::vector<std::uint8_t>> blobs;
    auto stmt = db.prepare("SELECT data FROM activity_summary ORDER BY chunk");
    if (!stmt) return blobs;
    while (true) {
        auto more = stmt->step();
        if (!more || !*more) break;
        const auto bytes = stmt->columnBlob(0);
        const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
        blobs.emplace_back(p, p + bytes.size());
    }
    return blobs;
}

Status writeRows(Database& db, const std::vector<ActivityLog::Row>& rows) {
    Transaction tx(db);
    SS_TRY(tx.begun());
    auto writer = BulkWriter::create(db, std::nullopt);
    if (!writer) return writer.error();
    for (const auto& r : rows) {
        auto user = writer->userId("U" + std::to_string(r.user));
        if (!user) return user.error();
        auto item = writer->itemId("I" + std::to_string(r.item));
        if (!item) return item.error();
        SS_TRY(writer->addEvent(*user, *item, r.type, r.ts, std::nullopt, r.hasAmount ? std::optional<double>(r.amount) : std::nullopt));
    }
    SS_TRY(writer->flush());
    return tx.commit();
}

}  // namespace

class TestActivitySummary : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void encodingRoundTrip() {
        // Ties at one second keep their order; amounts only where given; a large time gap.
        std::vector<ActivityLog::Row> rows;
        auto add = [&](std::int64_t user, std::int64_t ts, EventType type, float amount = 0) {
            ActivityLog::Row r;
            r.user = user;
            r.ts = ts;
            r.type = type;
            r.item = static_cast<std::int32_t>(user * 10);
            r.amount = amount;
            r.hasAmount = amount != 0;
            rows.push_back(r);
        };
        add(7, 100, EventType::View);
        add(7, 100, EventType::Cart);
        add(7, 100, EventType::Purchase, 12.5f);
        add(3, 2000000000, EventType::Favourite);
        add(3, 5, EventType::View);
        const auto log = ActivityLog::fromRows(rows);
        QCOMPARE(log.customers(), std::size_t(2));
        QCOMPARE(dump(log), QStringLiteral("u3 i30 last 2000000000: 5/1/0 2000000000/3/0 |\n"
                                           "u7 i70 last 100 buys: 100/1/0 100/2/0 100/4/12.5 | 100/4/12.5\n"));
        QCOMPARE(log.firstEvent(), qint64(5));
        QCOMPARE(log.lastEvent(), qint64(2000000000));
        QVERIFY(log.hasAmounts());
        QVERIFY(log.encodedBytes() < 6 * 8 + ActivityLog::kDecodePadding);
    }

    void summaryMatchesTheScan_data() {
        QTest::addColumn<int>("rowsPerPass");
        QTest::addColumn<int>("blobBytes");
        QTest::newRow("one pass, one blob") << 1000000 << int(ActivitySummary::kBlobBytes);
        QTest::newRow("seven passes") << 3000 << int(ActivitySummary::kBlobBytes);
        QTest::newRow("many blobs (read on two threads)") << 1000000 << 300;
    }
    void summaryMatchesTheScan() {
        QFETCH(int, rowsPerPass);
        QFETCH(int, blobBytes);
        const auto path = std::filesystem::path(dir_.path().toStdString()) /
                          ("shop" + std::to_string(rowsPerPass) + "-" + std::to_string(blobBytes) + ".shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        auto& db = (*project)->db();
        const auto rows = randomRows(300, 20000, 11);
        SS_VERIFY_OK(writeRows(db, rows));
        // The writer maps "U<n>" to compact ids in order of appearance; compare through the scan.
        auto scanned = ActivityLog::scan(db, {}, static_cast<std::size_t>(rowsPerPass));
        SS_VERIFY_OK(scanned);
        auto single = ActivityLog::scan(db);
        SS_VERIFY_OK(single);
        QCOMPARE(dump(*scanned), dump(*single));
        QCOMPARE(scanned->eventCount(), rows.size());

        auto current = ActivitySummary::current(db);
        SS_VERIFY_OK(current);
        QVERIFY(!*current);  // written by hand: no summary yet
        auto none = ActivitySummary::read(db);
        SS_VERIFY_OK(none);
        QVERIFY(!none->has_value());
        SS_VERIFY_OK(ActivitySummary::rebuild(db, {}, static_cast<std::size_t>(blobBytes)));
        const auto blobs = storedBlobs(db);
        QVERIFY(blobs.size() >= 1);
        QCOMPARE(blobs.size() > 1, blobBytes < 1000);
        auto read = ActivitySummary::read(db);
        SS_VERIFY_OK(read);
        QVERIFY(read->has_value());
        QCOMPARE((*read)->eventCount(), rows.size());
        QCOMPARE((*read)->firstEvent(), single->firstEvent());
        QCOMPARE(dump(**read), dump(*single));
        QCOMPARE((*read)->lastEvent(), single->lastEvent());
        QCOMPARE((*read)->hasAmounts(), single->hasAmounts());

        // One more event: the summary is out of date and load() falls back to the scan.
        SS_VERIFY_OK(writeRows(db, {rows.front()}));
        current = ActivitySummary::current(db);
        SS_VERIFY_OK(current);
        QVERIFY(!*current);
        auto loaded = ActivityLog::load(db);
        SS_VERIFY_OK(loaded);
        QCOMPARE(loaded->eventCount(), rows.size() + 1);
        project->reset();
        auto rebuilt = ActivitySummary::ensureCurrent(path);
        SS_VERIFY_OK(rebuilt);
        QVERIFY(*rebuilt);
        rebuilt = ActivitySummary::ensureCurrent(path);
        SS_VERIFY_OK(rebuilt);
        QVERIFY(!*rebuilt);  // once
    }

    // Each kind of damage is refused as a whole (never a log that reads outside a customer's bytes).
    void damagedSummaryIsRefused_data() {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<bool>("amounts");
        for (const bool amounts : {false, true}) {
            const char* suffix = amounts ? ", with amounts" : ", no amounts";
            // (With amounts the last byte may belong to an amount: changing it changes a value only.)
            if (!amounts) QTest::newRow(qPrintable(QStringLiteral("last byte continues%1").arg(suffix))) << "continue" << amounts;
            QTest::newRow(qPrintable(QStringLiteral("blob cut short%1").arg(suffix))) << "truncate" << amounts;
            QTest::newRow(qPrintable(QStringLiteral("blobs out of order%1").arg(suffix))) << "swap" << amounts;
            QTest::newRow(qPrintable(QStringLiteral("header past the end%1").arg(suffix))) << "header" << amounts;
        }
    }
    void damagedSummaryIsRefused() {
        QFETCH(QString, damage);
        QFETCH(bool, amounts);
        const auto path = std::filesystem::path(dir_.path().toStdString()) /
                          ("damaged-" + damage.toStdString() + (amounts ? "-amounts" : "") + ".shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        auto& db = (*project)->db();
        SS_VERIFY_OK(writeRows(db, randomRows(40, 800, 3, amounts)));
        SS_VERIFY_OK(ActivitySummary::rebuild(db, {}, 400));
        auto blobs = storedBlobs(db);
        QVERIFY(blobs.size() > 2);
        SS_VERIFY_OK(ActivitySummary::fromBlobs(blobs));  // intact, they read
        auto& last = blobs.back();
        if (damage == "continue") {
            last.back() |= 0x80;
        } else if (damage == "truncate") {
            last.resize(last.size() - 3);
        } else if (damage == "swap") {
            std::swap(blobs[0], blobs[1]);
        } else {
            last.push_back(0x05);  // a customer's header that stops after its first field
        }
        auto fromBlobs = ActivitySummary::fromBlobs(blobs);
        QVERIFY(!fromBlobs.ok());
        QCOMPARE(fromBlobs.error().code, ErrorCode::InputData);

        // The same damage stored in the project: read() refuses it with the project named.
        SS_VERIFY_OK(db.exec("DELETE FROM activity_summary"));
        auto insert = db.prepare("INSERT INTO activity_summary(chunk, data) VALUES(?1, ?2)");
        SS_VERIFY_OK(insert);
        for (std::size_t b = 0; b < blobs.size(); ++b) {
            insert->reset();
            insert->bind(1, static_cast<std::int64_t>(b)).bind(2, std::as_bytes(std::span(blobs[b])));
            SS_VERIFY_OK(insert->run());
        }
        auto read = ActivitySummary::read(db);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::InputData);
        QVERIFY(read.error().describe().find("damaged") != std::string::npos);
        QVERIFY(read.error().describe().find(path.filename().string()) != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestActivitySummary)
#include "TestActivitySummary.moc"
