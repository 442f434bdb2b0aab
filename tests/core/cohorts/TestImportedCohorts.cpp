// ImportedCohorts: a retention matrix from cluster/cohorts.py — its cells (cohort,size,column,count,
// complete) and FILE.json (definition, data end, customers) — read with every line checked (file:
// line: field errors), derived into rates, Wilson intervals and the mean row as the engine derives
// them, kept in the project under a name with where it came from, listed and loaded back. A bad file
// is refused before anything is written.
#include <QtTest>

#include <cmath>
#include <fstream>

#include "../store/TestSupport.h"
#include "cohorts/ImportedCohorts.h"
#include "store/Project.h"

using namespace ss;

namespace {

// Two weekly cohorts in Shanghai time (weeks start on Monday): 10 customers from 2024-03-04, of whom 4
// came back the next week and 2 the week after; 5 from 2024-03-11, of whom 1 came back.
const char* kCells =
    "cohort,size,column,count,complete\n"
    "2024-03-04,10,0,10,true\n"
    "2024-03-04,10,1,4,true\n"
    "2024-03-04,10,2,2,false\n"
    "2024-03-11,5,0,5,true\n"
    "2024-03-11,5,1,1,false\n";

std::string sidecar(const std::string& definitionExtra = {}) {
    return R"({"engine": "spark-sql", "job": "cluster/cohorts.py", "data_end": 1710400000, "customers": 15,
               "definition": {"cohort_type": "first-time", "cohort_event": "any", "return_events": [], "period": "week",
                              "window": "calendar", "brackets": [], "counting": "on", "rate_base": "cohort", "mean": "weighted",
                              "time_zone": "Asia/Shanghai")" + definitionExtra + "}}";
}

std::filesystem::path writeJob(const QTemporaryDir& dir, const std::string& cells, const std::string& json = sidecar()) {
    const auto csv = std::filesystem::path(dir.path().toStdString()) / "weekly.csv";
    std::ofstream(csv, std::ios::binary) << cells;
    std::ofstream(csv.string() + ".json", std::ios::binary) << json;
    return csv;
}

}  // namespace

class TestImportedCohorts : public QObject {
    Q_OBJECT

private slots:
    void derivedAsTheEngineDerives() {
        QTemporaryDir dir;
        auto imported = ImportedCohorts::readFile(writeJob(dir, kCells));
        SS_VERIFY_OK(imported);
        QCOMPARE(imported->name, std::string("weekly"));
        QCOMPARE(imported->engine, std::string("spark-sql"));
        const CohortMatrix& m = imported->matrix;
        QCOMPARE(m.definition.timeZone, std::string("Asia/Shanghai"));
        QCOMPARE(m.customers, std::int64_t(15));
        QCOMPARE(m.rows.size(), std::size_t(2));
        QCOMPARE(m.rows[0].start, std::int64_t(1709481600));  // 2024-03-04 00:00 in Shanghai = 03-03 16:00 UTC
        QCOMPARE(m.rows[1].cells[1].rate, 0.2);
        double low = 0, high = 0;
        wilsonInterval(4, 10, low, high);
        QCOMPARE(m.rows[0].cells[1].low, low);
        QCOMPARE(m.rows[0].cells[1].high, high);
        // The mean counts complete cells only: week 1 is complete for the first cohort alone.
        QCOMPARE(m.mean.size(), std::size_t(3));
        QCOMPARE(m.mean[1].count, std::int64_t(4));
        QCOMPARE(m.mean[1].base, std::int64_t(10));
        QVERIFY(!m.mean[2].complete);
        QCOMPARE(m.periodLabels.size(), std::size_t(3));
        QVERIFY(std::isnan(m.rows[0].cells[1].purchasesPerCustomer));  // not computed by the job
    }

    void badFilesAreNamed_data() {
        QTest::addColumn<QString>("cells");
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("mentions");
        const QString good = QString::fromUtf8(kCells);
        const QString json = QString::fromStdString(sidecar());
        QTest::newRow("header") << "cohort,size,count\n" << json << "weekly.csv:1";
        QTest::newRow("not a date") << good + "2024-3-18,5,0,5,true\n" << json << "weekly.csv:7: field 'cohort'";
        QTest::newRow("not a Monday") << good + "2024-03-19,5,0,5,true\n" << json << "weekly.csv:7: field 'cohort'";
        QTest::newRow("count above size") << good + "2024-03-18,5,0,5,true\n2024-03-18,5,1,6,false\n" << json << "weekly.csv:8: field 'count'";
        QTest::newRow("first count not size") << good + "2024-03-18,5,0,4,true\n" << json << "weekly.csv:7: field 'count'";
        QTest::newRow("gap") << good + "2024-03-18,5,0,5,true\n2024-03-18,5,2,1,false\n" << json << "weekly.csv:8: field 'column'";
        QTest::newRow("size changes") << good + "2024-03-18,5,0,5,true\n2024-03-18,6,1,1,false\n" << json << "weekly.csv:8: field 'size'";
        QTest::newRow("out of order") << good + "2024-03-04,5,0,5,true\n" << json << "weekly.csv:7: field 'cohort'";
        QTest::newRow("complete word") << good + "2024-03-18,5,0,5,yes\n" << json << "weekly.csv:7: field 'complete'";
        QTest::newRow("fields") << good + "2024-03-18,5,0\n" << json << "weekly.csv:7";
        QTest::newRow("no definition") << good << R"({"engine": "spark-sql", "data_end": 1, "customers": 1})" << "field 'definition'";
        QTest::newRow("no data end") << good << QString::fromStdString(sidecar()).replace("\"data_end\": 1710400000,", "") << "field 'data_end'";
        QTest::newRow("bad zone") << good << QString::fromStdString(sidecar()).replace("Asia/Shanghai", "Mars/Olympus") << "field 'definition'";
    }
    void badFilesAreNamed() {
        QFETCH(QString, cells);
        QFETCH(QString, json);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        auto imported = ImportedCohorts::readFile(writeJob(dir, cells.toStdString(), json.toStdString()));
        QVERIFY(!imported);
        QVERIFY2(QString::fromStdString(imported.error().describe()).contains(mentions), imported.error().describe().c_str());
    }

    void missingDefinitionFileIsNamed() {
        QTemporaryDir dir;
        const auto csv = writeJob(dir, kCells);
        std::filesystem::remove(csv.string() + ".json");
        auto imported = ImportedCohorts::readFile(csv);
        QVERIFY(!imported);
        QVERIFY2(imported.error().describe().find("weekly.csv.json") != std::string::npos, imported.error().describe().c_str());
    }

    void keptListedAndLoaded() {
        QTemporaryDir dir;
        const auto path = std::filesystem::path(dir.path().toStdString()) / "p.shelfsense";
        SS_VERIFY_OK(Project::open(path));
        auto none = ImportedCohorts::list(path);
        SS_VERIFY_OK(none);
        QVERIFY(none->empty());
        auto imported = ImportedCohorts::readFile(writeJob(dir, kCells), "spark weekly");
        SS_VERIFY_OK(imported);
        SS_VERIFY_OK(ImportedCohorts::store(path, *imported));
        SS_VERIFY_OK(ImportedCohorts::store(path, *imported));  // the same name again replaces it
        auto all = ImportedCohorts::list(path);
        SS_VERIFY_OK(all);
        QCOMPARE(all->size(), std::size_t(1));
        auto loaded = ImportedCohorts::load(path, "spark weekly");
        SS_VERIFY_OK(loaded);
        QVERIFY(loaded->has_value());
        QCOMPARE((*loaded)->engine, std::string("spark-sql"));
        QCOMPARE((*loaded)->source, imported->source);
        QCOMPARE((*loaded)->matrix.rows[0].cells[1].rate, 0.4);
        QCOMPARE((*loaded)->matrix.definition, imported->matrix.definition);
        QCOMPARE((*loaded)->matrix.mean.size(), std::size_t(3));
        auto missing = ImportedCohorts::load(path, "other");
        SS_VERIFY_OK(missing);
        QVERIFY(!missing->has_value());
    }
};

QTEST_APPLESS_MAIN(TestImportedCohorts)
#include "TestImportedCohorts.moc"
