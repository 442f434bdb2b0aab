// Retention on real data from ../shared/data (read in place): CDNOW's first-purchase month cohorts
// with purchase as the return event (month+1 rates counted independently with DuckDB over the raw
// file), and the whole CDNOW month matrix and the Taobao sample's day matrix checked cell by cell
// against the same definition written as SQL over the project file.
#include <QtTest>

#include <map>

#include "../ingest/IngestTestSupport.h"
#include "../store/TestSupport.h"
#include "cohorts/CohortEngine.h"
#include "ingest/Importer.h"
#include "store/Database.h"

using namespace ss;

namespace {

const std::filesystem::path kData = SS_SHARED_DATA_DIR;

std::filesystem::path need(const char* relative) {
    const auto p = kData / relative;
    return std::filesystem::exists(p) ? p : std::filesystem::path();
}

// (cohort label, column) → count, from SQL that restates the "on" definition for UTC calendar periods.
std::map<std::pair<std::string, std::int64_t>, std::int64_t> sqlMatrix(const std::filesystem::path& project, const std::string& periodOf,
                                                               const std::string& startOf) {
    auto db = Database::open(project, Database::Mode::ReadOnly);
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> out;
    if (!db) return out;
    const std::string sql =
        "WITH e AS (SELECT user_id, " + periodOf + " AS p, ts FROM events),"
        " f AS (SELECT user_id, min(ts) AS t0 FROM events GROUP BY user_id),"
        " c AS (SELECT f.user_id, e.p AS cp, f.t0 FROM f JOIN e ON e.user_id = f.user_id AND e.ts = f.t0 GROUP BY f.user_id)"
        " SELECT date(c.t0, 'unixepoch', '" + startOf + "'),"
        " e.p - c.cp, count(DISTINCT e.user_id) FROM c JOIN e ON e.user_id = c.user_id GROUP BY 1, 2";
    auto stmt = (*db)->prepare(sql);
    if (!stmt) return out;
    while (true) {
        auto more = stmt->step();
        if (!more || !*more) break;
        out[{stmt->columnText(0), stmt->columnInt(1)}] = stmt->columnInt(2);
    }
    return out;
}

void compareWithSql(const CohortMatrix& m, const std::map<std::pair<std::string, std::int64_t>, std::int64_t>& sql) {
    QVERIFY(!sql.empty());
    std::int64_t checked = 0;
    for (const auto& row : m.rows)
        for (std::size_t col = 0; col < row.cells.size(); ++col) {
            const auto it = sql.find({row.label, static_cast<std::int64_t>(col)});
            const std::int64_t expected = it == sql.end() ? 0 : it->second;
            QVERIFY2(row.cells[col].count == expected,
                     qPrintable(QStringLiteral("%1 column %2: %3 vs SQL %4").arg(QString::fromStdString(row.label)).arg(col).arg(row.cells[col].count).arg(expected)));
            ++checked;
        }
    QVERIFY(checked > 10);
}

// Imports a real file into a fresh project under the test's folder and reads every customer's events.
Result<ActivityLog> importAndLoad(const QTemporaryDir& dir, const char* name, ImportFormat format, const std::filesystem::path& file,
                                  std::filesystem::path& project) {
    project = std::filesystem::path(dir.path().toStdString()) / name;
    ImportOptions o;
    o.now = 1700000000;
    auto imported = sstest::runImport(project, format, {file}, o);
    if (!imported) return imported.error();
    auto db = Database::open(project, Database::Mode::ReadOnly);
    if (!db) return db.error();
    return ActivityLog::load(**db);
}

}  // namespace

class TestCohortsRealData : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void cdnowFirstPurchaseMonths() {
        const auto file = need("cdnow_transactions/CDNOW_master.txt");
        if (file.empty()) QSKIP("CDNOW not present");
        std::filesystem::path project;
        auto log = importAndLoad(dir_, "cdnow.shelfsense", ImportFormat::Transactions, file, project);
        SS_VERIFY_OK(log);
        CohortDefinition d;
        d.period = CohortPeriod::Month;
        d.cohortEvent = EventType::Purchase;
        d.returnEvents = {EventType::Purchase};
        auto m = CohortEngine::compute(*log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        QCOMPARE(m->rows.size(), std::size_t(3));  // everyone's first purchase is in Q1 1997
        QVERIFY(m->hasRevenue);
        // DuckDB over the raw file: cohort size and customers buying again in the next month.
        const struct { const char* label; std::int64_t size, monthOne; } expected[] = {
            {"1997-01-01", 7846, 1157}, {"1997-02-01", 8476, 1312}, {"1997-03-01", 7248, 1032}};
        for (std::size_t i = 0; i < 3; ++i) {
            SS_COMPARE_STR(m->rows[i].label, expected[i].label);
            QCOMPARE(m->rows[i].size, expected[i].size);
            QCOMPARE(m->rows[i].cells[1].count, expected[i].monthOne);
            QVERIFY(m->rows[i].cells[1].complete);
            QCOMPARE(m->rows[i].cells.size(), std::size_t(18 - i));  // through June 1998
        }
        QVERIFY(std::abs(m->rows[0].cells[1].rate - 1157.0 / 7846.0) < 1e-12);
        compareWithSql(*m, sqlMatrix(project, "CAST(strftime('%Y', ts, 'unixepoch') AS INTEGER) * 12 + CAST(strftime('%m', ts, 'unixepoch') AS INTEGER) - 1", "start of month"));
    }

    void taobaoSampleDays() {
        const auto file = need("taobao_userbehavior_sample/UserBehavior_head84475.csv");
        if (file.empty()) QSKIP("Taobao sample not present");
        std::filesystem::path project;
        auto log = importAndLoad(dir_, "taobao.shelfsense", ImportFormat::Taobao, file, project);
        SS_VERIFY_OK(log);
        CohortDefinition d;
        d.period = CohortPeriod::Day;
        auto m = CohortEngine::compute(*log, d, TimeZone::utc());
        SS_VERIFY_OK(m);
        compareWithSql(*m, sqlMatrix(project, "ts / 86400", "start of day"));
    }
};

QTEST_GUILESS_MAIN(TestCohortsRealData)
#include "TestCohortsRealData.moc"
