// Importer and the formats: names and detection, per-format tables of (fixture, expected counts,
// expected rejects) and what is stored for Taobao, RetailRocket and Amazon, and encodings (CRLF, BOM,
// gzip). The transaction-log and mapped-CSV formats: TestCsvFormats. Failure atomicity and
// re-imports: TestImportAtomicity.
#include <QtTest>

#include <atomic>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/ImportSession.h"
#include "ingest/Importer.h"
#include "ingest/TaobaoFormat.h"
#include "ingest/TransactionsFormat.h"
#include "store/ActivitySummary.h"
#include "store/Project.h"

using namespace ss;
using sstest::lines;
using sstest::runImport;
using sstest::writeFixture;
using sstest::count;
using sstest::kNow;
using sstest::projectIn;
using sstest::taobaoRows;
using sstest::withNow;
using sstest::addCountColumns;
using sstest::importAndCheck;


// (moc cannot read \" inside raw string literals: JSON quotes in fixtures are written \u0022.)
class TestImporter : public QObject {
    Q_OBJECT
private slots:
    // ---------------------------------------------------------------- formats: names and detection
    void formatNames() {
        for (auto f : {ImportFormat::Taobao, ImportFormat::RetailRocket, ImportFormat::AmazonReviews,
                       ImportFormat::AmazonMeta, ImportFormat::Transactions, ImportFormat::Csv}) {
            auto back = parseImportFormat(importFormatName(f));
            QVERIFY(back.has_value());
            QCOMPARE(int(*back), int(f));
        }
        SS_COMPARE_STR(std::string(importFormatName(ImportFormat::AmazonReviews)), "amazon-reviews");
        QVERIFY(!parseImportFormat("Taobao").has_value());
        QVERIFY(!parseImportFormat("").has_value());
    }

    void detect_data() {
        QTest::addColumn<QByteArray>("firstLine");
        QTest::addColumn<int>("expected");  // -1: not sure
        QTest::newRow("taobao") << QByteArray("1,2268318,2520377,pv,1511544070") << int(ImportFormat::Taobao);
        QTest::newRow("taobao buy") << QByteArray("1,2,3,buy,1511544070") << int(ImportFormat::Taobao);
        QTest::newRow("rr events") << QByteArray("timestamp,visitorid,event,itemid,transactionid") << int(ImportFormat::RetailRocket);
        QTest::newRow("rr props") << QByteArray("timestamp,itemid,property,value") << int(ImportFormat::RetailRocket);
        QTest::newRow("amazon 2018") << QByteArray("{\"overall\": 5.0, \"reviewerID\": \"A\", \"asin\": \"B\"}") << int(ImportFormat::AmazonReviews);
        QTest::newRow("amazon 2023") << QByteArray("{\"rating\": 5.0, \"user_id\": \"A\"}") << int(ImportFormat::AmazonReviews);
        QTest::newRow("amazon meta") << QByteArray("{\"asin\": \"B\", \"title\": \"T\"}") << int(ImportFormat::AmazonMeta);
        QTest::newRow("cdnow") << QByteArray(" customer_id  date number_of_cds  dollar_value") << int(ImportFormat::Transactions);
        QTest::newRow("online retail") << QByteArray("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country") << int(ImportFormat::Transactions);
        QTest::newRow("unknown") << QByteArray("a,b,c") << -1;
    }
    void detect() {
        QFETCH(QByteArray, firstLine);
        QFETCH(int, expected);
        QTemporaryDir dir;
        for (int enc : {0, int(sstest::Bom | sstest::Crlf | sstest::Gzip)}) {
            const auto file = writeFixture(dir, "f" + std::to_string(enc), firstLine + "\nmore\n", enc);
            const auto got = detectImportFormat(file);
            QCOMPARE(got ? int(*got) : -1, expected);
        }
    }

    // ---------------------------------------------------------------- Taobao
    void taobao_data() {
        addCountColumns();
        QTest::addColumn<bool>("drop");
        const QByteArray ok = "1,100,10,pv,1511544070\n";
        QTest::newRow("all behaviours") << lines({"1,100,10,pv,1511544070", "1,100,10,cart,1511544080", "1,100,10,fav,1511544090",
                                                  "2,101,10,buy,1511544100"})
                                        << 4 << 4 << 0 << 0 << 0 << QStringList{} << false;
        QTest::newRow("wrong field count") << ok + lines({"1,100,10,pv", "1,100,10,pv,1511544070,extra"}) << 3 << 1 << 2 << 0 << 0
                                           << QStringList{"2||expected 5 fields", "3||found 6"} << false;
        QTest::newRow("unparsable numbers") << ok + lines({"u1,100,10,pv,1511544070", "1,1.5,10,pv,1511544070", "1,100,,pv,1511544070"})
                                            << 4 << 1 << 3 << 0 << 0
                                            << QStringList{"2|user_id|not an integer: 'u1'", "3|item_id|not an integer", "4|category_id|not an integer"} << false;
        QTest::newRow("unparsable time") << ok + lines({"1,100,10,pv,yesterday", "1,100,10,pv,1511544070.5"}) << 3 << 1 << 2 << 0 << 0
                                         << QStringList{"2|timestamp|not a unix time: 'yesterday'", "3|timestamp|not a unix time"} << false;
        QTest::newRow("unknown behaviour") << ok + lines({"1,100,10,like,1511544070", "1,100,10,PV,1511544070"}) << 3 << 1 << 2 << 0 << 0
                                           << QStringList{"2|behavior|unknown behaviour 'like'", "3|behavior|unknown behaviour 'PV'"} << false;
        QTest::newRow("invalid utf8") << ok + "1,100,1\xff" "0,pv,1511544070\n" + "\xc3\x28,100,10,pv,1511544070\n" << 3 << 1 << 2 << 0 << 0
                                      << QStringList{"2|category_id|invalid UTF-8", "3|user_id|invalid UTF-8"} << false;
        QTest::newRow("before 1995") << ok + lines({"1,100,10,pv,788918399", "1,100,10,pv,0", "1,100,10,pv,-5"}) << 4 << 1 << 3 << 0 << 0
                                     << QStringList{"2|timestamp|before 1995", "3|timestamp|before 1995", "4|timestamp|before 1995"} << false;
        QTest::newRow("future") << ok + lines({"1,100,10,pv,1700000001", "1,100,10,pv,1700000000"}) << 3 << 2 << 1 << 1 << 0
                                << QStringList{"2|timestamp|in the future", "3|timestamp|outside the collection window|kept"} << false;
        // Window: 2017-11-25T00:00+08:00 (1511539200) .. 2017-12-04T00:00+08:00 (1512316800, exclusive)
        QTest::newRow("window flagged and kept")
            << lines({"1,100,10,pv,1511539199", "1,100,10,pv,1511539200", "1,100,10,pv,1512316799", "1,100,10,pv,1512316800",
                      "1,100,10,pv,1505088000"})
            << 5 << 5 << 0 << 3 << 0
            << QStringList{"1|timestamp|outside the collection window|kept", "4|timestamp|outside the collection window|kept",
                           "5|timestamp|2017-11-25..2017-12-03|kept"}
            << false;
        QTest::newRow("window dropped")
            << lines({"1,100,10,pv,1511539199", "1,100,10,pv,1511539200", "1,100,10,pv,1512316799", "1,100,10,pv,1512316800",
                      "1,100,10,pv,1505088000"})
            << 5 << 2 << 3 << 0 << 0
            << QStringList{"1|timestamp|dropped", "4|timestamp|dropped", "5|timestamp|outside the collection window"} << true;
        QTest::newRow("blank lines not rows") << "\n" + ok + "\n  \n" + ok << 2 << 2 << 0 << 0 << 0 << QStringList{} << false;
        QTest::newRow("spaces around fields") << QByteArray(" 7 , 100 ,10, buy ,1511544070\n") << 1 << 1 << 0 << 0 << 0 << QStringList{} << false;
    }
    void taobao() {
        QFETCH(bool, drop);
        ImportOptions o = withNow();
        o.dropOutsideWindow = drop;
        importAndCheck(ImportFormat::Taobao, o);
    }

    // Flagged rows are all counted and kept, but only the first ImportSession::kFlaggedRowsListed are
    // listed (a row each would multiply the project's size on a full Taobao dump); rejected rows are
    // all listed.
    void manyFlaggedRowsAreCountedNotAllListed() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        QByteArray csv;
        const int flagged = int(ImportSession::kFlaggedRowsListed) + 500, inside = 20, rejected = 1200;
        for (int i = 0; i < flagged; ++i) csv += QByteArray::number(i % 50) + ",100,10,pv," + QByteArray::number(1505088000 + i) + "\n";
        for (int i = 0; i < inside; ++i) csv += "1,100,10,pv," + QByteArray::number(1511544070 + i) + "\n";
        for (int i = 0; i < rejected; ++i) csv += "1,100,10,like,1511544070\n";
        const auto file = writeFixture(dir, "UserBehavior.csv", csv);
        auto summary = runImport(project, ImportFormat::Taobao, {file}, withNow());
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsFlagged, std::int64_t(flagged));
        QCOMPARE(summary->rowsImported, std::int64_t(flagged + inside));
        QCOMPARE(count(project, "SELECT count(*) FROM events"), std::int64_t(flagged + inside));
        QCOMPARE(count(project, "SELECT count(*) FROM import_rejects WHERE flagged_only"), ImportSession::kFlaggedRowsListed);
        QCOMPARE(count(project, "SELECT max(line) FROM import_rejects WHERE flagged_only"), ImportSession::kFlaggedRowsListed);  // the first ones
        QCOMPARE(count(project, "SELECT count(*) FROM import_rejects WHERE NOT flagged_only"), std::int64_t(rejected));
        QVERIFY2(summary->files[0].notes.find(std::to_string(flagged) + " rows were kept with a flag; the first 1000 are listed") != std::string::npos,
                 summary->files[0].notes.c_str());
    }

    void taobaoStoredContent() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "UserBehavior.csv",
                                       lines({"1,2268318,2520377,pv,1511544070", "1,2333346,2520771,cart,1511561733",
                                              "1,2576651,149192,fav,1511572885", "100,2268318,2520377,buy,1511680485",
                                              "100,2268318,2520377,pv,1511680400"}));
        auto summary = runImport(project, ImportFormat::Taobao, {file}, withNow());
        SS_VERIFY_OK(summary);
        const auto id = summary->files[0].id;
        QCOMPARE(count(project, "SELECT count(*) FROM users"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(3));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='2268318' AND category='2520377'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM events WHERE import_id=" + std::to_string(id)), std::int64_t(5));
        // pv→view(1), cart→2, fav→favourite(3), buy→purchase(4); times kept in unix seconds
        QCOMPARE(count(project, "SELECT e.type FROM events e JOIN users u ON u.id=e.user_id JOIN items i ON i.id=e.item_id"
                                " WHERE u.external_id='1' AND i.external_id='2576651' AND e.ts=1511572885"),
                 std::int64_t(3));
        QCOMPARE(count(project, "SELECT e.type FROM events e JOIN users u ON u.id=e.user_id WHERE u.external_id='100' AND e.ts=1511680485"),
                 std::int64_t(4));
        QCOMPARE(count(project, "SELECT sum(type) FROM events"), std::int64_t(1 + 2 + 3 + 4 + 1));
    }

    void wrongFormatVerdict_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("fixture");
        QTest::addColumn<QString>("message");
        const QByteArray amazon = "{\"overall\": 5.0, \"reviewerID\": \"A\", \"asin\": \"B\", \"unixReviewTime\": 1441324800}\n";
        QTest::newRow("json as taobao") << int(ImportFormat::Taobao) << amazon << "line 1";
        QTest::newRow("taobao as amazon") << int(ImportFormat::AmazonReviews) << QByteArray("1,2,3,pv,1511544070\n") << "not valid JSON";
        QTest::newRow("taobao as transactions") << int(ImportFormat::Transactions) << QByteArray("1,2,3,pv,1511544070\n")
                                                << "does not look like transactions data";
        QTest::newRow("one column as transactions") << int(ImportFormat::Transactions) << QByteArray("hello\nworld\n") << "line 1";
        QTest::newRow("one column crlf as transactions") << int(ImportFormat::Transactions) << QByteArray("12345\r\n") << "line 1";
        QTest::newRow("taobao as retailrocket") << int(ImportFormat::RetailRocket) << QByteArray("1,2,3,pv,1511544070\n")
                                                << "not a RetailRocket file";
        QByteArray many;
        for (int i = 0; i < 5000; ++i) many += "garbage line " + QByteArray::number(i) + "\n";
        QTest::newRow("5000 bad rows stop early") << int(ImportFormat::Taobao) << many << "none of the first";
        QTest::newRow("empty file") << int(ImportFormat::Taobao) << QByteArray() << "empty";
        QTest::newRow("only blank lines") << int(ImportFormat::AmazonReviews) << QByteArray("\n\n  \n") << "empty";
        QTest::newRow("empty transactions") << int(ImportFormat::Transactions) << QByteArray() << "empty";
        QTest::newRow("header only transactions") << int(ImportFormat::Transactions) << QByteArray("customer_id,date,amount\n") << "empty";
        QTest::newRow("header only retailrocket") << int(ImportFormat::RetailRocket) << QByteArray("timestamp,itemid,property,value\n") << "empty";
    }
    void wrongFormatVerdict() {
        QFETCH(int, format);
        QFETCH(QByteArray, fixture);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "input.dat", fixture);
        auto summary = runImport(project, static_cast<ImportFormat>(format), {file}, withNow());
        QVERIFY(!summary);
        QCOMPARE(int(summary.error().code), int(ErrorCode::InputData));
        const std::string what = summary.error().describe();
        QVERIFY2(what.find("input.dat") != std::string::npos, what.c_str());
        QVERIFY2(QString::fromStdString(what).contains(message), what.c_str());
        QCOMPARE(count(project, "SELECT count(*) FROM imports"), std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM import_rejects"), std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM users"), std::int64_t(0));
    }

    // ---------------------------------------------------------------- RetailRocket
    void retailRocketEvents_data() {
        addCountColumns();
        const char* header = "timestamp,visitorid,event,itemid,transactionid";
        QTest::newRow("events")
            << lines({header, "1433221332117,257597,view,355908,", "1433224214164,992329,view,248676,",
                      "1433223236124,286616,addtocart,248676,", "1433193500981,599528,transaction,356475,4000"})
            << 4 << 4 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("rejects")
            << lines({header, "1433221332117,257597,view,355908,", "abc,1,view,2,", "1433221332117,x,view,2,",
                      "1433221332117,1,view,2.5,", "1433221332117,1,remove,2,", "1433221332117,1,view", "1433221332,1,view,2,",
                      "1700000001000,1,view,2,", "1700000000999,1,view,2,"})
            << 9 << 2 << 7 << 0 << 0
            << QStringList{"3|timestamp|not a time in milliseconds", "4|visitorid|not an integer", "5|itemid|not an integer",
                           "6|event|unknown event 'remove'", "7||expected 5 fields, found 3", "8|timestamp|before 1995",
                           "9|timestamp|in the future"};
    }
    void retailRocketEvents() { importAndCheck(ImportFormat::RetailRocket, withNow(), "events.csv"); }

    void retailRocketStoredEvents() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "events.csv",
                                       lines({"timestamp,visitorid,event,itemid,transactionid", "1433221332117,257597,view,355908,",
                                              "1433223236124,257597,addtocart,355908,", "1433193500981,599528,transaction,355908,4000"}),
                                       sstest::Crlf);
        SS_VERIFY_OK(runImport(project, ImportFormat::RetailRocket, {file}, withNow()));
        QCOMPARE(count(project, "SELECT count(*) FROM users"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(1));
        // milliseconds → seconds (truncated)
        QCOMPARE(count(project, "SELECT min(ts) FROM events"), std::int64_t(1433193500));
        QCOMPARE(count(project, "SELECT type FROM events WHERE ts=1433223236"), std::int64_t(int(EventType::Cart)));
        QCOMPARE(count(project, "SELECT type FROM events WHERE ts=1433193500"), std::int64_t(int(EventType::Purchase)));
    }

    void retailRocketProperties_data() {
        addCountColumns();
        const char* header = "timestamp,itemid,property,value";
        QTest::newRow("properties")
            << lines({header, "1435460400000,460429,categoryid,1338", "1441508400000,206783,888,1116713 960601 n277.200",
                      "1439089200000,395014,available,0", "1431226800000,5,available,2", "x,5,available,1", "1431226800000,y,categoryid,1"})
            << 6 << 3 << 3 << 0 << 0
            << QStringList{"5|value|available must be 0 or 1", "6|timestamp|not a time in milliseconds", "7|itemid|not an integer"};
    }
    void retailRocketProperties() { importAndCheck(ImportFormat::RetailRocket, withNow(), "item_properties.csv"); }

    void retailRocketLatestValueWins() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        // Rows out of time order: the newest value per item and property must end up in the catalog.
        const auto file = writeFixture(dir, "item_properties_part1.csv",
                                       lines({"timestamp,itemid,property,value", "1435460400000,5,categoryid,100",
                                              "1431226800000,5,categoryid,99", "1442113200000,5,categoryid,101",
                                              "1439089200000,5,available,1", "1433000000000,5,available,0",
                                              "1433000000000,6,available,0", "1434000000000,6,available,1",
                                              "1441508400000,6,790,n5.000"}));
        auto summary = runImport(project, ImportFormat::RetailRocket, {file}, withNow());
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(8));
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='5' AND category='101' AND available=1"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='6' AND category IS NULL AND available=1"), std::int64_t(1));
    }

    void retailRocketLatestValueWinsAcrossParts() {
        // The dataset ships item_properties in two parts whose time ranges overlap; imported together
        // (one import, two files) the newest value must still win, whatever the file order.
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto part1 = writeFixture(dir, "item_properties_part1.csv",
                                        lines({"timestamp,itemid,property,value", "1442113200000,5,categoryid,NEW",
                                               "1442113200000,5,available,1"}));
        const auto part2 = writeFixture(dir, "item_properties_part2.csv",
                                        lines({"timestamp,itemid,property,value", "1431226800000,5,categoryid,OLD",
                                               "1431226800000,5,available,0"}));
        auto summary = runImport(project, ImportFormat::RetailRocket, {part1, part2}, withNow());
        SS_VERIFY_OK(summary);
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='5' AND category='NEW' AND available=1"), std::int64_t(1));
    }

    // ---------------------------------------------------------------- Amazon reviews
    void amazonReviews_data() {
        addCountColumns();
        const char* r2018a = R"({"overall": 5.0, "verified": true, "reviewTime": "09 4, 2015", "reviewerID": "ALJ66O1Y6SLHA", "asin": "B000K2PJ4K", "style": {"Size:": " Big Boys", "Color:": " Blue/Orange"}, "reviewerName": "Tonya B.", "reviewText": "Great product and price!", "summary": "Five Stars", "unixReviewTime": 1441324800})";
        const char* r2018dup = R"({"overall": 5.0, "verified": true, "reviewTime": "09 4, 2015", "reviewerID": "ALJ66O1Y6SLHA", "asin": "B000K2PJ4K", "style": {"Size:": " Big Boys", "Color:": " Black"}, "reviewerName": "Tonya B.", "reviewText": "Great product and price!", "summary": "Five Stars", "unixReviewTime": 1441324800})";
        const char* r2018b = R"({"overall": 2, "reviewerID": "A2", "asin": "B000K2PJ4K", "reviewText": "Too small, \u0022runs\u0022 small", "unixReviewTime": 1441411200})";
        const char* r2023 = R"({"rating": 4.0, "title": "Pretty good", "text": "Works well<br />Nice", "images": [], "asin": "B01", "parent_asin": "P01", "user_id": "AGKHLEW2SOWHNMFQIJGBECAF7INQ", "timestamp": 1588687728923, "helpful_vote": 0, "verified_purchase": true})";
        const char* r2023dup = R"({"rating": 1.0, "title": "other", "text": "other", "asin": "B02", "parent_asin": "P01", "user_id": "AGKHLEW2SOWHNMFQIJGBECAF7INQ", "timestamp": 1588687728000})";
        QTest::newRow("2018 with duplicate") << lines({r2018a, r2018dup, r2018b}) << 3 << 2 << 0 << 0 << 1 << QStringList{};
        // Same user, item and second but different content: two reviews, not a duplicate.
        QTest::newRow("2023 same second, other content") << lines({r2023, r2023dup}) << 2 << 2 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("2023 exact duplicate") << lines({r2023, r2023}) << 2 << 1 << 0 << 0 << 1 << QStringList{};
        QTest::newRow("mixed releases") << lines({r2018a, r2023}) << 2 << 2 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("rejects")
            << lines({r2018a, "{bad json", "[1, 2]", R"({"overall": 5.0, "asin": "B", "unixReviewTime": 1441324800})",
                      R"({"overall": 5.0, "reviewerID": "A", "unixReviewTime": 1441324800})",
                      R"({"overall": 6.0, "reviewerID": "A", "asin": "B", "unixReviewTime": 1441324800})",
                      R"({"overall": "five", "reviewerID": "A", "asin": "B", "unixReviewTime": 1441324800})",
                      R"({"overall": 5.0, "reviewerID": "A", "asin": "B"})",
                      R"({"overall": 5.0, "reviewerID": "A", "asin": "B", "unixReviewTime": 700000000})",
                      R"({"rating": 5.0, "user_id": "U", "parent_asin": "P", "timestamp": 1700000001000})",
                      R"({"rating": 0, "user_id": "U", "parent_asin": "P", "timestamp": 1588687728923})",
                      "{\"overall\": 5.0, \"reviewerID\": \"A\xff\", \"asin\": \"B\", \"unixReviewTime\": 1441324800}"})
            << 12 << 1 << 11 << 0 << 0
            << QStringList{"2||not valid JSON", "3||not a JSON object", "4|reviewerID|missing", "5|asin|missing",
                           "6|overall|not a rating from 1 to 5", "7|overall|not a rating", "8|unixReviewTime|missing",
                           "9|unixReviewTime|before 1995", "10|timestamp|in the future", "11|rating|not a rating",
                           "12||invalid UTF-8"};
    }
    void amazonReviews() { importAndCheck(ImportFormat::AmazonReviews, withNow(), "reviews.jsonl"); }

    void amazonStoredReviews() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "All_Beauty_5.json",
                                       lines({R"({"overall": 2.0, "reviewerID": "A2", "asin": "B000K2PJ4K", "reviewText": "Too small, \u0022runs\u0022 small \u4e2d", "summary": "Meh", "unixReviewTime": 1441411200})",
                                              R"({"rating": 4.0, "title": "Pretty good", "text": "Works", "asin": "B01", "parent_asin": "P01", "user_id": "U1", "timestamp": 1588687728923})"}),
                                       sstest::Gzip);
        SS_VERIFY_OK(runImport(project, ImportFormat::AmazonReviews, {file}, withNow()));
        QCOMPARE(count(project, "SELECT count(*) FROM reviews r JOIN users u ON u.id=r.user_id JOIN items i ON i.id=r.item_id"
                                " WHERE u.external_id='A2' AND i.external_id='B000K2PJ4K' AND r.rating=2 AND r.title='Meh'"
                                " AND r.body='Too small, \"runs\" small 中' AND r.ts=1441411200"),
                 std::int64_t(1));
        // 2023: items by parent_asin, ms → s
        QCOMPARE(count(project, "SELECT count(*) FROM reviews r JOIN items i ON i.id=r.item_id"
                                " WHERE i.external_id='P01' AND r.ts=1588687728 AND r.title='Pretty good' AND r.body='Works' AND r.rating=4"),
                 std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='B01'"), std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM events"), std::int64_t(0));
    }

    // ---------------------------------------------------------------- Amazon metadata
    void amazonMeta_data() {
        addCountColumns();
        QTest::newRow("2018, 2014 and 2023 shapes")
            << lines({R"({"asin": "B1", "title": "Kettle", "description": ["Boils", "water"], "category": ["Home", "Kitchen"], "brand": "Maple", "price": "$19.99"})",
                      R"({"asin": "B2", "title": "Old", "categories": [["A", "B"], ["C"]], "price": ""})",
                      R"({"parent_asin": "P3", "title": "Serum", "main_category": "All Beauty", "categories": [], "price": null, "store": "Lotus", "details": {}})",
                      R"({"parent_asin": "P4", "title": "Cream", "price": 12.5, "store": "Jade"})"})
            << 4 << 4 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("price range flagged, missing id rejected")
            << lines({R"({"asin": "B1", "title": "Shirt", "price": "$10.00 - $20.00"})", R"({"title": "no id"})",
                      R"({"asin": "", "title": "empty id"})", "not json"})
            << 4 << 1 << 3 << 1 << 0
            << QStringList{"1|price|not a single price|kept", "2|asin|missing product id", "3|asin|missing product id",
                           "4||not valid JSON"};
    }
    void amazonMeta() { importAndCheck(ImportFormat::AmazonMeta, withNow(), "meta.jsonl"); }

    void amazonMetaFillsReviewedItems() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto reviews = writeFixture(dir, "r.json", lines({R"({"overall": 4.0, "reviewerID": "A", "asin": "B1", "unixReviewTime": 1441324800})"}));
        const auto meta = writeFixture(dir, "m.json",
                                       lines({R"({"asin": "B1", "title": "Kettle", "description": ["Boils", "water"], "category": ["Home", "Kitchen"], "brand": "Maple", "price": "$19.99"})",
                                              R"({"asin": "B2", "categories": [["A", "B"], ["C"]]})",
                                              R"({"parent_asin": "P3", "title": "Serum", "main_category": "All Beauty", "categories": [], "store": "Lotus"})",
                                              R"({"asin": "B4", "title": "Shirt", "price": "$10.00 - $20.00"})"}));
        SS_VERIFY_OK(runImport(project, ImportFormat::AmazonReviews, {reviews}, withNow()));
        auto summary = runImport(project, ImportFormat::AmazonMeta, {meta}, withNow());
        SS_VERIFY_OK(summary);
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(4));  // B1 updated in place, not duplicated
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='B1' AND title='Kettle' AND description='Boils water'"
                                " AND category='Home > Kitchen' AND brand='Maple' AND price=19.99"),
                 std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='B2' AND category='A > B'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='P3' AND category='All Beauty' AND brand='Lotus'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM items WHERE external_id='B4' AND price IS NULL AND title='Shirt'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM reviews"), std::int64_t(1));
    }

    void importsKeepTheTextIndexInStep() {
        // A load sets the text index's triggers aside and brings the index up to date at its end:
        // new titles are found, replaced ones are not, and the triggers are back afterwards.
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto first = writeFixture(dir, "m1.json", lines({R"({"asin": "B1", "title": "Kettle | 电热水壶", "category": ["Home", "Kitchen"]})",
                                                               R"({"asin": "B2", "categories": [["A", "B"]]})"}));
        SS_VERIFY_OK(runImport(project, ImportFormat::AmazonMeta, {first}, withNow()));
        QCOMPARE(count(project, "SELECT count(*) FROM item_text WHERE item_text MATCH 'kettle'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM item_text WHERE item_text MATCH '热水壶'"), std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM item_text"), std::int64_t(1));  // B2 has no text
        const auto second = writeFixture(dir, "m2.json", lines({R"({"asin": "B1", "title": "Teapot"})", R"({"asin": "B2", "title": "Mug"})"}));
        SS_VERIFY_OK(runImport(project, ImportFormat::AmazonMeta, {second}, withNow()));
        QCOMPARE(count(project, "SELECT count(*) FROM item_text WHERE item_text MATCH 'kettle'"), std::int64_t(0));
        QCOMPARE(count(project, "SELECT count(*) FROM item_text WHERE item_text MATCH 'teapot' OR item_text MATCH 'mug'"), std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM sqlite_master WHERE type='trigger' AND tbl_name='items'"), std::int64_t(3));
        QCOMPARE(count(project, "SELECT count(*) FROM item_text WHERE item_text MATCH 'Teapot' AND rowid = (SELECT id FROM items WHERE external_id='B1')"),
                 std::int64_t(1));
    }

    void catalogImportKeepsTheActivitySummaryWithoutAScan() {
        // Retention reads the activity summary; an import that adds no event (a catalog, reviews)
        // leaves it current without scanning the events again, and one that adds events rebuilds it.
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto events = writeFixture(dir, "events.csv", taobaoRows(200));
        auto first = runImport(project, ImportFormat::Taobao, {events}, withNow());
        SS_VERIFY_OK(first);
        QVERIFY(first->summarySeconds > 0);
        const auto meta = writeFixture(dir, "meta.json", lines({R"({"asin": "B1", "title": "Kettle"})"}));
        auto catalog = runImport(project, ImportFormat::AmazonMeta, {meta}, withNow());
        SS_VERIFY_OK(catalog);
        QCOMPARE(catalog->summarySeconds, 0.0);
        auto isCurrent = [&project] {
            auto p = Project::open(project);
            if (!p.ok()) return false;
            auto current = ActivitySummary::current((*p)->db());
            return current.ok() && *current;
        };
        QVERIFY(isCurrent());
        auto summary = [&project] {
            auto p = Project::open(project);
            auto log = ActivitySummary::read((*p)->db());
            return log.ok() && log->has_value() ? std::int64_t((*log)->eventCount()) : std::int64_t(-1);
        };
        QCOMPARE(summary(), count(project, "SELECT count(*) FROM events"));
        const auto more = writeFixture(dir, "more.csv", taobaoRows(50, 1000));
        auto second = runImport(project, ImportFormat::Taobao, {more}, withNow());
        SS_VERIFY_OK(second);
        QVERIFY(second->summarySeconds > 0);
        QVERIFY(isCurrent());
        QCOMPARE(summary(), count(project, "SELECT count(*) FROM events"));
        QCOMPARE(summary(), std::int64_t(250));
    }

    // ---------------------------------------------------------------- encodings
    void encodings_data() {
        QTest::addColumn<int>("format");
        QTest::addColumn<QByteArray>("fixture");
        QTest::addColumn<int>("encoding");
        QTest::addColumn<int>("imported");
        QTest::addColumn<QStringList>("rejects");
        struct Case {
            const char* name;
            ImportFormat format;
            QByteArray fixture;
            int imported;
            QStringList rejects;
        };
        const Case cases[] = {
            {"taobao", ImportFormat::Taobao, lines({"1,100,10,pv,1511544070", "2,101,10,buy,1511544071", "3,102,10,nope,1511544072"}), 2,
             {"3|behavior|unknown behaviour 'nope'"}},
            {"transactions", ImportFormat::Transactions, lines({"customer_id,date,amount", "c1,2020-01-01,5", "c2,2020-01-02,x"}), 1,
             {"3|amount|not a number"}},
            {"retailrocket", ImportFormat::RetailRocket,
             lines({"timestamp,visitorid,event,itemid,transactionid", "1433221332117,257597,view,355908,", "x,1,view,2,"}), 1,
             {"3|timestamp|not a time in milliseconds"}},
            {"amazon", ImportFormat::AmazonReviews,
             lines({R"({"overall": 5.0, "reviewerID": "A", "asin": "B", "unixReviewTime": 1441324800})", "oops"}), 1,
             {"2||not valid JSON"}},
        };
        const std::pair<const char*, int> encodings[] = {
            {"plain", sstest::Plain}, {"crlf", sstest::Crlf}, {"bom", sstest::Bom}, {"bom+crlf", sstest::Bom | sstest::Crlf},
            {"gzip", sstest::Gzip}, {"gzip+bom+crlf", sstest::Gzip | sstest::Bom | sstest::Crlf},
            {"zip", sstest::Zip}, {"zip+bom+crlf", sstest::Zip | sstest::Bom | sstest::Crlf}};
        for (const auto& c : cases)
            for (const auto& [ename, e] : encodings)
                QTest::addRow("%s %s", c.name, ename) << int(c.format) << c.fixture << e << c.imported << c.rejects;
    }
    void encodings() {
        QFETCH(int, format);
        QFETCH(QByteArray, fixture);
        QFETCH(int, encoding);
        QFETCH(int, imported);
        QFETCH(QStringList, rejects);
        QTemporaryDir dir;
        // Reference: the plain file.
        const auto refProject = projectIn(dir, "ref.shelfsense");
        SS_VERIFY_OK(runImport(refProject, static_cast<ImportFormat>(format), {writeFixture(dir, "ref.txt", fixture)}, withNow()));
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, (encoding & sstest::Zip) ? "data.zip" : (encoding & sstest::Gzip) ? "data.txt.gz" : "data.txt", fixture, encoding);
        auto summary = runImport(project, static_cast<ImportFormat>(format), {file}, withNow());
        SS_VERIFY_OK(summary);
        QCOMPARE(int(summary->rowsImported), imported);
        sstest::checkRejects(summary->files[0].rejects, rejects);
        // Same rows stored as from the plain file (ids, values, text: no BOM or CR leaks into data).
        for (const char* sql : {"SELECT group_concat(external_id || ':' || coalesce(category,''), ';') FROM (SELECT * FROM items ORDER BY id)",
                                "SELECT group_concat(external_id, ';') FROM (SELECT * FROM users ORDER BY id)",
                                "SELECT group_concat(user_id || ',' || item_id || ',' || type || ',' || ts || ',' || coalesce(value,''), ';')"
                                " FROM (SELECT * FROM events ORDER BY user_id, ts, seq)",
                                "SELECT group_concat(user_id || ',' || item_id || ',' || ts || ',' || rating, ';') FROM (SELECT * FROM reviews ORDER BY id)"}) {
            auto a = Project::open(refProject, Database::Mode::ReadOnly);
            auto b = Project::open(project, Database::Mode::ReadOnly);
            SS_VERIFY_OK(a);
            SS_VERIFY_OK(b);
            auto sa = (*a)->db().prepare(sql);
            auto sb = (*b)->db().prepare(sql);
            SS_VERIFY_OK(sa);
            SS_VERIFY_OK(sb);
            QVERIFY(*sa->step());
            QVERIFY(*sb->step());
            SS_COMPARE_STR(sb->columnText(0), sa->columnText(0));
        }
        QCOMPARE(count(project, "SELECT count(*) FROM users WHERE external_id LIKE '%' || char(13) || '%'"
                                " OR external_id LIKE char(239) || '%'"),
                 std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestImporter)
#include "TestImporter.moc"
