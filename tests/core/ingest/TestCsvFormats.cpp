// The transaction-log format (CDNOW-style whitespace, CSV and TSV, with or without a header) and the
// mapped CSV format (a column mapping, its errors named by column): tables of (fixture, expected
// counts, expected rejects) and what is stored.
#include <QtTest>

#include "../store/ProjectDump.h"
#include "../store/TestSupport.h"
#include "IngestTestSupport.h"
#include "ingest/Importer.h"
#include "ingest/TransactionsFormat.h"

using namespace ss;
using sstest::addCountColumns;
using sstest::count;
using sstest::importAndCheck;
using sstest::kNow;
using sstest::lines;
using sstest::projectIn;
using sstest::runImport;
using sstest::withNow;
using sstest::writeFixture;

class TestCsvFormats : public QObject {
    Q_OBJECT
private slots:
    // ---------------------------------------------------------------- transactions
    void transactions_data() {
        addCountColumns();
        QTest::newRow("cdnow whitespace header crlf")
            << QByteArray(" customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n 00002 19970112  1   12.00\r\n"
                          " 00002 19970112  5   77.00\r\n 00003 19970102  2   20.76\r\n")
            << 4 << 4 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("3 columns no header") << lines({"c1,20200101,5.5", "c2,2020-01-02,7", "c1,2020-02-03T10:00:00Z,1.25"})
                                             << 3 << 3 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("4 columns no header") << lines({"c1,2020-01-01,2,5.5", "c2,2020-01-02,1,7"}) << 2 << 2 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("tab separated no header") << lines({"c1\t20200101\t5.5", "c2\t20200102\t7"}) << 2 << 2 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("online retail header")
            << lines({"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                      "536365,85123A,\"WHITE HANGING HEART T-LIGHT HOLDER, LARGE\",6,12/1/2010 8:26,2.55,17850,United Kingdom",
                      "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850,United Kingdom",
                      "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,,United Kingdom",
                      "536367,84879,\"ASSORTED \"\"BIRD\"\" ORNAMENT\",32,12/1/2010 8:34,1.69,13047,United Kingdom"})
            << 4 << 3 << 1 << 0 << 0 << QStringList{"4|CustomerID|empty customer id"};
        // Fully quoted files (R's write.csv, Python's QUOTE_ALL): the header and first row are read like every other row.
        QTest::newRow("quoted header") << lines({"\"customer_id\",\"date\",\"amount\"", "\"c1\",\"2020-01-01\",\"5.5\"",
                                                 "\"c2\",\"2020-01-02\",\"x\""})
                                       << 2 << 1 << 1 << 0 << 0 << QStringList{"3|amount|not a number"};
        QTest::newRow("quoted no header") << lines({"\"c1\",\"20200101\",\"5.5\"", "\"c, 2\",\"2020-01-02\",\"7\""})
                                          << 2 << 2 << 0 << 0 << 0 << QStringList{};
        QTest::newRow("rejects with header")
            << lines({"customer_id,date,quantity,amount", "c1,2020-01-01,1,5", "c1,2020-13-01,1,5", "c1,2020-01-01,two,5",
                      "c1,2020-01-01,1,abc", "c1,2020-01-01,1", "c1,19940101,1,5", "c1,2030-01-01,1,5", ",2020-01-01,1,5"})
            << 8 << 1 << 7 << 0 << 0
            << QStringList{"3|date|unparsable date '2020-13-01'", "4|quantity|not an integer quantity", "5|amount|not a number",
                           "6||expected 4 fields, found 3", "7|date|before 1995", "8|date|in the future", "9|customer_id|empty customer id"};
        QTest::newRow("cdnow rejects") << QByteArray(" customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n"
                                                     " 00002 1997011  1   12.00\n 00003 19970102  x   20.76\n 00004 19970102  1\n")
                                       << 4 << 1 << 3 << 0 << 0
                                       << QStringList{"3|date|unparsable date", "4|number_of_cds|not an integer quantity",
                                                      "5||expected 4 fields, found 3"};
    }
    void transactions() { importAndCheck(ImportFormat::Transactions, withNow(), "transactions.txt"); }

    void transactionsStoredContent() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto cdnow = writeFixture(dir, "CDNOW_master.txt",
                                        QByteArray(" customer_id  date number_of_cds  dollar_value\r\n 00001 19970101  1   11.77\r\n"
                                                   " 00002 19970112  5   77.00\r\n"));
        SS_VERIFY_OK(runImport(project, ImportFormat::Transactions, {cdnow}, withNow()));
        // Purchases without item detail go to the one placeholder item; customer ids keep their zeros.
        QCOMPARE(count(project, "SELECT count(*) FROM items"), std::int64_t(1));
        QCOMPARE(count(project, std::string("SELECT count(*) FROM items WHERE external_id='") + TransactionsFormat::kAnyItem + "'"),
                 std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM events e JOIN users u ON u.id=e.user_id WHERE u.external_id='00002'"
                                " AND e.type=4 AND e.quantity=5 AND e.value=77.0 AND e.ts=853027200"),
                 std::int64_t(1));
        const auto retail = writeFixture(dir, "online_retail.csv",
                                         lines({"InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
                                                "536365,85123A,\"WHITE HANGING HEART T-LIGHT HOLDER, LARGE\",6,12/1/2010 8:26,2.55,17850,United Kingdom"}));
        SS_VERIFY_OK(runImport(project, ImportFormat::Transactions, {retail}, withNow()));
        // StockCode becomes the item; amount = Quantity × UnitPrice; the date is M/D/YYYY H:MM.
        QCOMPARE(count(project, "SELECT count(*) FROM events e JOIN items i ON i.id=e.item_id JOIN users u ON u.id=e.user_id"
                                " WHERE i.external_id='85123A' AND u.external_id='17850' AND e.quantity=6"
                                " AND abs(e.value - 15.3) < 1e-9 AND e.ts=1291191960"),
                 std::int64_t(1));
    }

    void transactionsBadHeader() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "orders.csv", lines({"order,when,total", "1,2020-01-01,5"}));
        auto summary = runImport(project, ImportFormat::Transactions, {file}, withNow());
        QVERIFY(!summary);
        QCOMPARE(summary.error().code, ErrorCode::InputData);
        QVERIFY(summary.error().describe().find("orders.csv") != std::string::npos);
        QVERIFY(summary.error().describe().find("line 1") != std::string::npos);
    }

    // ---------------------------------------------------------------- mapped csv
    void mappedCsv_data() {
        addCountColumns();
        QTest::addColumn<QStringList>("map");
        QTest::addColumn<QString>("eventType");
        QTest::newRow("events with type column")
            << lines({"user,item,action,when", "u1,i1,view,2021-05-01T10:00:00Z", "u1,i1,purchase,1619863200", "u2,i2,cart,1619863200123",
                      "u2,i2,wave,2021-05-01", "u3,i3,view,last week", "u3,,view,2021-05-01", ",i3,view,2021-05-01"})
            << 7 << 3 << 4 << 0 << 0
            << QStringList{"5|action|unknown behaviour 'wave'", "6|when|unparsable time 'last week'", "7|item|empty item id",
                           "8|user|empty user id"}
            << QStringList{"user=user", "item=item", "action=type", "when=time"} << "";
        QTest::newRow("events default type by index")
            << lines({"a,b,c,qty,val", "u1,i1,20210501,2,9.5", "u1,i2,20210502,x,1", "u1,i3,20210503,1,y"})
            << 3 << 1 << 2 << 0 << 0 << QStringList{"3|qty|not an integer", "4|val|not a number"}
            << QStringList{"1=user", "2=item", "3=time", "qty=quantity", "val=value"} << "purchase";
        QTest::newRow("reviews with quotes and newlines")
            << QByteArray("reviewer,product,stars,title,body,date\n"
                          "r1,p1,5,\"Great, really\",\"Nice, really \"\"nice\"\"\nSecond line\",2021-05-01\n"
                          "r1,p1,4,Dup,\"same user, item, time, other text\",2021-05-01\n"
                          "r1,p1,5,\"Great, really\",\"Nice, really \"\"nice\"\"\nSecond line\",2021-05-01\n"
                          "r2,p1,7,Bad,rating too high,2021-05-02\n"
                          "r3,p2,3,\"unterminated,oops,2021-05-02\n")
            << 5 << 2 << 2 << 0 << 1 << QStringList{"7|stars|not a rating from 1 to 5", "8||unterminated quoted field"}
            << QStringList{"reviewer=user", "product=item", "stars=rating", "title=title", "body=text", "date=time"} << "";
        QTest::newRow("items")
            << lines({"sku\ttitle\tprice\tin_stock", "S1\tMug | 杯子\t$12.50\tyes", "S2\tPlate\t\t0", "S3\tBowl\tcheap\t1",
                      "\tNoId\t1\t1", "S4\ttoo\tmany\tfields\there"})
            << 5 << 2 << 3 << 0 << 0
            << QStringList{"4|price|not a number: 'cheap'", "5|sku|empty item id", "6||expected 4 fields, found 5"}
            << QStringList{"sku=item", "title=title", "price=price", "in_stock=available"} << "";
        QTest::newRow("quoted header names")
            << lines({"\"user\",\"item\",\"time\"", "u1,i1,2021-05-01"}) << 1 << 1 << 0 << 0 << 0 << QStringList{}
            << QStringList{"user=user", "item=item", "time=time"} << "view";
    }
    void mappedCsv() {
        QFETCH(QStringList, map);
        QFETCH(QString, eventType);
        ImportOptions o = withNow();
        for (const auto& m : map) o.columnMap.emplace_back(m.section('=', 0, 0).toStdString(), m.section('=', 1).toStdString());
        if (!eventType.isEmpty()) o.defaultEventType = parseEventType(eventType.toStdString());
        importAndCheck(ImportFormat::Csv, o, "mapped.csv");
    }

    void mappedCsvStoredContent() {
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "reviews.csv",
                                       QByteArray("reviewer,product,stars,title,body,date\r\n"
                                                  "r1,p1,5,\"Great, really\",\"Nice, really \"\"nice\"\"\r\nSecond line\",2021-05-01\r\n"
                                                  "r2,p1,2,Meh,plain,1619913600\r\n"),
                                       sstest::Bom);
        ImportOptions o = withNow();
        o.columnMap = {{"reviewer", "user"}, {"product", "item"}, {"stars", "rating"}, {"title", "title"}, {"body", "text"}, {"date", "time"}};
        auto summary = runImport(project, ImportFormat::Csv, {file}, o);
        SS_VERIFY_OK(summary);
        QCOMPARE(summary->rowsImported, std::int64_t(2));
        QCOMPARE(count(project, "SELECT count(*) FROM reviews WHERE title='Great, really' AND body='Nice, really \"nice\"' || char(10) || 'Second line'"
                                " AND rating=5 AND ts=1619827200"),
                 std::int64_t(1));
        QCOMPARE(count(project, "SELECT count(*) FROM reviews WHERE body='plain' AND ts=1619913600"), std::int64_t(1));
    }

    void mappedCsvMappingErrors_data() {
        QTest::addColumn<QStringList>("map");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no mapping") << QStringList{} << int(ErrorCode::Usage) << "needs a column mapping";
        QTest::newRow("unknown field") << QStringList{"user=customer"} << int(ErrorCode::Usage) << "unknown field 'customer'";
        QTest::newRow("missing column") << QStringList{"nosuch=user", "item=item", "time=time"} << int(ErrorCode::InputData) << "no column 'nosuch'";
        QTest::newRow("index out of range") << QStringList{"9=user", "item=item", "time=time"} << int(ErrorCode::InputData) << "no column '9'";
        QTest::newRow("reviews need rating") << QStringList{"user=user", "item=item", "time=time", "user=text"} << int(ErrorCode::Usage) << "'rating'";
        QTest::newRow("events need a type") << QStringList{"user=user", "item=item", "time=time"} << int(ErrorCode::Usage) << "default event type";
        QTest::newRow("events need time") << QStringList{"user=user", "item=item"} << int(ErrorCode::Usage) << "'time'";
    }
    void mappedCsvMappingErrors() {
        QFETCH(QStringList, map);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const auto project = projectIn(dir);
        const auto file = writeFixture(dir, "m.csv", lines({"user,item,time", "u,i,2021-01-01"}));
        ImportOptions o = withNow();
        for (const auto& m : map) o.columnMap.emplace_back(m.section('=', 0, 0).toStdString(), m.section('=', 1).toStdString());
        auto summary = runImport(project, ImportFormat::Csv, {file}, o);
        QVERIFY(!summary);
        QCOMPARE(int(summary.error().code), code);
        QVERIFY2(QString::fromStdString(summary.error().describe()).contains(message), summary.error().describe().c_str());
        QCOMPARE(count(project, "SELECT count(*) FROM imports"), std::int64_t(0));
    }
};

QTEST_APPLESS_MAIN(TestCsvFormats)
#include "TestCsvFormats.moc"
