// The `metrics` command's CSV front end: header detection, errors that name file:line and the field,
// and compressed inputs (the records themselves are io/CsvReader's, tested there).
#include <QtTest>

#include <string>

#include <boost/json.hpp>

#include "../io/TextFixture.h"
#include "eval/MetricsCsv.h"
#include "io/LineReader.h"

using namespace ss;

Q_DECLARE_METATYPE(std::string)

namespace {
const std::string kDir = SS_TEST_DATA_DIR "/eval/";
}

class TestMetricsCsv : public QObject {
    Q_OBJECT
private slots:
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
        auto in = LineReader::fromText(text.toStdString(), "t.csv");
        const Result<GroundTruth> t = MetricsCsv::readTruth(*in);
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().describe().c_str());
        QCOMPARE(int(t->pairCount()), pairs);
        QCOMPARE(QString::fromStdString(t->users().begin()->first), firstUser);
        QVERIFY(t->users().begin()->second.count("i1") || firstUser == "1");
    }

    void predictionsReorderedHeader() {
        auto in = LineReader::fromText("score,item,user\n0.5,a,u1\n0.9,b,u1\n", "p.csv");
        const Result<Predictions> p = MetricsCsv::readPredictions(*in);
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
        auto in = LineReader::fromText(text.toStdString(), truth ? "t.csv" : "p.csv");
        const Error e = truth ? MetricsCsv::readTruth(*in).error() : MetricsCsv::readPredictions(*in).error();
        QCOMPARE(e.code, ErrorCode::InputData);
        const QString got = QString::fromStdString(e.describe());
        QVERIFY2(got.startsWith(describe), qPrintable(got));
    }

    void compressedInputsGiveTheSameNumbers_data() {
        QTest::addColumn<int>("encoding");
        QTest::addColumn<QString>("suffix");
        QTest::newRow("gzip") << int(sstest::Gzip) << ".csv.gz";
        QTest::newRow("zip") << int(sstest::Zip) << ".zip";
        QTest::newRow("CRLF with BOM") << int(sstest::Crlf | sstest::Bom) << ".csv";
    }
    void compressedInputsGiveTheSameNumbers() {
        // Exports often arrive compressed: `metrics` reads .csv.gz and zipped CSV like plain CSV.
        QFETCH(int, encoding);
        QFETCH(QString, suffix);
        const auto read = [](const std::string& name) {
            QFile f(QString::fromStdString(kDir + name));
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        };
        const QByteArray truthText = read("recommenders_rating_true.csv"), predText = read("recommenders_rating_pred.csv");
        QVERIFY(!truthText.isEmpty() && !predText.isEmpty());
        QTemporaryDir dir;
        const auto truth = sstest::writeFixture(dir, "truth" + suffix.toStdString(), truthText, encoding);
        const auto pred = sstest::writeFixture(dir, "pred" + suffix.toStdString(), predText, encoding);
        auto plain = evaluateCsvFiles(kDir + "recommenders_rating_true.csv", kDir + "recommenders_rating_pred.csv", 5);
        auto packed = evaluateCsvFiles(truth, pred, 5);
        QVERIFY2(packed.ok(), packed.ok() ? "" : packed.error().describe().c_str());
        QVERIFY(plain.ok());
        QCOMPARE(boost::json::serialize(toJson(*packed)), boost::json::serialize(toJson(*plain)));
    }

    void damagedGzipIsReported() {
        QTemporaryDir dir;
        QByteArray text = "user,item,rating\n";
        for (int i = 0; i < 30000; ++i) text += "u" + QByteArray::number(i % 500) + ",i" + QByteArray::number(i) + ",1\n";
        const auto truth = sstest::writeFixture(dir, "truth.csv.gz", text, sstest::Gzip);
        std::filesystem::resize_file(truth, std::filesystem::file_size(truth) / 2);
        auto r = evaluateCsvFiles(truth, kDir + "recommenders_rating_pred.csv", 5);
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().describe()).contains("truth.csv.gz"), r.error().describe().c_str());
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
