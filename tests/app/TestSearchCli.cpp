// `search` (by words, meaning or both) and `models` (the model manager) as a black box, on a small
// sample shop and a models folder of the test's own.
#include <QtTest>
#include <QDir>
#include <QJsonArray>

#include "CliRunner.h"

class TestSearchCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString sample_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        sample_ = dir_.filePath("sample.shelfsense");
        const CliRun r = cli({"sample", "--db", sample_, "--users", "300", "--items", "120", "--days", "60", "--seed", "3", "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
    }

    void searchByWordsMeaningOrBoth() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        // Lexical search needs no model (a missing one is not even looked at); hybrid search with the
        // English model on a Chinese query ("coffee") gives the words all the weight and ranks exactly as lexical;
        // several queries are answered in one run.
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const CliRun lexical = cli({"search", "--db", db, "--query", "咖啡", "--mode", "lexical", "--model", dir.filePath("none"), "--k", "3", "--json"});
        QVERIFY2(lexical.code == 0, qPrintable(describe(lexical)));
        const QJsonArray words = jsonObject(lexical).value("results").toArray();
        QVERIFY(!words.isEmpty());
        for (const auto& hit : words)
            QVERIFY((hit.toObject().value("title").toString() + hit.toObject().value("category").toString()).contains("咖啡"));
        QCOMPARE(words.first().toObject().value("lexical_rank").toInt(), 1);
        QVERIFY(!jsonObject(lexical).contains("model"));

        const CliRun hybrid = cli({"search", "--db", db, "--query", "咖啡", "--k", "3", "--json", "--quiet"});
        QVERIFY2(hybrid.code == 0, qPrintable(describe(hybrid)));
        const QJsonObject answer = jsonObject(hybrid);
        QCOMPARE(answer.value("mode").toString(), QString("hybrid"));
        QCOMPARE(answer.value("weights").toObject().value("semantic").toDouble(), 0.0);
        QVERIFY(answer.value("query_unknown_share").toDouble() >= 0.5);
        const QJsonArray both = answer.value("results").toArray();
        QCOMPARE(both.size(), words.size());
        for (int i = 0; i < both.size(); ++i)
            QCOMPARE(both[i].toObject().value("item"), words[i].toObject().value("item"));

        write(dir, "queries.txt", "espresso machine\n\n绿茶\n");
        const CliRun batch = cli({"search", "--db", db, "--input", dir.filePath("queries.txt"), "--mode", "semantic", "--k", "2", "--json", "--quiet"});
        QVERIFY2(batch.code == 0, qPrintable(describe(batch)));
        const QJsonArray searches = jsonObject(batch).value("searches").toArray();
        QCOMPARE(searches.size(), 2);
        QCOMPARE(searches[1].toObject().value("query").toString(), QString("绿茶"));
        QVERIFY(searches[0].toObject().value("results").toArray().first().toObject().contains("cosine"));
#endif
    }

    void modelsAreListedVerifiedAndRemoved() {
        // The model manager from the command line, on a models folder of its own (XDG_DATA_HOME).
        QTemporaryDir data;
        const QByteArray saved = qgetenv("XDG_DATA_HOME");
        qputenv("XDG_DATA_HOME", data.path().toUtf8());
        const auto restore = qScopeGuard([&] { if (saved.isNull()) qunsetenv("XDG_DATA_HOME"); else qputenv("XDG_DATA_HOME", saved); });
        const CliRun empty = cli({"models", "list", "--json"});
        QVERIFY2(empty.code == 0, qPrintable(describe(empty)));
        QVERIFY(jsonObject(empty).value("models").toArray().isEmpty());

        const CliRun added = cli({"models", "add", SS_TEST_DATA_DIR "/model/tiny-chinese-bert", "--json"});
        QVERIFY2(added.code == 0, qPrintable(describe(added)));
        QCOMPARE(jsonObject(added).value("language").toString(), QStringLiteral("chinese"));
        QCOMPARE(jsonObject(added).value("dimension").toInt(), 32);
        QVERIFY(jsonObject(added).value("source").toString().endsWith("tiny-chinese-bert"));

        const CliRun listed = cli({"models", "list", "--db", sample_, "--json"});
        QVERIFY2(listed.code == 0, qPrintable(describe(listed)));
        const QJsonArray models = jsonObject(listed).value("models").toArray();
        QCOMPARE(models.size(), 1);
        QCOMPARE(models[0].toObject().value("name").toString(), QStringLiteral("tiny-chinese-bert"));
        QVERIFY(models[0].toObject().value("coverage").isArray());  // none kept yet for this model in the project

        const CliRun verified = cli({"models", "verify", "tiny-chinese-bert"});
        QVERIFY2(verified.code == 0 && verified.out.contains("chinese"), qPrintable(describe(verified)));
        QVERIFY(QFile::remove(data.filePath("shelfsense/models/tiny-chinese-bert/model.safetensors")));
        const CliRun damaged = cli({"models", "verify", "tiny-chinese-bert"});
        QVERIFY2(damaged.code != 0 && damaged.err.contains("model.safetensors is missing"), qPrintable(describe(damaged)));

        const CliRun removed = cli({"models", "remove", "tiny-chinese-bert", "--json"});
        QVERIFY2(removed.code == 0, qPrintable(describe(removed)));
        QVERIFY(!QDir(data.filePath("shelfsense/models/tiny-chinese-bert")).exists());
        const CliRun again = cli({"models", "remove", "tiny-chinese-bert"});
        QVERIFY2(again.code != 0 && again.err.contains("no model called"), qPrintable(describe(again)));
    }

    void searchRefusesBadOptions_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown mode") << QStringList{"--query", "tea", "--mode", "fuzzy"} << "--mode must be hybrid, lexical or semantic";
        QTest::newRow("weight out of range") << QStringList{"--query", "tea", "--semantic-weight", "1.5"} << "--semantic-weight must be between 0 and 1";
        QTest::newRow("weight not a number") << QStringList{"--query", "tea", "--semantic-weight", "half"} << "needs a number, got 'half'";
        QTest::newRow("no query") << QStringList{} << "search needs --query TEXT or --input FILE";
    }
    void searchRefusesBadOptions() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        QFETCH(QStringList, options);
        QFETCH(QString, message);
        const CliRun r = cli(QStringList{"search", "--db", sample_} + options);
        QVERIFY2(r.code != 0, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(describe(r)));
#endif
    }

};

QTEST_GUILESS_MAIN(TestSearchCli)
#include "TestSearchCli.moc"
