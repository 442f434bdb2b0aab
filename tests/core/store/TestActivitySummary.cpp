// ActivityLog and ActivitySummary: the compact encoding gives back every event (time, behaviour,
// amount, order of ties), a scan in several passes equals one in a single pass, the stored summary
// reads back exactly what the scan saw, goes out of date when events are added, is rebuilt once by
// ensureCurrent(), and a damaged summary is refused with a clear message.
#include <QtTest>

#include <random>

#include "TestSupport.h"
#include "store/ActivitySummary.h"
#include "store/BulkWriter.h"
#include "store/Database.h"
#include "store/Project.h"

using namespace ss;

namespace {

std::vector<ActivityLog::Row> randomRows(int users, int events, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<ActivityLog::Row> rows;
    for (int i = 0; i < events; ++i) {
        ActivityLog::Row r;
        r.user = 1 + static_cast<std::int64_t>(rng() % static_cast<unsigned>(users));
        r.ts = 1500000000 + static_cast<std::int64_t>(rng() % 40000000);
        r.type = static_cast<EventType>(1 + rng() % 4);
        r.item = 1 + static_cast<std::int32_t>(rng() % 50);
        if (r.type == EventType::Purchase && rng() % 2) {
            r.amount = static_cast<float>(rng() % 10000) / 100.0f + 0.01f;
            r.hasAmount = true;
        }
        rows.push_back(r);
    }
    return rows;
}

// Every customer's events as text, for comparing two logs.
QString dump(const ActivityLog& log) {
    QString out;
    for (std::size_t c = 0; c < log.customers(); ++c) {
        out += QStringLiteral("u%1 i%2:").arg(log.userId(c)).arg(log.firstItem(c));
        for (const auto& e : log.events(c)) out += QStringLiteral(" %1/%2/%3").arg(e.ts).arg(int(e.type)).arg(double(e.amount));
        out += '\n';
    }
    return out;
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
        QCOMPARE(dump(log), QStringLiteral("u3 i30: 5/1/0 2000000000/3/0\nu7 i70: 100/1/0 100/2/0 100/4/12.5\n"));
        QCOMPARE(log.firstEvent(), qint64(5));
        QCOMPARE(log.lastEvent(), qint64(2000000000));
        QVERIFY(log.hasAmounts());
        QVERIFY(log.encodedBytes() < 5 * 8);
    }

    void summaryMatchesTheScan_data() {
        QTest::addColumn<int>("rowsPerPass");
        QTest::newRow("one pass") << 1000000;
        QTest::newRow("seven passes") << 3000;
    }
    void summaryMatchesTheScan() {
        QFETCH(int, rowsPerPass);
        const auto path = std::filesystem::path(dir_.path().toStdString()) / ("shop" + std::to_string(rowsPerPass) + ".shelfsense");
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
        SS_VERIFY_OK(ActivitySummary::rebuild(db));
        auto read = ActivitySummary::read(db);
        SS_VERIFY_OK(read);
        QVERIFY(read->has_value());
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

    void damagedSummaryIsRefused() {
        const auto path = std::filesystem::path(dir_.path().toStdString()) / "damaged.shelfsense";
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        auto& db = (*project)->db();
        SS_VERIFY_OK(writeRows(db, randomRows(20, 500, 3)));
        SS_VERIFY_OK(ActivitySummary::rebuild(db));
        SS_VERIFY_OK(db.exec("UPDATE activity_summary SET data = substr(data, 1, length(data) - 3)"));
        auto read = ActivitySummary::read(db);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, ErrorCode::InputData);
        QVERIFY(read.error().describe().find("damaged") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestActivitySummary)
#include "TestActivitySummary.moc"
