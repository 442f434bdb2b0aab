// shelfsense-cli as a black box (QProcess): JSON shapes on stdout, exit statuses (0 ok, 1 usage,
// 2 input/data, 3 cancelled), messages naming file and line, an unchanged project after a failed or
// cancelled import, and no Qt among the binary's libraries.
#include <QtTest>
#include <QJsonArray>

#include <signal.h>
#include <sys/types.h>

#include "../core/io/TextFixture.h"
#include "../core/store/ProjectDump.h"
#include "CliRunner.h"
#include "embed/LanguageCoverage.h"

namespace {

const QRegularExpression kIso(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$"));

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    QString sample_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        QVERIFY2(QFileInfo(QStringLiteral(SS_CLI_PATH)).isExecutable(), SS_CLI_PATH);
        sample_ = dir_.filePath("sample.shelfsense");
        const CliRun r = cli({"sample", "--db", sample_, "--users", "300", "--items", "120", "--days", "60", "--seed", "3", "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        QCOMPARE(r.status, QProcess::NormalExit);
        const QJsonObject o = jsonObject(r);
        QVERIFY2(!o.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(o.value("items").toInteger(), 120);
        QCOMPARE(o.value("users").toInteger(), 300);
        QCOMPARE(o.value("events").toInteger(), count(sample_, "SELECT count(*) FROM events"));
        QCOMPARE(o.value("reviews").toInteger(), count(sample_, "SELECT count(*) FROM reviews"));
        QVERIFY(o.value("events").toInteger() > 300);
        QVERIFY(o.value("seconds").isDouble());
    }

    void qtIsNotLinked() {
        QProcess ldd;
        ldd.start("ldd", {QStringLiteral(SS_CLI_PATH)});
        QVERIFY(ldd.waitForFinished(30000));
        QCOMPARE(ldd.exitCode(), 0);
        const QString libraries = QString::fromUtf8(ldd.readAllStandardOutput());
        QVERIFY(libraries.contains("libsqlite3"));  // ldd did list the libraries
        for (const QString& line : libraries.split('\n')) QVERIFY2(!line.contains("libQt"), qPrintable(line));
    }

    void statsJson() {
        const CliRun r = cli({"stats", "--db", sample_, "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QVERIFY2(!o.isEmpty(), qPrintable(describe(r)));
        for (const char* key : {"items", "users", "events", "reviews", "first_event", "last_event"})
            QVERIFY2(o.contains(key), key);
        QCOMPARE(o.value("items").toInteger(), count(sample_, "SELECT count(*) FROM items"));
        QCOMPARE(o.value("users").toInteger(), count(sample_, "SELECT count(*) FROM users"));
        QCOMPARE(o.value("events").toInteger(), count(sample_, "SELECT count(*) FROM events"));
        QCOMPARE(o.value("reviews").toInteger(), count(sample_, "SELECT count(*) FROM reviews"));
        const QString first = o.value("first_event").toString(), last = o.value("last_event").toString();
        QVERIFY2(kIso.match(first).hasMatch(), qPrintable(first));
        QVERIFY2(kIso.match(last).hasMatch(), qPrintable(last));
        QCOMPARE(QDateTime::fromString(first, Qt::ISODate).toSecsSinceEpoch(), count(sample_, "SELECT min(ts) FROM events"));
        QCOMPARE(QDateTime::fromString(last, Qt::ISODate).toSecsSinceEpoch(), count(sample_, "SELECT max(ts) FROM events"));
        QVERIFY(first < last);
        // The sample starts on 2025-03-03 by default.
        QVERIFY(first.startsWith("2025-03"));
    }

    void statsOfEmptyProject() {
        QTemporaryDir dir;
        const QString db = dir.filePath("empty.shelfsense");
        // A failed import still leaves a valid (migrated, empty) project behind.
        const CliRun failed = cli({"import", "--db", db, "--format", "taobao", write(dir, "empty.csv", "")});
        QCOMPARE(failed.code, 2);
        const CliRun r = cli({"stats", "--db", db, "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QCOMPARE(o.value("events").toInteger(-1), 0);
        QVERIFY(o.value("first_event").isNull());
        QVERIFY(o.value("last_event").isNull());
    }

    void sampleIsDeterministic() {
        QTemporaryDir dir;
        QStringList stats;
        for (const char* name : {"a.shelfsense", "b.shelfsense"}) {
            const QString db = dir.filePath(name);
            const CliRun r = cli({"sample", "--db", db, "--users", "150", "--items", "60", "--days", "40", "--seed", "11", "--quiet"});
            QVERIFY2(r.code == 0, qPrintable(describe(r)));
            QVERIFY(!r.out.isEmpty());  // a human-readable summary without --json
            stats << QString::fromStdString(sstest::dumpProject(db.toStdString()));
        }
        QCOMPARE(stats[0], stats[1]);
    }

    void importJson() {
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        const QString file = write(dir, "taobao.csv",
                                   "1,2268318,2520377,pv,1511544070\n1,2333346,2520771,cart,1511561733\n"
                                   "1,2576651,149192,shout,1511572885\n100,2268318,2520377,buy,1505088000\n");
        const CliRun r = cli({"import", "--db", db, "--format", "taobao", "--json", file});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QVERIFY2(!o.isEmpty(), qPrintable(describe(r)));
        QCOMPARE(o.value("rows_read").toInteger(), 4);
        QCOMPARE(o.value("rows_imported").toInteger(), 3);
        QCOMPARE(o.value("rows_rejected").toInteger(), 1);
        QVERIFY(o.value("seconds").isDouble());
        QVERIFY(o.value("seconds").toDouble() >= 0);
        const QJsonArray rejects = o.value("rejects").toArray();
        QVERIFY(o.value("rejects").isArray());
        // the rejected row, and the kept-but-flagged row outside the collection window
        QCOMPARE(rejects.size(), 2);
        QCOMPARE(rejects[0].toObject().value("line").toInteger(), 3);
        QVERIFY(rejects[0].toObject().value("reason").toString().contains("unknown behaviour 'shout'"));
        QCOMPARE(rejects[1].toObject().value("line").toInteger(), 4);
        QVERIFY(rejects[1].toObject().value("reason").toString().contains("collection window"));
        QCOMPARE(count(db, "SELECT count(*) FROM events"), std::int64_t(3));

        // Again: nothing added, duplicates reported.
        const CliRun again = cli({"import", "--db", db, "--format", "taobao", "--json", file});
        QVERIFY2(again.code == 0, qPrintable(describe(again)));
        QCOMPARE(jsonObject(again).value("rows_imported").toInteger(-1), 0);
        QCOMPARE(jsonObject(again).value("rows_duplicate").toInteger(-1), 3);
        QCOMPARE(count(db, "SELECT count(*) FROM events"), std::int64_t(3));

        // --drop-outside-window turns the flagged row into a rejected one.
        const QString db2 = dir.filePath("p2.shelfsense");
        const CliRun dropped = cli({"import", "--db", db2, "--format", "taobao", "--drop-outside-window", "--json", file});
        QVERIFY2(dropped.code == 0, qPrintable(describe(dropped)));
        QCOMPARE(jsonObject(dropped).value("rows_imported").toInteger(), 2);
        QCOMPARE(jsonObject(dropped).value("rows_rejected").toInteger(), 2);
    }

    void importMappedCsv() {
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        const QString file = write(dir, "clicks.csv", "who,what,when\nu1,i1,2024-01-02T03:04:05Z\nu2,\"i, 2\",2024-01-03\n");
        const CliRun r = cli({"import", "--db", db, "--format", "csv", "--map", "who=user", "--map", "what=item", "--map=when=time",
                              "--event-type", "view", "--json", file});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        QCOMPARE(jsonObject(r).value("rows_imported").toInteger(), 2);
        QCOMPARE(count(db, "SELECT count(*) FROM items WHERE external_id='i, 2'"), std::int64_t(1));
        QCOMPARE(count(db, "SELECT count(*) FROM events WHERE type=1 AND ts=1704164645"), std::int64_t(1));
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("no command") << QStringList{};
        QTest::newRow("unknown command") << QStringList{"frobnicate"};
        QTest::newRow("unknown option") << QStringList{"stats", "--db", "x.shelfsense", "--bogus"};
        QTest::newRow("missing --db for stats") << QStringList{"stats", "--json"};
        QTest::newRow("missing --db for import") << QStringList{"import", "--format", "taobao", "f.csv"};
        QTest::newRow("missing --db for sample") << QStringList{"sample", "--users", "10"};
        QTest::newRow("missing --format") << QStringList{"import", "--db", "x.shelfsense", "f.csv"};
        QTest::newRow("unknown format") << QStringList{"import", "--db", "x.shelfsense", "--format", "parquet", "f.csv"};
        QTest::newRow("no file") << QStringList{"import", "--db", "x.shelfsense", "--format", "taobao"};
        QTest::newRow("option without value") << QStringList{"stats", "--db"};
        QTest::newRow("flag with value") << QStringList{"stats", "--db", "x.shelfsense", "--json=yes"};
        QTest::newRow("not an integer") << QStringList{"sample", "--db", "x.shelfsense", "--users", "many"};
        QTest::newRow("bad map") << QStringList{"import", "--db", "x.shelfsense", "--format", "csv", "--map", "user", "f.csv"};
        QTest::newRow("bad event type") << QStringList{"import", "--db", "x.shelfsense", "--format", "csv", "--event-type", "wave", "f.csv"};
        QTest::newRow("too small sample") << QStringList{"sample", "--db", "x.shelfsense", "--items", "5"};
        QTest::newRow("no test users") << QStringList{"evaluate", "--db", "x.shelfsense", "--test-users", "0"};
    }
    void usageErrors() {
        QFETCH(QStringList, args);
        QTemporaryDir dir;
        QStringList absolute;
        for (const QString& a : args) absolute << (a.endsWith(".shelfsense") || a.endsWith(".csv") ? dir.filePath(a) : a);
        const CliRun r = cli(absolute);
        QVERIFY2(r.code == 1, qPrintable(describe(r)));
        QCOMPARE(r.status, QProcess::NormalExit);
        QVERIFY(r.out.isEmpty());  // nothing on stdout for a usage error
        QVERIFY2(r.err.contains("usage") || r.err.contains("unknown") || r.err.contains("missing"), r.err.constData());
        QVERIFY(!QFileInfo::exists(dir.filePath("x.shelfsense")));  // a usage error touches nothing
    }

    void helpAndVersion_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("pattern");  // what stdout must match; nothing may go to stderr
        QTest::newRow("--help") << QStringList{"--help"} << "^usage: shelfsense-cli COMMAND(.|\\n)*\\n  import (.|\\n)*\\n  sentiment ";
        QTest::newRow("-h") << QStringList{"-h"} << "^usage: shelfsense-cli COMMAND";
        QTest::newRow("help") << QStringList{"help"} << "^usage: shelfsense-cli COMMAND";
        QTest::newRow("--version") << QStringList{"--version"} << "^shelfsense-cli \\d+\\.\\d+\\.\\d+( \\(git [0-9a-f]+(-dirty)?\\))?\\n$";
        QTest::newRow("a command's --help") << QStringList{"sample", "--help"} << "^usage: shelfsense-cli sample --db F";
        QTest::newRow("--help after options") << QStringList{"stats", "--db", "x.shelfsense", "--help"} << "^usage: shelfsense-cli stats --db F";
        QTest::newRow("a model command's -h") << QStringList{"evaluate", "-h"} << "^usage: shelfsense-cli evaluate --db F";
        // The commands that take recommenders list them, with each parameter's default (the catalog).
        QTest::newRow("evaluate lists recommenders") << QStringList{"evaluate", "--help"}
                                                     << "\\n  als: ALS \\(matrix factorisation\\)\\. (.|\\n)*\\n      als\\.factors +Length of the customer and item factor vectors\\. \\[64\\]\\n";
        QTest::newRow("recommend lists parameters") << QStringList{"recommend", "--help"}
                                                    << "\\n      twotower\\.epochs +Most passes over the training interactions\\. \\[20\\]\\n";
    }
    void helpAndVersion() {
        QFETCH(QStringList, args);
        QFETCH(QString, pattern);
        QTemporaryDir dir;
        QStringList absolute;
        for (const QString& a : args) absolute << (a.endsWith(".shelfsense") ? dir.filePath(a) : a);
        const CliRun r = cli(absolute);
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        QVERIFY2(QRegularExpression(pattern).match(QString::fromUtf8(r.out)).hasMatch(), qPrintable(describe(r)));
        QVERIFY2(r.err.isEmpty(), qPrintable(describe(r)));
        QVERIFY(!QFileInfo::exists(dir.filePath("x.shelfsense")));  // help touches nothing
    }

    void badFileLeavesProjectUnchanged_data() {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("mentions");  // besides the file name
        QTest::newRow("json as taobao") << "taobao" << QByteArray("{\"overall\": 5.0, \"reviewerID\": \"A\"}\n") << "line 1";
        QTest::newRow("csv as amazon") << "amazon-reviews" << QByteArray("a,b,c\nd,e,f\n") << "line 1";
        QTest::newRow("wrong retailrocket header") << "retailrocket" << QByteArray("ts,visitor\n1,2\n") << "line 1";
        QTest::newRow("transactions without customer column") << "transactions" << QByteArray("order,when,total\n1,2020-01-01,5\n") << "line 1";
        QTest::newRow("empty file") << "taobao" << QByteArray() << "empty";
    }
    void badFileLeavesProjectUnchanged() {
        QFETCH(QString, format);
        QFETCH(QByteArray, content);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const std::string before = sstest::dumpProject(db.toStdString());
        const QString file = write(dir, "bad_input.dat", content);
        const CliRun r = cli({"import", "--db", db, "--format", format, "--json", file});
        QVERIFY2(r.code == 2, qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.contains("bad_input.dat"), qPrintable(err));
        QVERIFY2(err.contains(mentions), qPrintable(err));
        QCOMPARE(QString::fromStdString(sstest::dumpProject(db.toStdString())), QString::fromStdString(before));
    }

    void inputErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("missing input file") << QStringList{"import", "--db", "@p.shelfsense", "--format", "taobao", "@nope.csv"} << "nope.csv";
        QTest::newRow("stats of missing project") << QStringList{"stats", "--db", "@absent.shelfsense", "--json"} << "absent.shelfsense";
        QTest::newRow("stats of a text file") << QStringList{"stats", "--db", "@notes.txt", "--json"} << "not a ShelfSense project";
        QTest::newRow("import into a text file") << QStringList{"import", "--db", "@notes.txt", "--format", "taobao", "@t.csv"}
                                                 << "not a ShelfSense project";
        QTest::newRow("sample into a used project") << QStringList{"sample", "--db", "@used.shelfsense"} << "already holds data";
    }
    void inputErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        write(dir, "notes.txt", "these are notes, not a database\n");
        write(dir, "t.csv", "1,2,3,pv,1511544070\n");
        QVERIFY(QFile::copy(sample_, dir.filePath("used.shelfsense")));
        QStringList resolved;
        for (const QString& a : args) resolved << (a.startsWith('@') ? dir.filePath(a.mid(1)) : a);
        const QByteArray notesBefore = "these are notes, not a database\n";
        const CliRun r = cli(resolved);
        QVERIFY2(r.code == 2, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(mentions), qPrintable(describe(r)));
        QFile notes(dir.filePath("notes.txt"));
        QVERIFY(notes.open(QIODevice::ReadOnly));
        QCOMPARE(notes.readAll(), notesBefore);
        QVERIFY(!QFileInfo::exists(dir.filePath("absent.shelfsense")));
    }

    void metricsReadsCompressedFiles() {
        // `metrics` reads gzip exports like plain CSV (one reader for every command), and names the
        // file, line and field of a bad row inside one.
        QTemporaryDir dir;
        const QByteArray truth = "user,item,rating\nu1,a,1\nu1,b,1\nu2,c,1\n";
        const QByteArray pred = "user,item,score\nu1,a,0.9\nu1,c,0.5\nu2,c,0.8\nu2,a,0.1\n";
        write(dir, "truth.csv", truth);
        write(dir, "pred.csv", pred);
        sstest::writeFixture(dir, "truth.csv.gz", truth, sstest::Gzip);
        sstest::writeFixture(dir, "pred.csv.gz", pred, sstest::Gzip);
        const CliRun plain = cli({"metrics", "--truth", dir.filePath("truth.csv"), "--pred", dir.filePath("pred.csv"), "--k", "2", "--json"});
        const CliRun packed = cli({"metrics", "--truth", dir.filePath("truth.csv.gz"), "--pred", dir.filePath("pred.csv.gz"), "--k", "2", "--json"});
        QVERIFY2(plain.code == 0, qPrintable(describe(plain)));
        QVERIFY2(packed.code == 0, qPrintable(describe(packed)));
        QVERIFY(!jsonObject(packed).isEmpty());
        QCOMPARE(jsonObject(packed)["metrics"], jsonObject(plain)["metrics"]);
        sstest::writeFixture(dir, "bad.csv.gz", "user,item,score\nu1,a,0.9\nu1,\"b\"x,0.5\n", sstest::Gzip);
        const CliRun bad = cli({"metrics", "--truth", dir.filePath("truth.csv.gz"), "--pred", dir.filePath("bad.csv.gz"), "--k", "2"});
        QVERIFY2(bad.code == 2, qPrintable(describe(bad)));
        QVERIFY2(QString::fromUtf8(bad.err).contains("bad.csv.gz:3: field 2"), qPrintable(describe(bad)));
    }

    void encodeAndStatsSayHowWellTheModelReads() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        // The sample shop's titles are half Chinese: the default English model does not know a good
        // share of their word pieces. `encode` measures it on every text, `stats` keeps saying it.
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const CliRun encoded = cli({"encode", "--db", db, "--target", "items", "--json", "--quiet"});
        QVERIFY2(encoded.code == 0, qPrintable(describe(encoded)));
        const QJsonObject coverage = jsonObject(encoded).value("coverage").toObject();
        QCOMPARE(coverage.value("texts").toInteger(), 120);
        QVERIFY(coverage.value("exact").toBool());
        QVERIFY(coverage.value("unknown_share").toDouble() > ss::LanguageCoverage::kWarnUnknownShare);
        const CliRun stats = cli({"stats", "--db", db, "--json"});
        QVERIFY2(stats.code == 0, qPrintable(describe(stats)));
        const QJsonArray kept = jsonObject(stats).value("language_coverage").toArray();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().toObject(), coverage);
        const CliRun text = cli({"stats", "--db", db});
        QVERIFY2(text.out.contains("does not know") && text.out.contains("items"), qPrintable(describe(text)));
#endif
    }

    void sampleInOneLanguage_data() {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected");  // in the first title, or in the error
        QTest::newRow("chinese") << "zh" << 0 << "";
        QTest::newRow("english") << "en" << 0 << "";
        QTest::newRow("unknown") << "fr" << 1 << "--language must be en, zh or both, got 'fr'";
    }
    void sampleInOneLanguage() {
        QFETCH(QString, language);
        QFETCH(int, code);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString db = dir.filePath("one.shelfsense");
        const CliRun r = cli({"sample", "--db", db, "--users", "40", "--items", "30", "--days", "30", "--language", language, "--json"});
        QVERIFY2(r.code == code, qPrintable(describe(r)));
        if (code) {
            QVERIFY2(QString::fromUtf8(r.err).contains(expected), qPrintable(describe(r)));
            return;
        }
        const QJsonObject stats = jsonObject(cli({"search", "--db", db, "--query", language == "zh" ? "咖啡" : "coffee", "--mode", "lexical", "--k", "1", "--json"}));
        const QString title = stats.value("results").toArray().first().toObject().value("title").toString();
        const bool chinese = title.contains(QRegularExpression("[\\x{4e00}-\\x{9fff}]"));
        QVERIFY2(chinese == (language == "zh") && !title.contains(" | "), qPrintable(title));
    }

    void recommendReusesTheKeptModel() {
#ifndef SS_CLI_HAS_MODELS
        QSKIP("built without the model module (LibTorch)");
#else
        // The first call trains ALS and keeps it in the project; the next one takes it from there and
        // answers the same; --retrain trains afresh (and still answers the same: same seed and data).
        const QStringList call = {"recommend", "--db", sample_, "--user", "U00001", "--recommender", "als", "--k", "5", "--json", "--quiet"};
        QJsonArray lists[3];
        bool fromProject[3] = {};
        const QStringList extra[3] = {{}, {}, {"--retrain"}};
        for (int run = 0; run < 3; ++run) {
            const CliRun r = cli(call + extra[run]);
            QVERIFY2(r.code == 0, qPrintable(describe(r)));
            const QJsonObject o = jsonObject(r);
            lists[run] = o.value("results").toArray();
            fromProject[run] = o.value("model_from_project").toBool();
            QCOMPARE(lists[run].size(), 5);
        }
        QVERIFY(!fromProject[0]);
        QVERIFY(fromProject[1]);
        QVERIFY(!fromProject[2]);
        for (int run = 1; run < 3; ++run)
            for (int i = 0; i < 5; ++i)
                QCOMPARE(lists[run][i].toObject().value("item").toString(), lists[0][i].toObject().value("item").toString());
        QCOMPARE(count(sample_, "SELECT count(*) FROM trained_models WHERE recommender='als'"), std::int64_t(1));
#endif
    }

    void interruptCancelsImport() {
        QTemporaryDir dir;
        const QString db = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const std::string before = sstest::dumpProject(db.toStdString());
        // A Taobao file big enough that the import is still running when the first progress line appears.
        QByteArray content;
        content.reserve(400000 * 32);
        for (int i = 0; i < 400000; ++i)
            content += QByteArray::number(1 + i % 5000) + "," + QByteArray::number(100000 + i % 77777) + ",7," +
                       (i % 9 ? "pv" : "buy") + "," + QByteArray::number(1511539300 + i % 700000) + "\n";
        const QString file = write(dir, "big.csv", content);
        QProcess p;
        p.setReadChannel(QProcess::StandardError);
        p.start(QStringLiteral(SS_CLI_PATH), {"import", "--db", db, "--format", "taobao", "--json", file});
        QVERIFY(p.waitForStarted());
        // Wait for the first progress line on stderr (rows are being written), then press Ctrl-C.
        QByteArray err;
        while (!err.contains("Importing: ") && p.state() == QProcess::Running) {
            p.waitForReadyRead(30000);
            err += p.readAllStandardError();
        }
        QVERIFY2(err.contains("Importing: "), err.constData());
        QCOMPARE(::kill(static_cast<pid_t>(p.processId()), SIGINT), 0);
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitStatus(), QProcess::NormalExit);
        err += p.readAllStandardError();
        QVERIFY2(p.exitCode() == 3, qPrintable(QString("exit %1: %2").arg(p.exitCode()).arg(QString::fromUtf8(err))));
        QVERIFY(err.contains("cancelled"));
        QVERIFY(p.readAllStandardOutput().isEmpty());
        QCOMPARE(QString::fromStdString(sstest::dumpProject(db.toStdString())), QString::fromStdString(before));
    }

    void cohortsJsonAndCsv_data() {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("defaults (week, on)") << QStringList{};
        QTest::newRow("month, on or after, purchase") << QStringList{"--period", "month", "--mode", "on-or-after", "--cohort-event", "first-purchase", "--return-event", "purchase"};
        QTest::newRow("brackets in a zone") << QStringList{"--period", "day", "--brackets", "1-3,4-7,8-14", "--timezone", "Asia/Shanghai"};
        QTest::newRow("recurring rolling") << QStringList{"--cohort-type", "recurring", "--window", "rolling", "--rate-base", "previous"};
        QTest::newRow("one segment") << QStringList{"--segment-by", "segment", "--segment", "regular"};
    }
    void cohortsJsonAndCsv() {
        QFETCH(QStringList, options);
        const CliRun r = cli(QStringList{"cohorts", "--db", sample_, "--json"} + options);
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QVERIFY(o.value("definition").toString().contains("cohort"));
        const QJsonArray cohorts = o.value("cohorts").toArray();
        QVERIFY(!cohorts.isEmpty());
        for (const auto& c : cohorts) {
            const QJsonObject row = c.toObject();
            const auto counts = row.value("counts").toArray();
            QVERIFY(row.value("start").toString().contains(QRegularExpression("^\\d{4}-\\d\\d-\\d\\d$")));
            QCOMPARE(counts.first().toInteger(), row.value("size").toInteger());
            QCOMPARE(row.value("rates").toArray().size(), counts.size());
            QCOMPARE(row.value("complete").toArray().size(), counts.size());
            QCOMPARE(row.value("ci95").toArray().size(), counts.size());
        }
        if (options.contains("Asia/Shanghai")) QVERIFY(o.value("definition").toString().contains("Asia/Shanghai"));
        const CliRun csv = cli(QStringList{"cohorts", "--db", sample_, "--csv"} + options);
        QVERIFY2(csv.code == 0, qPrintable(describe(csv)));
        QVERIFY(csv.out.startsWith("cohort,size,period,column,count,base,rate,ci_low,ci_high,complete"));
    }

    void survivalJson() {
        const CliRun r = cli({"survival", "--db", sample_, "--segment-by", "segment", "--churn-gap", "21", "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        const QJsonObject o = jsonObject(r);
        QCOMPARE(o.value("churn_gap_days").toInt(), 21);
        const QJsonArray curves = o.value("curves").toArray();
        QVERIFY(curves.size() >= 2);
        for (const auto& c : curves) {
            const QJsonObject curve = c.toObject();
            QCOMPARE(curve.value("days").toArray().size(), curve.value("survival").toArray().size());
            QCOMPARE(curve.value("days").toArray().first().toDouble(), 0.0);
        }
        const double p = o.value("log_rank").toObject().value("p_value").toDouble(-1);
        QVERIFY(p >= 0 && p <= 1);
        const CliRun all = cli({"survival", "--db", sample_, "--json"});
        QVERIFY2(all.code == 0, qPrintable(describe(all)));
        QCOMPARE(jsonObject(all).value("curves").toArray().size(), 1);
        QVERIFY(jsonObject(all).value("log_rank").isNull());
    }

    // Retention of the customers who took what a recommender recommended to them (a stored run)
    // against those who did not: a period-by-period comparison and survival curves, both named.
    void retentionByRecommendationsTaken() {
        const QString db = dir_.filePath("taken.shelfsense");
        QVERIFY(QFile::copy(sample_, db));
        const CliRun evaluated = cli({"evaluate", "--db", db, "--recommenders", "itemknn", "--bootstrap", "20", "--json"});
        QVERIFY2(evaluated.code == 0, qPrintable(describe(evaluated)));
        const qint64 run = jsonObject(evaluated).value("runs").toArray().first().toObject().value("run_id").toInteger();
        QVERIFY(run > 0);
        const QString by = QString("recommended-by:%1").arg(run);
        const CliRun compared = cli({"cohorts", "--db", db, "--segment-by", by, "--compare", "yes,no", "--json"});
        QVERIFY2(compared.code == 0, qPrintable(describe(compared)));
        const QJsonObject c = jsonObject(compared);
        QCOMPARE(c.value("segment_by").toString(), by);
        QVERIFY2(c.value("segment_description").toString().contains(QString("bought an item that itemknn recommended to them (run %1, top 10)").arg(run)),
                 qPrintable(describe(compared)));
        QCOMPARE(c.value("matrices").toArray().size(), 2);
        QVERIFY(!c.value("differences").toArray().isEmpty());
        const CliRun survival = cli({"survival", "--db", db, "--segment-by", by, "--json"});
        QVERIFY2(survival.code == 0, qPrintable(describe(survival)));
        const QJsonObject s = jsonObject(survival);
        QCOMPARE(s.value("curves").toArray().size(), 2);
        QVERIFY(s.value("grouped_by").toString().startsWith("whether the customer bought"));
        const CliRun missing = cli({"survival", "--db", db, "--segment-by", "recommended-by:999", "--json"});
        QCOMPARE(missing.code, 2);
        QVERIFY2(QString::fromUtf8(missing.err).contains("no stored evaluation run 999"), qPrintable(describe(missing)));
    }

    // A seeded sample of test customers: said in the split, the same customers each time, and the
    // run stored with it; the text output says the metrics are the sample's.
    void evaluateSampleOfTestUsers() {
        const QStringList args{"evaluate", "--db", sample_, "--recommenders", "popularity", "--bootstrap", "20", "--test-users", "7", "--no-store"};
        const CliRun a = cli(args + QStringList{"--json"});
        QVERIFY2(a.code == 0, qPrintable(describe(a)));
        const QJsonObject split = jsonObject(a).value("split").toObject();
        QCOMPARE(split.value("test_users").toInt(), 7);
        QVERIFY2(split.value("test_users_sampled_from").toInt() > 7, qPrintable(describe(a)));
        QCOMPARE(split.value("seed").toInteger(), 42);
        const QJsonObject run = jsonObject(a).value("runs").toArray().first().toObject();
        QVERIFY(run.value("ci95").toObject().contains("ndcg@10"));
        const CliRun b = cli(args + QStringList{"--json"});
        QCOMPARE(jsonObject(b).value("runs").toArray().first().toObject().value("metrics"), run.value("metrics"));
        const CliRun text = cli(args);
        QVERIFY2(text.code == 0, qPrintable(describe(text)));
        QVERIFY2(text.out.contains("7 test users (a sample of") && text.out.contains("metrics and intervals are the sample's"), text.out.constData());
    }

    void cohortErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad period") << QStringList{"cohorts", "--period", "year"} << 1 << "--period";
        QTest::newRow("overlapping brackets") << QStringList{"cohorts", "--brackets", "1-5,3-7"} << 1 << "overlap";
        QTest::newRow("three return events") << QStringList{"cohorts", "--return-event", "view,cart,purchase"} << 1 << "at most two";
        QTest::newRow("unknown zone") << QStringList{"cohorts", "--timezone", "Mars/Base"} << 2 << "Mars/Base";
        QTest::newRow("segment without grouping") << QStringList{"cohorts", "--segment", "x"} << 1 << "--segment-by";
        QTest::newRow("unknown segment") << QStringList{"survival", "--segment-by", "segment", "--segment", "nobody"} << 2 << "nobody";
        QTest::newRow("unknown grouping") << QStringList{"survival", "--segment-by", "zodiac"} << 1 << "zodiac";
        QTest::newRow("zero churn gap") << QStringList{"survival", "--churn-gap", "0"} << 1 << "--churn-gap";
    }
    void cohortErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        args << "--db" << sample_ << "--json";
        const CliRun r = cli(args);
        QVERIFY2(r.code == code, qPrintable(describe(r)));
        QVERIFY2(QString::fromUtf8(r.err).contains(message), qPrintable(describe(r)));
        QVERIFY(r.out.isEmpty());
        const CliRun missing = cli({"cohorts", "--db", dir_.filePath("missing.shelfsense")});
        QCOMPARE(missing.code, 2);
        QVERIFY(!QFileInfo::exists(dir_.filePath("missing.shelfsense")));
    }

    void membersAndSegments() {
        // The customers of week 1 of the first cohort, listed, saved as a segment, exported, deleted.
        const CliRun matrix = cli({"cohorts", "--db", sample_, "--period", "week", "--json"});
        QVERIFY2(matrix.code == 0, qPrintable(describe(matrix)));
        const QJsonObject first = jsonObject(matrix).value("cohorts").toArray().first().toObject();
        const QString cell = first.value("start").toString() + ":1";
        const qint64 expected = first.value("counts").toArray().at(1).toInteger();
        QVERIFY(expected > 0);
        const CliRun members = cli({"cohorts", "--db", sample_, "--period", "week", "--members", cell, "--json"});
        QVERIFY2(members.code == 0, qPrintable(describe(members)));
        QCOMPARE(jsonObject(members).value("customers").toArray().size(), expected);
        const CliRun saved = cli({"cohorts", "--db", sample_, "--period", "week", "--members", cell, "--save-segment", "week-one", "--json"});
        QVERIFY2(saved.code == 0, qPrintable(describe(saved)));
        QCOMPARE(count(sample_, "SELECT count(*) FROM segment_members"), expected);
        const CliRun twice = cli({"cohorts", "--db", sample_, "--period", "week", "--members", cell, "--save-segment", "week-one"});
        QCOMPARE(twice.code, 2);  // exists: not replaced silently
        const CliRun list = cli({"segments", "--db", sample_, "list", "--json"});
        QVERIFY2(list.code == 0, qPrintable(describe(list)));
        const QJsonArray segments = QJsonDocument::fromJson(list.out).array();
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments.first().toObject().value("customers").toInteger(), expected);
        const CliRun exported = cli({"segments", "--db", sample_, "export", "week-one"});
        QVERIFY2(exported.code == 0, qPrintable(describe(exported)));
        QCOMPARE(exported.out.count('\n'), int(expected) + 1);  // header + one line a customer
        const QString listFile = write(dir_, "customers.txt", exported.out.mid(exported.out.indexOf('\n') + 1));
        const CliRun fromFile = cli({"segments", "--db", sample_, "save", "copy", "--customers", listFile, "--json"});
        QVERIFY2(fromFile.code == 0, qPrintable(describe(fromFile)));
        QCOMPARE(jsonObject(fromFile).value("customers").toInteger(), expected);
        const CliRun arm = cli({"segments", "--db", sample_, "save", "control-arm", "--property", "variant=control", "--json"});
        QVERIFY2(arm.code == 0, qPrintable(describe(arm)));
        QCOMPARE(jsonObject(arm).value("customers").toInteger(), count(sample_, "SELECT count(*) FROM user_properties WHERE name='variant' AND value='control'"));
        const QString bad = write(dir_, "bad.txt", "nobody-1\nnobody-2\n");
        const CliRun unknown = cli({"segments", "--db", sample_, "save", "ghosts", "--customers", bad});
        QCOMPARE(unknown.code, 2);
        QVERIFY(unknown.err.contains("bad.txt"));
        for (const char* name : {"week-one", "copy", "control-arm"}) QCOMPARE(cli({"segments", "--db", sample_, "delete", name}).code, 0);
        QCOMPARE(cli({"segments", "--db", sample_, "delete", "week-one"}).code, 2);
        QCOMPARE(count(sample_, "SELECT count(*) FROM segments"), 0);

        // A survival step: the customers who churned after exactly N days, as many as the curve says.
        const CliRun curve = cli({"survival", "--db", sample_, "--json"});
        QVERIFY2(curve.code == 0, qPrintable(describe(curve)));
        const QJsonObject all = jsonObject(curve).value("curves").toArray().first().toObject();
        const QJsonArray days = all.value("days").toArray(), churned = all.value("churned_at").toArray();
        int step = 0;
        while (step < days.size() && churned.at(step).toInteger() == 0) ++step;
        QVERIFY(step < days.size());
        const QString day = QString::number(days.at(step).toInteger());
        const CliRun churners = cli({"survival", "--db", sample_, "--churned-at", day, "--save-segment", "churned", "--json"});
        QVERIFY2(churners.code == 0, qPrintable(describe(churners)));
        QCOMPARE(jsonObject(churners).value("customers").toArray().size(), churned.at(step).toInteger());
        QCOMPARE(count(sample_, "SELECT count(*) FROM segment_members"), churned.at(step).toInteger());
        QCOMPARE(cli({"segments", "--db", sample_, "delete", "churned"}).code, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
