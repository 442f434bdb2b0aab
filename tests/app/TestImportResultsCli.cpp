// `import-results` as a black box with the tiny Chinese BERT fixture: vectors made elsewhere from an
// export's texts (here by `embed --jsonl`) fill the embedding cache so that `encode` finds every item
// cached and encodes none; a folder of part files reads like one file; a bad record (unknown id,
// wrong dimension) names its file, line and field and leaves the cache as it was. ALS factors made
// elsewhere (`--als`, the folder cluster/als.py writes) are served by `recommend --recommender
// als_imported` with the factors' own scores; a bad folder changes nothing.
#include <QtTest>
#include <QDir>
#include <QJsonArray>

#include "CliRunner.h"
#include "../core/store/ProjectDump.h"

namespace {

const QString kModel = QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert");

}  // namespace

class TestImportResultsCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString sample_;
    QByteArray vectors_;  // embed --jsonl output for every item of the sample

private slots:
    void initTestCase() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        QVERIFY(dir_.isValid());
        sample_ = dir_.filePath("sample.shelfsense");
        const CliRun sample = cli({"sample", "--db", sample_, "--users", "80", "--items", "36", "--days", "30", "--seed", "2", "--json"});
        QVERIFY2(sample.code == 0, qPrintable(describe(sample)));
        const CliRun exported = cli({"export", "--db", sample_, "--to", dir_.filePath("export"), "--format", "jsonl", "--quiet"});
        QVERIFY2(exported.code == 0, qPrintable(describe(exported)));
        QFile items(dir_.filePath("export/items.jsonl"));
        QVERIFY(items.open(QIODevice::ReadOnly));
        QByteArray records;
        for (const QByteArray& line : items.readAll().split('\n')) {
            if (line.isEmpty()) continue;
            const QJsonObject item = QJsonDocument::fromJson(line).object();
            records += QJsonDocument(QJsonObject{{"id", item.value("item")}, {"text", item.value("text")}}).toJson(QJsonDocument::Compact) + "\n";
        }
        const CliRun embedded = cli({"embed", "--jsonl", "--vector-format", "base64", "--model", kModel, "--quiet"}, records);
        QVERIFY2(embedded.code == 0, qPrintable(describe(embedded)));
        vectors_ = embedded.out;
        QCOMPARE(vectors_.count('\n'), 36);
#endif
    }

    void importedVectorsAreTheCache() {
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        // Two part files and Spark's marker files, as a cluster job leaves them.
        const QList<QByteArray> lines = vectors_.trimmed().split('\n');
        QVERIFY(QDir(dir.path()).mkpath("vectors"));
        write(dir, "vectors/part-00000.json", lines.mid(0, 20).join('\n') + "\n");
        write(dir, "vectors/part-00001.json", lines.mid(20).join('\n') + "\n");
        write(dir, "vectors/_SUCCESS", "");
        write(dir, "vectors/.part-00000.json.crc", "x");
        const CliRun imported = cli({"import-results", "--db", db, "--vectors", dir.filePath("vectors"), "--target", "items", "--model", kModel, "--json", "--quiet"});
        QVERIFY2(imported.code == 0, qPrintable(describe(imported)));
        QCOMPARE(jsonObject(imported).value("stored").toInt(), 36);
        QCOMPARE(jsonObject(imported).value("files").toInt(), 2);
        QCOMPARE(count(db, "SELECT count(*) FROM embeddings WHERE target = 'items'"), std::int64_t(36));

        const CliRun encoded = cli({"encode", "--db", db, "--target", "items", "--model", kModel, "--json", "--quiet"});
        QVERIFY2(encoded.code == 0, qPrintable(describe(encoded)));
        QCOMPARE(jsonObject(encoded).value("encoded").toInt(), 0);  // the imported vectors are the model's own
        QCOMPARE(jsonObject(encoded).value("cached").toInt(), 36);
    }

    void badRecordsChangeNothing_data() {
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown item") << QByteArray("{\"id\": \"SKU-99999\", \"vector\": [0.5]}") << "vectors.jsonl:2: field 'id'";
        QTest::newRow("wrong dimension") << QByteArray("{\"id\": \"SKU-00002\", \"vector\": [0.5, 0.25]}") << "vectors.jsonl:2: field 'vector'";
        QTest::newRow("not base64") << QByteArray("{\"id\": \"SKU-00002\", \"vector\": \"@@@@\"}") << "vectors.jsonl:2: field 'vector'";
        QTest::newRow("no id") << QByteArray("{\"vector\": [0.5]}") << "vectors.jsonl:2: field 'id'";
        QTest::newRow("not JSON") << QByteArray("{\"id\": ") << "vectors.jsonl:2";
    }
    void badRecordsChangeNothing() {
        QFETCH(QByteArray, second);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const QByteArray first = vectors_.left(vectors_.indexOf('\n'));
        const CliRun r = cli({"import-results", "--db", db, "--vectors", write(dir, "vectors.jsonl", first + "\n" + second + "\n"), "--target", "items",
                              "--model", kModel, "--quiet"});
        QVERIFY2(r.code != 0, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), qPrintable(describe(r)));
        QCOMPARE(count(db, "SELECT count(*) FROM embeddings"), std::int64_t(0));  // the first, good record is not kept either
    }

    void alsFactorsAreServed_data() {
        QTest::addColumn<bool>("damaged");
        QTest::newRow("good") << false;
        QTest::newRow("one short vector") << true;
    }
    void alsFactorsAreServed() {
        QFETCH(bool, damaged);
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        // Factors for every exported customer and item: f(id) = (n mod 7, n mod 5, 1) / 10 for the n-th.
        auto factorLines = [&](const QString& table, const QString& key) {
            QFile in(dir_.filePath("export/" + table + ".jsonl"));
            if (!in.open(QIODevice::ReadOnly)) return QByteArray();
            QByteArray out;
            int n = 0;
            for (const QByteArray& line : in.readAll().split('\n')) {
                if (line.isEmpty()) continue;
                const QJsonValue id = QJsonDocument::fromJson(line).object().value(key);
                const QJsonArray features{(n % 7) / 10.0, (n % 5) / 10.0, 0.1};
                out += QJsonDocument(QJsonObject{{"id", id}, {"features", features}}).toJson(QJsonDocument::Compact) + "\n";
                ++n;
            }
            return out;
        };
        QVERIFY(QDir(dir.path()).mkpath("als/users") && QDir(dir.path()).mkpath("als/items"));
        write(dir, "als/model.json", R"({"recommender": "als", "engine": "spark-mllib", "factors": 3, "alpha": 1, "regularization": 0.01,
                                        "regularization_scaled_by_pairs": true, "trained_until": 2000000000})");
        QByteArray users = factorLines("users", "user");
        QVERIFY(users.count('\n') > 10);
        if (damaged) users += "{\"id\": \"late\", \"features\": [0.1, 0.2]}\n";
        write(dir, "als/users/part-00000.json", users);
        write(dir, "als/items/part-00000.json", factorLines("items", "item"));
        const std::string before = sstest::dumpProject(db.toStdString());
        const CliRun imported = cli({"import-results", "--db", db, "--als", dir.filePath("als"), "--json"});
        if (damaged) {
            QVERIFY2(imported.code != 0, qPrintable(describe(imported)));
            QVERIFY2(QString::fromUtf8(imported.err).contains(QString("part-00000.json:%1: field 'features'").arg(users.count('\n'))),
                     qPrintable(describe(imported)));
            QVERIFY(sstest::dumpProject(db.toStdString()) == before);  // nothing kept, nothing changed
            return;
        }
        QVERIFY2(imported.code == 0, qPrintable(describe(imported)));
        QCOMPARE(jsonObject(imported).value("items_matched").toInt(), 36);
        QCOMPARE(jsonObject(imported).value("items_unknown").toInt(), 0);
        const QString user = QJsonDocument::fromJson(users.left(users.indexOf('\n'))).object().value("id").toString();
        const CliRun served = cli({"recommend", "--db", db, "--user", user, "--recommender", "als_imported", "--k", "5", "--json", "--quiet"});
        QVERIFY2(served.code == 0, qPrintable(describe(served)));
        const QJsonArray results = jsonObject(served).value("results").toArray();
        QCOMPARE(results.size(), 5);
        // The first customer's factors are (0, 0, 0.1): every score is 0.1 × the item's third factor, 0.1.
        for (const QJsonValue& r : results) QVERIFY(std::abs(r.toObject().value("score").toDouble() - 0.01) < 1e-6);
    }
};

QTEST_MAIN(TestImportResultsCli)
#include "TestImportResultsCli.moc"
