// The `metrics` command's CSV front end: RFC 4180 records, header detection, and errors that name
// file:line and the field.
#include <QtTest>

#include <sstream>
#include <string>

#include <boost/json.hpp>

#include "eval/CsvRecordReader.h"
#include "eval/MetricsCsv.h"

using namespace ss;

Q_DECLARE_METATYPE(std::string)

namespace {
const std::string kDir = SS_TEST_DATA_DIR "/eval/";
}

class TestMetricsCsv : public QObject {
    Q_OBJECT
private slots:
    void records_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("records");  // fields joined with '|', one entry per record
        QTest::addColumn<QList<int>>("lines");
        QTest::newRow("plain LF") << QByteArray("a,b,c\nd,e,f\n") << QStringList{"a|b|c", "d|e|f"} << QList<int>{1, 2};
        QTest::newRow("CRLF, no final newline") << QByteArray("a,b\r\nc,d") << QStringList{"a|b", "c|d"}
                                                << QList<int>{1, 2};
        QTest::newRow("quoted comma and quote") << QByteArray("\"x,y\",\"say \"\"hi\"\"\"\n")
                                                << QStringList{"x,y|say \"hi\""} << QList<int>{1};
        QTest::newRow("quoted newline keeps line numbers")
            << QByteArray("\"multi\nline\",2\nnext,3\n") << QStringList{"multi\nline|2", "next|3"} << QList<int>{1, 3};
        QTest::newRow("blank lines skipped") << QByteArray("a,b\n\n\nc,d\n") << QStringList{"a|b", "c|d"}
                                             << QList<int>{1, 4};
        QTest::newRow("unquoted blanks trimmed, quoted kept")
            << QByteArray(" a , \" b \" \n") << QStringList{"a| b "} << QList<int>{1};
        QTest::newRow("empty fields") << QByteArray(",,\n") << QStringList{"||"} << QList<int>{1};
        QTest::newRow("utf-8 BOM") << QByteArray("\xEF\xBB\xBFuser,item\n") << QStringList{"user|item"}
                                   << QList<int>{1};
        QTest::newRow("quote inside unquoted field") << QByteArray("12\" vinyl,x\n") << QStringList{"12\" vinyl|x"}
                                                     << QList<int>{1};
    }
    void records() {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, records);
        QFETCH(QList<int>, lines);
        std::istringstream in(text.toStdString());
        CsvRecordReader reader(in, "mem.csv");
        std::vector<std::string> fields;
        QStringList got;
        QList<int> gotLines;
        for (;;) {
            Result<bool> more = reader.next(fields);
            QVERIFY2(more.ok(), more.ok() ? "" : more.error().describe().c_str());
            if (!*more) break;
            QStringList f;
            for (const std::string& s : fields) f << QString::fromStdString(s);
            got << f.join('|');
            gotLines << int(reader.line());
        }
        QCOMPARE(got, records);
        QCOMPARE(gotLines, lines);
    }

    void malformedRecords_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("context");
        QTest::newRow("unterminated quote") << QByteArray("a,b\nc,\"d\ne,f\n") << "mem.csv:2: field 2";
        QTest::newRow("text after closing quote") << QByteArray("a,b\n\"c\"x,d\n") << "mem.csv:2: field 1";
    }
    void malformedRecords() {
        QFETCH(QByteArray, text);
        QFETCH(QString, context);
        std::istringstream in(text.toStdString());
        CsvRecordReader reader(in, "mem.csv");
        std::vector<std::string> fields;
        Result<bool> more = reader.next(fields);
        while (more.ok() && *more) more = reader.next(fields);
        QVERIFY(!more.ok());
        QCOMPARE(more.error().code, ErrorCode::InputData);
        QCOMPARE(QString::fromStdString(more.error().context), context);
    }

    void headerDetection_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("pairs");
        QTest::addColumn<QString>("firstUser");
        QTest::newRow("no header, 2 fields") << QByteArray("u1,i1\nu2,i2\n") << 2 << "u1";
        QTest::newRow("no header, 3 fields") << QByteArray("u1,i1,5\nu2,i2,4\n") << 2 << "u1";
        QTest::newRow("header by names") << QByteArray("user_id,item_id\nu1,i1\n") << 1 << "u1";
        QTest::newRow("header by non-numeric rating") << QByteArray("who,what,stars\nu1,i1,3\n") << 1 << "u1";
        QTest::newRow("header maps reordered columns") << QByteArray("item,rating,user\ni1,3,u1\n") << 1 << "u1";
        QTest::newRow("Recommenders column names") << QByteArray("userID,itemID,rating\n1,3,3\n") << 1 << "1";
    }
    void headerDetection() {
        QFETCH(QByteArray, text);
        QFETCH(int, pairs);
        QFETCH(QString, firstUser);
        std::istringstream in(text.toStdString());
        const Result<GroundTruth> t = MetricsCsv::readTruth(in, "t.csv");
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        QCOMPARE(int(t->pairCount()), pairs);
        QCOMPARE(QString::fromStdString(t->users().begin()->first), firstUser);
        QVERIFY(t->users().begin()->second.count("i1") || firstUser == "1");
    }

    void predictionsReorderedHeader() {
        std::istringstream in("score,item,user\n0.5,a,u1\n0.9,b,u1\n");
        const Result<Predictions> p = MetricsCsv::readPredictions(in, "p.csv");
        QVERIFY(p.ok());
        const auto* list = p->find("u1");
        QVERIFY(list && list->size() == 2);
        QCOMPARE(Predictions::rank(*list, 1).front(), std::string("b"));
    }

    // Bad input: the message must name the file and line (and the field where there is one).
    void badInput_data() {
        QTest::addColumn<std::string>("truth");
        QTest::addColumn<std::string>("pred");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("where");  // must appear in Error::describe()
        const std::string truth = kDir + "recommenders_rating_true.csv";
        const std::string pred = kDir + "recommenders_rating_pred.csv";
        QTest::newRow("missing truth file") << kDir + "no_such_truth.csv" << pred << int(ErrorCode::Io)
                                            << QString::fromStdString(kDir + "no_such_truth.csv");
        QTest::newRow("missing prediction file") << truth << kDir + "no_such_pred.csv" << int(ErrorCode::Io)
                                                 << QString::fromStdString(kDir + "no_such_pred.csv");
        QTest::newRow("bad score") << truth << kDir + "bad_score.csv" << int(ErrorCode::InputData)
                                   << QString::fromStdString(kDir + "bad_score.csv:3: field 3 'score'");
        QTest::newRow("wrong field count") << truth << kDir + "wrong_field_count.csv" << int(ErrorCode::InputData)
                                           << QString::fromStdString(kDir + "wrong_field_count.csv:3");
        QTest::newRow("unterminated quote in truth") << kDir + "unterminated_quote.csv" << pred
                                                     << int(ErrorCode::InputData)
                                                     << QString::fromStdString(kDir + "unterminated_quote.csv:3");
    }
    void badInput() {
        QFETCH(std::string, truth);
        QFETCH(std::string, pred);
        QFETCH(int, code);
        QFETCH(QString, where);
        const Result<MetricsReport> r = evaluateCsvFiles(truth, pred, 10);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), code);
        const QString text = QString::fromStdString(r.error().describe());
        QVERIFY2(text.contains(where), qPrintable(text));
    }

    void badInputInMemory_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("truth");
        QTest::addColumn<QString>("describe");
        QTest::newRow("nan score") << QByteArray("user,item,score\nu,i,nan\n") << false
                                   << "p.csv:2: field 3 'score': not a finite number: 'nan'";
        QTest::newRow("infinite score") << QByteArray("u,i,1\nu,j,inf\n") << false
                                        << "p.csv:2: field 3 'score': not a finite number";
        QTest::newRow("bad rating") << QByteArray("user,item,rating\nu,i,5\nu,j,five\n") << true
                                    << "t.csv:3: field 3 'rating': not a finite number: 'five'";
        QTest::newRow("empty item") << QByteArray("u1,i1\nu2,\n") << true << "t.csv:2: field 2 'item': empty item id";
        QTest::newRow("too many fields (truth)") << QByteArray("a,b,1,2\n") << true << "t.csv:1: expected 2 or 3";
        QTest::newRow("too few fields (predictions)") << QByteArray("a,b\n") << false << "p.csv:1: expected 3 fields";
        QTest::newRow("empty file") << QByteArray("") << true << "t.csv: the file is empty";
        QTest::newRow("header only") << QByteArray("user,item\n") << true << "t.csv: no data rows";
    }
    void badInputInMemory() {
        QFETCH(QByteArray, text);
        QFETCH(bool, truth);
        QFETCH(QString, describe);
        std::istringstream in(text.toStdString());
        const Error e = truth ? MetricsCsv::readTruth(in, "t.csv").error() : MetricsCsv::readPredictions(in, "p.csv").error();
        QCOMPARE(e.code, ErrorCode::InputData);
        const QString got = QString::fromStdString(e.describe());
        QVERIFY2(got.startsWith(describe), qPrintable(got));
    }

    void evaluateAndJson() {
        Result<MetricsReport> r = evaluateCsvFiles(kDir + "recommenders_rating_true.csv",
                                                   kDir + "recommenders_rating_pred.csv", 5, Convention::RecBole);
        QVERIFY(r.ok());
        const boost::json::value v = toJson(*r);
        QCOMPARE(std::string(v.at("convention").as_string()), std::string("recbole"));
        QCOMPARE(v.at("k").as_int64(), 5);
        QVERIFY(v.at("metrics").as_object().contains("ndcg@5"));
        QCOMPARE(evaluateCsvFiles(kDir + "recommenders_rating_true.csv", kDir + "recommenders_rating_pred.csv", 0)
                     .error()
                     .code,
                 ErrorCode::Usage);
    }
};

QTEST_APPLESS_MAIN(TestMetricsCsv)
#include "TestMetricsCsv.moc"
