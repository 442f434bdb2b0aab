// Real data from ../shared/data (read in place, never copied): Taobao UserBehavior sample, CDNOW
// master file, Amazon 2018 5-core reviews. Expected numbers come from each folder's PROVENANCE.md and
// were re-counted independently over the files with python3 (see the comments next to each value).
#include <QtTest>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "common/TimeUtil.h"
#include "ingest/Importer.h"

using namespace ss;

namespace {

const std::filesystem::path kData = SS_SHARED_DATA_DIR;
constexpr std::int64_t kNow = 1700000000;  // fixed "now": every file here predates it

std::filesystem::path need(const char* relative) {
    const auto p = kData / relative;
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

std::int64_t count(const std::filesystem::path& p, const std::string& sql) { return sstest::countRows(p, sql); }

ImportOptions options(bool drop = false) {
    ImportOptions o;
    o.now = kNow;
    o.dropOutsideWindow = drop;
    return o;
}

}  // namespace

class TestIngestRealData : public QObject {
    Q_OBJECT
private slots:
    void taobaoSample() {
        const auto file = need("taobao_userbehavior_sample/UserBehavior_head84475.csv");
        if (file.empty()) QSKIP("Taobao sample not present");
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "taobao.shelfsense";
        auto summary = sstest::runImport(project, ImportFormat::Taobao, {file}, options());
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsRead, std::int64_t(84475));
        QCOMPARE(summary->rowsImported, std::int64_t(84475));   // outliers are kept...
        QCOMPARE(summary->rowsFlagged, std::int64_t(35));       // ...and flagged (python: t < 1511539200 or t >= 1512316800)
        QCOMPARE(summary->rowsRejected, std::int64_t(0));
        QCOMPARE(summary->files[0].rejects.size(), std::size_t(35));
        for (const auto& r : summary->files[0].rejects) {
            QVERIFY(r.flaggedOnly);
            SS_COMPARE_STR(r.field, "timestamp");
        }
        auto opened = Project::open(project, Database::Mode::ReadOnly);
        SS_VERIFY_OK(opened);
        auto stats = (*opened)->stats();
        SS_VERIFY_OK(stats);
        QCOMPARE(stats->users, std::int64_t(815));
        QCOMPARE(stats->items, std::int64_t(55368));
        QCOMPARE(stats->events, std::int64_t(84475));
        QCOMPARE(stats->eventsByType[int(EventType::View)], std::int64_t(75872));
        QCOMPARE(stats->eventsByType[int(EventType::Cart)], std::int64_t(4497));
        QCOMPARE(stats->eventsByType[int(EventType::Favourite)], std::int64_t(2356));
        QCOMPARE(stats->eventsByType[int(EventType::Purchase)], std::int64_t(1750));
        QCOMPARE(*stats->firstEvent, std::int64_t(1505117799));  // the earliest outlier, 2017-09-11
        QCOMPARE(*stats->lastEvent, std::int64_t(1512316763));
        SS_COMPARE_STR(isoDate(*stats->firstEvent), "2017-09-11");
        QCOMPARE(count(project, "SELECT count(DISTINCT category) FROM items"), std::int64_t(2914));

        // The same file again, gzip-compressed: recognised by content, nothing added.
        QFile in(QString::fromStdString(file.string()));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const auto gz = sstest::writeFixture(dir, "UserBehavior.csv.gz", in.readAll(), sstest::Gzip);
        auto again = sstest::runImport(project, ImportFormat::Taobao, {gz}, options());
        SS_VERIFY_OK(again);
        QCOMPARE(again->rowsImported, std::int64_t(0));
        QCOMPARE(again->rowsDuplicate, std::int64_t(84475));
        QCOMPARE(count(project, "SELECT count(*) FROM events"), std::int64_t(84475));
    }

    void taobaoSampleDropOutsideWindow() {
        const auto file = need("taobao_userbehavior_sample/UserBehavior_head84475.csv");
        if (file.empty()) QSKIP("Taobao sample not present");
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "taobao.shelfsense";
        auto summary = sstest::runImport(project, ImportFormat::Taobao, {file}, options(true));
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(84440));
        QCOMPARE(summary->rowsRejected, std::int64_t(35));
        QCOMPARE(summary->rowsFlagged, std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM events WHERE ts < 1511539200 OR ts >= 1512316800"), std::int64_t(0));
    }

    void cdnow() {
        const auto file = need("cdnow_transactions/CDNOW_master.txt");
        if (file.empty()) QSKIP("CDNOW not present");
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "cdnow.shelfsense";
        auto summary = sstest::runImport(project, ImportFormat::Transactions, {file}, options());
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsRead, std::int64_t(69659));
        QCOMPARE(summary->rowsImported, std::int64_t(69659));
        QCOMPARE(summary->rowsRejected, std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM events WHERE type=4"), std::int64_t(69659));
        QCOMPARE(count(project, "SELECT count(*) FROM users"), std::int64_t(23570));
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(1));  // "(any item)"
        QCOMPARE(count(project, "SELECT sum(quantity) FROM events"), std::int64_t(167881));  // python: sum of number_of_cds
        QCOMPARE(count(project, "SELECT CAST(round(sum(value) * 100) AS INTEGER) FROM events"), std::int64_t(250031563));
        QCOMPARE(count(project, "SELECT count(*) FROM events WHERE value = 0"), std::int64_t(80));
        QCOMPARE(count(project, "SELECT count(*) FROM users WHERE external_id='00001'"), std::int64_t(1));  // zeros kept
        SS_COMPARE_STR(isoDate(count(project, "SELECT min(ts) FROM events")), "1997-01-01");
        SS_COMPARE_STR(isoDate(count(project, "SELECT max(ts) FROM events")), "1998-06-30");
        // Acquisition cohorts (month of first purchase), as in PROVENANCE.md.
        const std::string cohort = "SELECT count(*) FROM (SELECT user_id, min(ts) AS f FROM events GROUP BY user_id)"
                                   " WHERE strftime('%Y-%m', f, 'unixepoch') = ";
        QCOMPARE(count(project, cohort + "'1997-01'"), std::int64_t(7846));
        QCOMPARE(count(project, cohort + "'1997-02'"), std::int64_t(8476));
        QCOMPARE(count(project, cohort + "'1997-03'"), std::int64_t(7248));
    }

    void amazon5core_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("rows");
        QTest::addColumn<qint64>("stored");
        QTest::addColumn<qint64>("duplicates");
        QTest::addColumn<qint64>("users");
        QTest::addColumn<qint64>("items");
        QTest::addColumn<qint64>("ratingSum");
        // PROVENANCE counts exact duplicates on (reviewerID, asin, unixReviewTime, reviewText): 89 and 1,053 extra
        // rows, which is the importer's key (user, item, time, text); python over the files gives the same
        // counts and rating sums of the first occurrences.
        QTest::newRow("AMAZON_FASHION_5") << "amazon_reviews_2018_5core/AMAZON_FASHION_5.json" << qint64(3176) << qint64(3087)
                                          << qint64(89) << qint64(406) << qint64(31) << qint64(13647);
        QTest::newRow("All_Beauty_5") << "amazon_reviews_2018_5core/All_Beauty_5.json" << qint64(5269) << qint64(4216) << qint64(1053)
                                      << qint64(991) << qint64(85) << qint64(20108);
    }
    void amazon5core() {
        QFETCH(QString, file);
        QFETCH(qint64, rows);
        QFETCH(qint64, stored);
        QFETCH(qint64, duplicates);
        QFETCH(qint64, users);
        QFETCH(qint64, items);
        QFETCH(qint64, ratingSum);
        const auto path = need(file.toUtf8().constData());
        if (path.empty()) QSKIP("Amazon 5-core file not present");
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "amazon.shelfsense";
        auto summary = sstest::runImport(project, ImportFormat::AmazonReviews, {path}, options());
        SS_VERIFY_OK(summary);
        QCOMPARE(qint64(summary->rowsRead), rows);
        QCOMPARE(qint64(summary->rowsImported), stored);
        QCOMPARE(qint64(summary->rowsDuplicate), duplicates);
        QCOMPARE(qint64(summary->rowsRejected), qint64(0));
        QCOMPARE(qint64(summary->rowsImported + summary->rowsDuplicate), rows);
        QCOMPARE(qint64(count(project, "SELECT count(*) FROM reviews")), stored);
        QCOMPARE(qint64(count(project, "SELECT count(*) FROM users")), users);
        QCOMPARE(qint64(count(project, "SELECT count(*) FROM items")), items);
        // The first occurrence of each (user, item, time) is the one kept (python: sum of its ratings).
        QCOMPARE(qint64(count(project, "SELECT CAST(sum(rating) AS INTEGER) FROM reviews")), ratingSum);
        QCOMPARE(qint64(count(project, "SELECT count(*) FROM reviews WHERE rating < 1 OR rating > 5")), qint64(0));
    }

    void amazonBothFilesInOneImport() {
        const auto a = need("amazon_reviews_2018_5core/AMAZON_FASHION_5.json");
        const auto b = need("amazon_reviews_2018_5core/All_Beauty_5.json");
        if (a.empty() || b.empty()) QSKIP("Amazon 5-core files not present");
        QTemporaryDir dir;
        const auto project = std::filesystem::path(dir.path().toStdString()) / "amazon.shelfsense";
        auto summary = sstest::runImport(project, ImportFormat::AmazonReviews, {a, b}, options());
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->files.size(), std::size_t(2));
        QCOMPARE(summary->rowsRead, std::int64_t(3176 + 5269));
        QCOMPARE(summary->rowsImported, std::int64_t(7303));  // the two categories share no user or item
        QCOMPARE(count(project, "SELECT count(*) FROM users"), std::int64_t(1397));
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(116));
        SS_COMPARE_STR(isoDate(count(project, "SELECT min(ts) FROM reviews")), "2004-09-21");
        SS_COMPARE_STR(isoDate(count(project, "SELECT max(ts) FROM reviews")), "2018-08-23");
    }
};

QTEST_APPLESS_MAIN(TestIngestRealData)
#include "TestIngestRealData.moc"
