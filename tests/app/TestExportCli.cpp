// `export` as a black box on a small sample shop: every table's rows match `stats`, the manifest
// lists them, a folder with other files is refused untouched, and a bad --format is a usage error.
#include <QtTest>
#include <QDir>
#include <QJsonArray>

#include "CliRunner.h"

class TestExportCli : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString sample_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        sample_ = dir_.filePath("sample.shelfsense");
        const CliRun r = cli({"sample", "--db", sample_, "--users", "200", "--items", "60", "--days", "40", "--seed", "5", "--json"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
    }

    void exportsWhatStatsCounts_data() {
        QTest::addColumn<QString>("format");
        QTest::newRow("csv") << "csv";
        QTest::newRow("jsonl") << "jsonl";
    }
    void exportsWhatStatsCounts() {
        QFETCH(QString, format);
        const CliRun stats = cli({"stats", "--db", sample_, "--json"});
        QVERIFY2(stats.code == 0, qPrintable(describe(stats)));
        const QString folder = dir_.filePath("export-" + format);
        const CliRun r = cli({"export", "--db", sample_, "--to", folder, "--format", format, "--json", "--quiet"});
        QVERIFY2(r.code == 0, qPrintable(describe(r)));
        QMap<QString, qint64> rows;
        for (const auto& t : jsonObject(r).value("tables").toArray()) rows[t.toObject().value("name").toString()] = t.toObject().value("rows").toInteger();
        for (const char* table : {"events", "items", "users", "reviews"}) QCOMPARE(rows.value(table), jsonObject(stats).value(table).toInteger());
        QVERIFY(QFile::exists(folder + "/manifest.json"));
        QVERIFY(QFile::exists(folder + "/events." + format));
        // Lines: a header and one line per event for CSV (no event field holds a line break).
        QFile events(folder + "/events." + format);
        QVERIFY(events.open(QIODevice::ReadOnly));
        const auto lines = events.readAll().count('\n');
        QCOMPARE(lines, rows.value("events") + (format == "csv" ? 1 : 0));
    }

    void refusesFoldersThatAreNotExports() {
        const QString folder = dir_.filePath("theirs");
        QVERIFY(QDir().mkpath(folder));
        write(dir_, "theirs/report.txt", "keep me\n");
        const CliRun r = cli({"export", "--db", sample_, "--to", folder, "--replace"});
        QVERIFY2(r.code != 0, qPrintable(describe(r)));
        QVERIFY2(r.err.contains("not empty"), qPrintable(describe(r)));
        QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{"report.txt"});
        const CliRun bad = cli({"export", "--db", sample_, "--to", dir_.filePath("x"), "--format", "parquet"});
        QVERIFY(bad.code != 0);
        QVERIFY2(bad.err.contains("--format"), qPrintable(describe(bad)));
    }
};

QTEST_MAIN(TestExportCli)
#include "TestExportCli.moc"
