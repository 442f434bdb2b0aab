// `embed --jsonl` as a black box, with the tiny Chinese BERT fixture: records in, vectors out in the
// same order with their ids as given, as numbers or base64 float32, equal to the plain `embed`; a bad
// record stops the run naming its line and field; usage errors for options that do not go together.
#include <QtTest>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <cstring>

#include "CliRunner.h"

namespace {

const QString kModel = QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert");

QList<QJsonObject> jsonLines(const QByteArray& out) {
    QList<QJsonObject> rows;
    for (const QByteArray& line : out.split('\n')) {
        if (line.trimmed().isEmpty()) continue;
        rows << QJsonDocument::fromJson(line).object();
    }
    return rows;
}

QVector<double> numbers(const QJsonValue& v) {
    QVector<double> out;
    for (const auto& x : v.toArray()) out << x.toDouble();
    return out;
}

}  // namespace

class TestEmbedCli : public QObject {
    Q_OBJECT
private slots:
    void recordsInVectorsOut() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        const QByteArray input =
            "{\"id\": \"a-1\", \"text\": \"这个手机质量很好\"}\n"
            "\n"
            "{\"id\": 42, \"text\": \"电池不耐用\"}\r\n"
            "{\"id\": {\"shop\": 3, \"sku\": \"x\"}, \"text\": \"\"}\n"
            "{\"text\": \"客服态度很好，物流也快\", \"id\": [1, 2]}\n";
        const CliRun asNumbers = cli({"embed", "--jsonl", "--model", kModel, "--quiet"}, input);
        QVERIFY2(asNumbers.code == 0, qPrintable(describe(asNumbers)));
        const auto rows = jsonLines(asNumbers.out);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows[0].value("id").toString(), QString("a-1"));
        QCOMPARE(rows[1].value("id").toInt(), 42);
        QCOMPARE(rows[2].value("id").toObject().value("sku").toString(), QString("x"));
        QCOMPARE(rows[3].value("id").toArray().size(), 2);

        // The same texts through the plain command: the same vectors.
        const CliRun plain = cli({"embed", "--json", "--model", kModel, "--quiet", "这个手机质量很好", "电池不耐用", "", "客服态度很好，物流也快"});
        QVERIFY2(plain.code == 0, qPrintable(describe(plain)));
        const QJsonArray reference = QJsonDocument::fromJson(plain.out).array();
        QCOMPARE(reference.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const auto got = numbers(rows[i].value("vector")), want = numbers(reference[i].toObject().value("vector"));
            QVERIFY(!got.isEmpty());
            QCOMPARE(got.size(), want.size());
            for (int j = 0; j < got.size(); ++j) QVERIFY2(std::abs(got[j] - want[j]) < 1e-5, qPrintable(QStringLiteral("text %1, value %2").arg(i).arg(j)));
        }

        // Base64 of little-endian float32: the same numbers.
        const CliRun asBase64 = cli({"embed", "--jsonl", "--vector-format", "base64", "--model", kModel, "--quiet"}, input);
        QVERIFY2(asBase64.code == 0, qPrintable(describe(asBase64)));
        const auto packed = jsonLines(asBase64.out);
        QCOMPARE(packed.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(packed[i].value("id"), rows[i].value("id"));
            const QByteArray bytes = QByteArray::fromBase64(packed[i].value("vector").toString().toLatin1());
            const auto want = numbers(rows[i].value("vector"));
            QCOMPARE(bytes.size(), want.size() * 4);
            for (int j = 0; j < want.size(); ++j) {
                float x;
                std::memcpy(&x, bytes.constData() + 4 * j, 4);  // the test machines are little-endian, as the format is
                QCOMPARE(double(x), want[j]);
            }
        }
        // The whole-array output packs its vectors the same way.
        const CliRun plainBase64 =
            cli({"embed", "--json", "--vector-format", "base64", "--model", kModel, "--quiet", "这个手机质量很好", "电池不耐用", "", "客服态度很好，物流也快"});
        QVERIFY2(plainBase64.code == 0, qPrintable(describe(plainBase64)));
        const QJsonArray packedArray = QJsonDocument::fromJson(plainBase64.out).array();
        QCOMPARE(packedArray.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(packedArray[i].toObject().value("text"), reference[i].toObject().value("text"));
            const QByteArray bytes = QByteArray::fromBase64(packedArray[i].toObject().value("vector").toString().toLatin1());
            const auto want = numbers(reference[i].toObject().value("vector"));
            QCOMPARE(bytes.size(), want.size() * 4);
            for (int j = 0; j < want.size(); ++j) {
                float x;
                std::memcpy(&x, bytes.constData() + 4 * j, 4);
                QCOMPARE(double(x), want[j]);
            }
        }
#endif
    }

    void badRecordStopsTheRun_data() {
        QTest::addColumn<QByteArray>("third");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("not JSON") << QByteArray("{\"id\": 3, \"text\": \"unterminated}") << "stdin:3";
        QTest::newRow("not an object") << QByteArray("[3, \"text\"]") << "stdin:3";
        QTest::newRow("no id") << QByteArray("{\"text\": \"手机\"}") << "stdin:3: field 'id'";
        QTest::newRow("null id") << QByteArray("{\"id\": null, \"text\": \"手机\"}") << "stdin:3: field 'id'";
        QTest::newRow("text not a string") << QByteArray("{\"id\": 3, \"text\": 7}") << "stdin:3: field 'text'";
        QTest::newRow("no text") << QByteArray("{\"id\": 3}") << "stdin:3: field 'text'";
    }
    void badRecordStopsTheRun() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        QFETCH(QByteArray, third);
        QFETCH(QString, mentions);
        const QByteArray input = "{\"id\": 1, \"text\": \"手机\"}\n{\"id\": 2, \"text\": \"电池\"}\n" + third + "\n{\"id\": 4, \"text\": \"物流\"}\n";
        const CliRun r = cli({"embed", "--jsonl", "--model", kModel, "--quiet"}, input);
        QVERIFY2(r.code != 0, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), qPrintable(describe(r)));
        QVERIFY(!r.out.contains("\"id\":4"));  // nothing after the bad record
#endif
    }

    void optionsThatDoNotGoTogether_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("texts and --jsonl") << QStringList{"embed", "--jsonl", "手机"} << "--jsonl";
        QTest::newRow("--json and --jsonl") << QStringList{"embed", "--jsonl", "--json"} << "--jsonl";
        QTest::newRow("--vector-format alone") << QStringList{"embed", "--vector-format", "base64", "手机"} << "--vector-format";
        QTest::newRow("unknown vector format") << QStringList{"embed", "--jsonl", "--vector-format", "hex"} << "hex";
    }
    void optionsThatDoNotGoTogether() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        const CliRun r = cli(args + QStringList{"--model", kModel});
        QVERIFY2(r.code != 0, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), qPrintable(describe(r)));
#endif
    }
};

QTEST_MAIN(TestEmbedCli)
#include "TestEmbedCli.moc"
