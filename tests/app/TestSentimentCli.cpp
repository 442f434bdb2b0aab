// `shelfsense-cli sentiment` as a black box on the sample shop: train (TF-IDF without the encoder;
// with it when the default model is installed) prints DESIGN §3's report shape with the baseline and
// classifier blocks, is reused on a second call, apply labels every review, report adds the overview,
// topics groups the complaints, predict labels new texts, and bad requests exit with usage (1) or
// data (2) errors, touching nothing.
#include <QtTest>
#include <QJsonArray>

#include "CliRunner.h"

class TestSentimentCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString sample_;

private slots:
    void initTestCase() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#endif
        QVERIFY(dir_.isValid());
        sample_ = dir_.filePath("sample.shelfsense");
        const CliRun r = cli({"sample", "--db", sample_, "--users", "1500", "--items", "100", "--days", "90", "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        QVERIFY(count(sample_, "SELECT count(*) FROM reviews") > 300);
    }

    void trainReportsEveryClassifier() {
        const CliRun r = cli({"sentiment", "train", "--db", sample_, "--no-encoder", "--json", "--quiet"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QCOMPARE(o.value("model").toString(), QStringLiteral("tfidf"));
        const QJsonObject heldout = o.value("heldout").toObject();
        QVERIFY(heldout.value("accuracy").toDouble() > 0.8);
        QVERIFY(heldout.value("macro_f1").toDouble() > 0.8);
        QVERIFY(heldout.value("n").toInteger() > 10);
        QCOMPARE(o.value("baseline").toObject().value("classifier").toString(), QStringLiteral("tfidf"));
        QCOMPARE(o.value("classifiers").toArray().size(), 4);
        QCOMPARE(o.value("classifiers").toArray()[1].toObject().value("skipped").toString(), QStringLiteral("not asked for (--no-encoder)"));
        QCOMPARE(o.value("classifiers").toArray()[3].toObject().value("classifier").toString(), QStringLiteral("finetune"));
        QCOMPARE(o.value("split").toObject().value("grouped_by").toString(), QStringLiteral("reviewer"));
        // Only TF-IDF was trained: nothing to choose between.
        QCOMPARE(o.value("choice").toString(), QStringLiteral("cheapest unless beaten on validation"));
        QVERIFY(o.value("choice_tests").toArray().isEmpty());
        QVERIFY(!o.value("reused").toBool());
        const CliRun again = cli({"sentiment", "train", "--db", sample_, "--no-encoder", "--json", "--quiet"});
        QVERIFY2(again.code == 0, qPrintable(describe(again)));
        QVERIFY(jsonObject(again).value("reused").toBool());
    }

    void applyReportAndPredict() {
        const CliRun applied = cli({"sentiment", "apply", "--db", sample_, "--json", "--quiet"});
        QVERIFY2(applied.code == 0, qPrintable(describe(applied)));
        const auto reviews = count(sample_, "SELECT count(*) FROM reviews");
        QCOMPARE(jsonObject(applied).value("labelled_now").toInteger() + jsonObject(applied).value("already_labelled").toInteger(), reviews);
        QCOMPARE(count(sample_, "SELECT count(*) FROM review_sentiment"), reviews);

        const CliRun report = cli({"sentiment", "report", "--db", sample_, "--items", "5", "--json"});
        QVERIFY2(report.code == 0, qPrintable(describe(report)));
        const QJsonObject o = jsonObject(report);
        QCOMPARE(o.value("model").toString(), QStringLiteral("tfidf"));
        const QJsonObject overview = o.value("overview").toObject();
        QCOMPARE(overview.value("items").toArray().size(), 5);
        QVERIFY(overview.value("categories").toArray().size() >= 2);
        QVERIFY(!overview.value("months").toArray().isEmpty());
        const QJsonObject total = overview.value("total").toObject();
        QCOMPARE(total.value("negative").toInteger() + total.value("neutral").toInteger() + total.value("positive").toInteger() +
                     total.value("unlabelled").toInteger(), reviews);

        const QString texts = write(dir_, "texts.txt", "Terrible, it broke after a day. Want a refund.\n");
        const CliRun predicted = cli({"sentiment", "predict", "--db", sample_, "--json", "Absolutely love it, great quality", "--input", texts});
        QVERIFY2(predicted.code == 0, qPrintable(describe(predicted)));
        const QJsonArray labels = QJsonDocument::fromJson(predicted.out).array();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].toObject().value("label").toString(), QStringLiteral("positive"));
        QCOMPARE(labels[1].toObject().value("label").toString(), QStringLiteral("negative"));
        QVERIFY(labels[1].toObject().value("probability").toDouble() > 0.5);
    }

    void topicsOfComplaints() {
        const CliRun r = cli({"sentiment", "topics", "--db", sample_, "--no-encoder", "--json", "--quiet"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QCOMPARE(o.value("polarity").toString(), QStringLiteral("negative"));
        QVERIFY(o.value("vectors").toString().startsWith("TF-IDF"));
        const QJsonArray topics = o.value("topics").toArray();
        QVERIFY(topics.size() >= 2);
        qint64 members = 0;
        for (const auto& t : topics) {
            QVERIFY(t.toObject().value("terms").toArray().size() >= 3);
            QVERIFY(!t.toObject().value("snippets").toArray().isEmpty());
            members += t.toObject().value("size").toInteger();
        }
        QCOMPARE(members, o.value("reviews").toInteger());
    }

    void sentimentInRecommendations() {
        // Evaluation measures, per recommender, the share of recommended products customers mostly
        // complain about; burying products above a share of negative reviews lowers it (offline) and
        // is reported with the live list.
        const QStringList evaluate = {"evaluate", "--db", sample_, "--recommenders", "popularity", "--k", "10", "--no-store", "--json", "--quiet"};
        const CliRun plain = cli(evaluate);
        QVERIFY2(plain.code == 0, qPrintable(describe(plain)));
        const double before = jsonObject(plain).value("runs").toArray()[0].toObject().value("beyond_accuracy").toObject().value("negative_share").toDouble(-1);
        QVERIFY(before >= 0 && before <= 1);
        const CliRun buried = cli(evaluate + QStringList{"--bury-negative", "0.5"});
        QVERIFY2(buried.code == 0, qPrintable(describe(buried)));
        const double after = jsonObject(buried).value("runs").toArray()[0].toObject().value("beyond_accuracy").toObject().value("negative_share").toDouble(-1);
        QVERIFY2(after >= 0 && after <= before, qPrintable(QString("%1 -> %2").arg(before).arg(after)));
        if (before > 0) QVERIFY(after < before);
        const CliRun live = cli({"recommend", "--db", sample_, "--user", "U00001", "--recommender", "popularity", "--k", "5", "--bury-negative", "0.5", "--json", "--quiet"});
        QVERIFY2(live.code == 0, qPrintable(describe(live)));
        const QJsonObject rules = jsonObject(live).value("rules").toObject();
        QCOMPARE(rules.value("bury_negative_share_above").toDouble(), 0.5);
        QVERIFY(rules.value("bury_negative_items").toInteger() > 0);
        QCOMPARE(cli({"recommend", "--db", sample_, "--user", "U00001", "--bury-negative", "1.5"}).code, 1);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::newRow("no action") << QStringList{"sentiment"} << 1;
        QTest::newRow("unknown action") << QStringList{"sentiment", "explain", "--db", "SAMPLE"} << 1;
        QTest::newRow("bad classes") << QStringList{"sentiment", "train", "--db", "SAMPLE", "--classes", "5"} << 1;
        QTest::newRow("bad labels") << QStringList{"sentiment", "train", "--db", "SAMPLE", "--labels", "vibes"} << 1;
        QTest::newRow("bad classifier") << QStringList{"sentiment", "train", "--db", "SAMPLE", "--classifier", "svm"} << 1;
        QTest::newRow("predict without text") << QStringList{"sentiment", "predict", "--db", "SAMPLE"} << 1;
        QTest::newRow("bad polarity") << QStringList{"sentiment", "topics", "--db", "SAMPLE", "--polarity", "neutral"} << 1;
        QTest::newRow("bad vectors") << QStringList{"sentiment", "topics", "--db", "SAMPLE", "--vectors", "word2vec"} << 1;
        QTest::newRow("no imported labels") << QStringList{"sentiment", "train", "--db", "SAMPLE", "--labels", "imported", "--no-encoder"} << 2;
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        const auto runs = count(sample_, "SELECT count(*) FROM sentiment_runs");
        args.replaceInStrings("SAMPLE", sample_);
        const CliRun r = cli(args);
        QVERIFY2(r.code == code, qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
        QCOMPARE(count(sample_, "SELECT count(*) FROM sentiment_runs"), runs);
    }

    void predictBeforeTrainingSaysSo() {
        QTemporaryDir dir;
        const QString db = dir.filePath("fresh.shelfsense");
        QCOMPARE(cli({"sample", "--db", db, "--users", "200", "--items", "60", "--days", "30"}).code, 0);
        const CliRun r = cli({"sentiment", "predict", "--db", db, "fine"});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("sentiment train"), r.err.constData());
    }

    void headsWithTheDefaultEncoder() {
        // Needs the default model (scripts/install-model.sh); a fresh machine's test command installs it.
        const CliRun r = cli({"sentiment", "train", "--db", sample_, "--json", "--quiet"});
        if (r.code != 0 && r.err.contains("model")) QSKIP("the default encoder model is not installed");
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        const QJsonArray list = o.value("classifiers").toArray();
        QCOMPARE(list.size(), 4);
        for (int i = 0; i < 3; ++i)
            QVERIFY2(list[i].toObject().value("trained").toBool(), qPrintable(list[i].toObject().value("skipped").toString()));
        // Fine-tuning costs minutes on a CPU: only when asked for.
        QCOMPARE(list[3].toObject().value("skipped_code").toString(), QStringLiteral("not-enabled"));
        QCOMPARE(o.value("comparisons").toArray().size(), 2);
        // The sample shop's validation part is small: the choice cross-validates.
        QCOMPARE(o.value("choice").toString(), QStringLiteral("best cross-validated macro-F1"));
        QCOMPARE(o.value("cross_validation_folds").toInt(), 5);
        for (int i = 0; i < 3; ++i) QVERIFY(list[i].toObject().contains("cross_validation_macro_f1"));
        const double unknown = o.value("encoder").toObject().value("unknown_token_rate").toDouble();
        QVERIFY(unknown >= 0 && unknown < 1);
        QCOMPARE(count(sample_, "SELECT count(*) FROM embeddings WHERE target='reviews'"), count(sample_, "SELECT count(*) FROM reviews"));
    }

    void fineTunedEncoder() {
        // Needs the default model, like the heads. One short epoch on a sample of the training reviews.
        QTemporaryDir dir;
        const QString db = dir.filePath("tuned.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const auto vectorsBefore = count(db, "SELECT count(*) FROM embeddings");
        const CliRun r = cli({"sentiment", "train", "--db", db, "--classifier", "finetune", "--finetune-epochs", "1", "--finetune-max", "300",
                              "--finetune-layers", "1", "--json", "--quiet"});
        if (r.code != 0 && r.err.contains("model")) QSKIP("the default encoder model is not installed");
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QCOMPARE(o.value("model").toString(), QStringLiteral("finetune"));
        QJsonObject tuned;
        for (const auto& c : o.value("classifiers").toArray())
            if (c.toObject().value("classifier").toString() == "finetune") tuned = c.toObject();
        QVERIFY(tuned.value("trained").toBool());
        QCOMPARE(tuned.value("tuned_layers").toInt(), 1);
        QCOMPARE(tuned.value("encoder_layers").toInt(), 6);
        QCOMPARE(tuned.value("tuning_texts").toInt(), 300);
        QCOMPARE(tuned.value("epochs").toInt(), 1);
        QVERIFY(tuned.value("heldout").toObject().value("accuracy").toDouble() > 0.8);

        // Applying labels every review; the tuned vectors belong to the classifier and are not cached.
        const auto cachedAfterTraining = count(db, "SELECT count(*) FROM embeddings");
        QVERIFY(cachedAfterTraining >= vectorsBefore);
        const CliRun applied = cli({"sentiment", "apply", "--db", db, "--json", "--quiet"});
        QVERIFY2(applied.code == 0, qPrintable(describe(applied)));
        QCOMPARE(jsonObject(applied).value("classifier").toString(), QStringLiteral("finetune"));
        QCOMPARE(count(db, "SELECT count(*) FROM review_sentiment WHERE classifier LIKE 'finetune-%'"), count(db, "SELECT count(*) FROM reviews"));
        QCOMPARE(count(db, "SELECT count(*) FROM embeddings"), cachedAfterTraining);

        const CliRun predicted = cli({"sentiment", "predict", "--db", db, "--json", "Terrible, it broke after two days and support never answered.",
                                      "Excellent quality, works perfectly, I love it."});
        QVERIFY2(predicted.code == 0, qPrintable(describe(predicted)));
        const QJsonArray labels = QJsonDocument::fromJson(predicted.out).array();
        QCOMPARE(labels.size(), 2);
        QCOMPARE(labels[0].toObject().value("label").toString(), QStringLiteral("negative"));
        QCOMPARE(labels[1].toObject().value("label").toString(), QStringLiteral("positive"));
    }

    void fineTuneOptionsChecked_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no layers") << QStringList{"--finetune-layers", "0"};
        QTest::newRow("no epochs") << QStringList{"--finetune-epochs", "0"};
        QTest::newRow("negative sample") << QStringList{"--finetune-max", "-1"};
        QTest::newRow("not a number") << QStringList{"--finetune-layers", "two"};
    }
    void fineTuneOptionsChecked() {
        QFETCH(QStringList, args);
        const auto runs = count(sample_, "SELECT count(*) FROM sentiment_runs");
        const CliRun r = cli(QStringList{"sentiment", "train", "--db", sample_, "--classifier", "finetune"} + args);
        QVERIFY2(r.code == 1, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("--finetune"), r.err.constData());
        QCOMPARE(count(sample_, "SELECT count(*) FROM sentiment_runs"), runs);
    }
};

QTEST_GUILESS_MAIN(TestSentimentCli)
#include "TestSentimentCli.moc"
