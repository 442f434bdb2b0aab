// The sample shop's A/B experiment seen through the cohort engine: the recommendations arm's month-1
// retention gain is found (its 95% interval excludes zero) and the interval holds the true effect,
// measured on the same customers by writing the shop once with everybody in control and once with
// everybody treated; the log-rank test finds the longer lifetimes.
#include <QtTest>

#include "../store/TestSupport.h"
#include "cohorts/CohortEngine.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/Survival.h"
#include "sample/SampleShop.h"
#include "store/Project.h"

using namespace ss;

namespace {

struct Shop {
    std::unique_ptr<Project> project;
    ActivityLog log;
};

Shop write(const QTemporaryDir& dir, const char* name, SampleShopOptions::Arms arms) {
    SampleShopOptions o;
    o.arms = arms;
    const auto path = std::filesystem::path(dir.path().toStdString()) / name;
    Shop shop;
    if (!SampleShop::write(path, o, {}).ok()) return shop;
    auto project = Project::open(path);
    if (!project) return shop;
    auto log = ActivityLog::load((*project)->db());
    if (!log) return shop;
    shop.project = std::move(*project);
    shop.log = std::move(*log);
    return shop;
}

CohortDefinition months() {
    CohortDefinition d;
    d.period = CohortPeriod::Month;
    d.timeZone = "Asia/Shanghai";
    return d;
}

double monthOne(const Shop& shop, const TimeZone& zone) {
    auto m = CohortEngine::compute(shop.log, months(), zone);
    return m ? m->mean[1].rate : -1.0;
}

}  // namespace

class TestSampleExperiment : public QObject {
    Q_OBJECT
private slots:
    void effectIsRecovered() {
        QTemporaryDir dir;
        const Shop split = write(dir, "split.shelfsense", SampleShopOptions::Arms::Split);
        const Shop control = write(dir, "control.shelfsense", SampleShopOptions::Arms::AllControl);
        const Shop treated = write(dir, "treated.shelfsense", SampleShopOptions::Arms::AllTreated);
        QVERIFY(split.project && control.project && treated.project);
        auto zone = TimeZone::load("Asia/Shanghai");
        SS_VERIFY_OK(zone);
        const auto described = split.project->setting("sample.experiment");
        SS_VERIFY_OK(described);
        QVERIFY(described->value_or("").find("variant") != std::string::npos);

        auto groups = CustomerGroups::load(split.project->db(), split.log, "property:variant");
        SS_VERIFY_OK(groups);
        QCOMPARE(groups->names, (std::vector<std::string>{"control", "recommendations"}));
        auto a = CohortEngine::compute(split.log, months(), *zone, {}, groups->members("control"));
        auto b = CohortEngine::compute(split.log, months(), *zone, {}, groups->members("recommendations"));
        SS_VERIFY_OK(a);
        SS_VERIFY_OK(b);
        QVERIFY(std::abs(a->customers - b->customers) < a->customers / 10);  // about half each
        const auto differences = compareMeanRetention(*a, *b);
        QVERIFY(differences.size() >= 2);
        const auto& m1 = differences[1];
        QCOMPARE(m1.column, std::size_t(1));
        const double trueEffect = monthOne(treated, *zone) - monthOne(control, *zone);
        const QString numbers = QStringLiteral("A/B %1 [%2, %3], true effect %4")
                                    .arg(m1.difference).arg(m1.low).arg(m1.high).arg(trueEffect);
        qInfo("%s", qPrintable(numbers));
        QVERIFY2(trueEffect > 0.02, qPrintable(numbers));             // the generator's effect is real
        QVERIFY2(m1.low > 0.0, qPrintable(numbers));                  // the experiment finds it
        QVERIFY2(m1.low <= trueEffect && trueEffect <= m1.high, qPrintable(numbers));  // within its interval

        auto report = Survival::compute(split.log, 30, {}, groups->groupOf, groups->names, groups->by);
        SS_VERIFY_OK(report);
        QVERIFY(report->logRank.has_value());
        QVERIFY2(report->logRank->pValue < 0.01, qPrintable(QString::number(report->logRank->pValue)));
        QVERIFY(report->curves[1].median > report->curves[0].median);
    }
};

QTEST_GUILESS_MAIN(TestSampleExperiment)
#include "TestSampleExperiment.moc"
