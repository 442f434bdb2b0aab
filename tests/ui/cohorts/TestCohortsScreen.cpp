// The Cohorts screen end to end on a small sample shop: the job loads the events once, every option
// change recomputes as a keyed job, the table model passes QAbstractItemModelTester, grouping by the
// experiment's variant draws one survival curve per arm, exports work, and screenshots in English
// and 简体中文 are saved for a person to look at.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QTabWidget>
#include <QtTest>

#include "CohortControls.h"
#include "CohortTableModel.h"
#include "JobRunner.h"
#include "LanguageManager.h"
#include "LifetimeValueChart.h"
#include "RetentionCurveChart.h"
#include "SurvivalChart.h"
#include "GuiStallMeter.h"
#include "UiTestSupport.h"
#include "rec/Evaluation.h"
#include "CohortsScreen.h"
#include "GroupDifferenceModel.h"
#include "GroupDifferencePanel.h"
#include "ImportedCohortsPanel.h"
#include "cohorts/ImportedCohorts.h"

#include <fstream>

using namespace ss;
using namespace ss::ui;

class TestCohortsScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    static bool select(QComboBox* box, const QVariant& data) {
        const int i = box->findData(data);
        if (i < 0) return false;
        box->setCurrentIndex(i);
        return true;
    }

private slots:
    void initTestCase() {
        project_ = ss::test::writeSmallSample(dir_, 600, 220);
        QVERIFY(!project_.isEmpty());
    }

    void showsAndRecomputes() {
        JobRunner runner;
        CohortsScreen screen(runner);
        QAbstractItemModelTester tester(screen.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.resize(1200, 820);
        screen.setProject(test::context(project_));
        QVERIFY(shown.wait(20000));
        auto* model = screen.model();
        QVERIFY(model->rowCount() >= 10);  // weekly cohorts over 120 days, plus the mean row
        QVERIFY(model->isMeanRow(model->rowCount() - 1));
        QCOMPARE(model->headerData(CohortTableModel::kFirstPeriodColumn + 1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Week 1"));
        QVERIFY(screen.definitionLabel()->text().contains("ISO week"));
        QVERIFY(screen.definitionLabel()->text().contains("Asia/Shanghai"));  // the sample shop's zone
        // Period 0 of a cohort is the whole cohort; the newest cohort's last period is incomplete.
        QCOMPARE(model->data(model->index(0, CohortTableModel::kFirstPeriodColumn), CohortTableModel::RateRole).toDouble(), 1.0);
        const int newest = model->rowCount() - 2;
        const int lastColumn = model->columnCount() - 1;
        int col = lastColumn;
        while (col >= CohortTableModel::kFirstPeriodColumn && !model->cell(model->index(newest, col))) --col;
        QVERIFY(!model->data(model->index(newest, col), CohortTableModel::CompleteRole).toBool());
        QVERIFY(model->data(model->index(newest, col), Qt::DisplayRole).toString().endsWith(QStringLiteral("…")));
        QVERIFY(model->data(model->index(0, CohortTableModel::kFirstPeriodColumn + 1), Qt::ToolTipRole).toString().contains("95% interval"));
        QVERIFY(screen.curveChart()->lineCount() >= 2);
        QCOMPARE(screen.survivalChart()->lineCount(), 1);
        QVERIFY(screen.valueChart()->pointCount() >= 5);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-week-en.png"));

        // Months: a new question answered by a new job.
        QVERIFY(select(screen.controls()->periodBox(), int(CohortPeriod::Month)));
        QVERIFY(shown.wait(20000));
        QCOMPARE(model->headerData(CohortTableModel::kFirstPeriodColumn + 1, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Month 1"));
        const int monthRows = model->rowCount();
        QVERIFY(monthRows >= 4 && monthRows <= 7);

        // Measures change what the cells say, not the matrix.
        QVERIFY(select(screen.controls()->measureBox(), int(CohortTableModel::Measure::Customers)));
        QVERIFY(shown.wait(20000));
        QVERIFY(!model->data(model->index(0, CohortTableModel::kFirstPeriodColumn + 1), Qt::DisplayRole).toString().contains('%'));

        // Group by the experiment's variant: two survival curves and a log-rank p; one arm filters the table.
        QVERIFY(select(screen.controls()->groupByBox(), QStringLiteral("property:variant")));
        QVERIFY(shown.wait(20000));
        QCOMPARE(screen.survivalChart()->lineCount(), 2);
        QVERIFY(screen.survivalChart()->chart()->title().contains("log-rank"));
        QCOMPARE(screen.curveChart()->lineCount(), 2);  // one mean line per arm
        screen.tabs()->setCurrentIndex(1);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-curves-by-variant-en.png"));
        QCOMPARE(screen.controls()->groupValueBox()->count(), 3);  // every group, control, recommendations
        // The two arms period by period: B − A with its interval, from the same pooled rates.
        auto* compared = screen.groupComparison()->model();
        QAbstractItemModelTester compareTester(compared, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(screen.groupComparison()->groupABox()->currentText(), QStringLiteral("control"));
        QCOMPARE(screen.groupComparison()->groupBBox()->currentText(), QStringLiteral("recommendations"));
        QVERIFY(compared->rowCount() >= 2);  // months 1, 2, ... of about four
        for (const auto& d : compared->differences()) {
            QVERIFY(d.column > 0);
            QVERIFY(std::fabs(d.difference - (d.rateB - d.rateA)) < 1e-12);
            QVERIFY(d.low <= d.difference && d.difference <= d.high);
            QVERIFY(d.baseA > 0 && d.baseB > 0);
        }
        screen.groupComparison()->groupBBox()->setCurrentIndex(0);  // the same group twice: nothing to compare
        QCOMPARE(compared->rowCount(), 0);
        screen.groupComparison()->groupBBox()->setCurrentIndex(1);
        QVERIFY(compared->rowCount() >= 2);  // months 1, 2, ... of about four
        screen.tabs()->setCurrentWidget(screen.groupComparison());
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-compare-groups-en.png"));
        std::int64_t everyone = 0;
        for (const auto& r : model->matrix().rows) everyone += r.size;
        QVERIFY(select(screen.controls()->groupValueBox(), QStringLiteral("control")));
        QVERIFY(shown.wait(20000));
        std::int64_t control = 0;
        for (const auto& r : model->matrix().rows) control += r.size;
        QVERIFY2(control > everyone / 4 && control < everyone * 3 / 4, qPrintable(QStringLiteral("%1 of %2").arg(control).arg(everyone)));
        screen.tabs()->setCurrentIndex(2);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-survival-en.png"));

        const QString csv = dir_.filePath("cohorts.csv");
        QCOMPARE(screen.exportCsv(csv), QString());
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readLine().startsWith("cohort,size,period,column,count,base,rate"));
        const QString png = dir_.filePath("survival.png");
        QCOMPARE(screen.exportImage(png), QString());
        QVERIFY(QImage(png).width() > 200);
        const QString svg = dir_.filePath("survival.svg");
        QCOMPARE(screen.exportImage(svg), QString());
        QFile vector(svg);
        QVERIFY(vector.open(QIODevice::ReadOnly));
        const QByteArray document = vector.readAll();
        QVERIFY(document.contains("<svg") && document.contains("<path"));  // drawn, not empty
    }

    // Customers who bought what a recommender recommended to them in a stored evaluation, against
    // those who did not: the grouping and its groups are named in words, legends included.
    void groupedByRecommendationsTaken() {
        const QString copy = dir_.filePath("taken.shelfsense");
        QVERIFY(QFile::copy(project_, copy));
        rec::EvaluationOptions o;
        o.recommenders = {"itemknn"};
        o.bootstrapResamples = 20;
        auto evaluated = rec::Evaluation::run(copy.toStdString(), o, {});
        QVERIFY2(evaluated.ok(), evaluated ? "" : evaluated.error().describe().c_str());
        const auto run = evaluated->runs.front().runId;
        JobRunner runner;
        CohortsScreen screen(runner);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.resize(1200, 820);
        screen.setProject(test::context(copy));
        QVERIFY(shown.wait(20000));
        auto* groupBy = screen.controls()->groupByBox();
        const int index = groupBy->findData(QStringLiteral("recommended-by:%1").arg(run));
        QVERIFY(index > 0);
        QCOMPARE(groupBy->itemText(index), QStringLiteral("Bought what Item-kNN recommended (run %1)").arg(run));
        groupBy->setCurrentIndex(index);
        QVERIFY(shown.wait(20000));
        auto* values = screen.controls()->groupValueBox();
        QCOMPARE(values->count(), 3);
        QCOMPARE(values->itemText(values->findData(QStringLiteral("yes"))), QStringLiteral("Yes: bought an item of its top 10"));
        QCOMPARE(values->itemText(values->findData(QStringLiteral("no"))), QStringLiteral("No: none of its top 10"));
        QCOMPARE(screen.survivalChart()->lineCount(), 2);
        QStringList legend;
        for (auto* series : screen.survivalChart()->chart()->series())
            if (!series->name().isEmpty()) legend << series->name();
        QVERIFY2(legend.contains(QStringLiteral("Yes: bought an item of its top 10")), qPrintable(legend.join(" | ")));
        screen.tabs()->setCurrentIndex(2);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-survival-by-recommendations-en.png"));
    }

    // Measurement, not a check (run with SS_UI_TIMING=1; SS_UI_PROJECT=FILE for a project of your
    // own, else the default sample shop): for each option change, how long the result took and the
    // longest the window stopped answering meanwhile (GuiStallMeter). SS_UI_TIMING_JSON=FILE writes
    // the numbers (bench/cohorts/ui_block.py).
    void responsivenessWhileOptionsChange() {
        if (qEnvironmentVariableIsEmpty("SS_UI_TIMING")) QSKIP("set SS_UI_TIMING=1 to measure");
        QString path = qEnvironmentVariable("SS_UI_PROJECT");
        if (path.isEmpty()) {
            path = dir_.filePath("default.shelfsense");
            QVERIFY(SampleShop::write(path.toStdString(), SampleShopOptions{}, JobContext{}).ok());
        }
        ss::test::GuiStallMeter meter;
        JobRunner runner;
        CohortsScreen screen(runner);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.resize(1200, 820);
        screen.show();
        QElapsedTimer timer;
        QJsonArray steps;
        auto measure = [&](const QString& what, const std::function<void()>& change) {
            shown.clear();
            meter.reset();
            timer.restart();
            change();
            const bool done = shown.wait(600000);
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            qInfo("%s: %s in %.3f s; the window stopped answering for at most %.1f ms", qPrintable(what), done ? "shown" : "NOT shown",
                  seconds, meter.worstMilliseconds());
            steps.append(QJsonObject{{"change", what}, {"shown", done}, {"seconds", seconds}, {"longest_stall_ms", meter.worstMilliseconds()}});
            return done;
        };
        QVERIFY(measure("open the project", [&] { screen.setProject(test::context(path)); }));
        QVERIFY(measure("period: day", [&] { select(screen.controls()->periodBox(), int(CohortPeriod::Day)); }));
        QVERIFY(measure("period: month", [&] { select(screen.controls()->periodBox(), int(CohortPeriod::Month)); }));
        QVERIFY(measure("period: week", [&] { select(screen.controls()->periodBox(), int(CohortPeriod::Week)); }));
        QVERIFY(measure("show customers", [&] { select(screen.controls()->measureBox(), int(CohortTableModel::Measure::Customers)); }));
        auto* groupBy = screen.controls()->groupByBox();
        for (int i = 1; i < groupBy->count(); ++i)
            QVERIFY(measure("group by " + groupBy->itemData(i).toString(), [&] { groupBy->setCurrentIndex(i); }));
        QVERIFY(measure("all customers again", [&] { groupBy->setCurrentIndex(0); }));
        double worst = 0;
        for (const auto& s : steps) worst = std::max(worst, s.toObject().value("longest_stall_ms").toDouble());
        qInfo("longest stall over %lld option changes: %.1f ms", qlonglong(steps.size()), worst);
        if (const QString out = qEnvironmentVariable("SS_UI_TIMING_JSON"); !out.isEmpty()) {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{"project", path}, {"steps", steps}, {"longest_stall_ms", worst}}).toJson());
        }
    }

    void curvesAndValueScreenshots() {
        JobRunner runner;
        CohortsScreen screen(runner);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.resize(1200, 820);
        screen.setProject(test::context(project_));
        QVERIFY(shown.wait(20000));
        screen.tabs()->setCurrentIndex(1);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-curves-en.png"));
        screen.tabs()->setCurrentIndex(3);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-value-en.png"));
    }

    void chinese() {
        LanguageManager language;
        QCOMPARE(language.apply("zh_CN"), QStringLiteral("zh_CN"));
        JobRunner runner;
        CohortsScreen screen(runner);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.resize(1200, 820);
        screen.setProject(test::context(project_));
        QVERIFY(shown.wait(20000));
        QVERIFY(!screen.definitionLabel()->text().contains("First-time cohorts"));  // translated
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-week-zh.png"));
        screen.tabs()->setCurrentIndex(2);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-survival-zh.png"));
        language.apply("en");
    }

    void importedMatricesAreShownWithTheirSource() {
        // A matrix computed by the cluster job, imported into a copy of the project.
        QTemporaryDir dir;
        const QString copy = dir.filePath("p.shelfsense");
        QVERIFY(QFile::copy(project_, copy));
        const std::string csv = dir.filePath("spark-weekly.csv").toStdString();
        std::ofstream(csv) << "cohort,size,column,count,complete\n2024-03-04,10,0,10,true\n2024-03-04,10,1,4,true\n"
                              "2024-03-04,10,2,2,false\n2024-03-11,5,0,5,true\n2024-03-11,5,1,1,false\n";
        std::ofstream(csv + ".json") << R"({"engine": "spark-sql", "data_end": 1710400000, "customers": 15, "definition": {
            "cohort_type": "first-time", "cohort_event": "any", "return_events": [], "period": "week", "window": "calendar",
            "brackets": [], "counting": "on", "rate_base": "cohort", "mean": "weighted", "time_zone": "Asia/Shanghai"}})";
        auto imported = ImportedCohorts::readFile(csv);
        QVERIFY2(imported.ok(), imported.ok() ? "" : imported.error().describe().c_str());
        QVERIFY(ImportedCohorts::store(copy.toStdString(), *imported).ok());

        JobRunner runner;
        CohortsScreen screen(runner);
        auto* panel = screen.importedPanel();
        QAbstractItemModelTester tester(panel->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy listed(panel, &ImportedCohortsPanel::listed);
        screen.resize(1200, 820);
        screen.setProject(test::context(copy));
        QVERIFY(listed.wait(20000));
        QCOMPARE(listed.first().first().toInt(), 1);
        QCOMPARE(panel->choices()->count(), 1);
        QCOMPARE(panel->choices()->currentText(), QStringLiteral("spark-weekly"));
        QCOMPARE(panel->model()->rowCount(), 3);  // two cohorts and the mean row
        QCOMPARE(panel->model()->data(panel->model()->index(0, CohortTableModel::kFirstPeriodColumn + 1), CohortTableModel::RateRole).toDouble(), 0.4);
        QVERIFY(panel->provenanceLabel()->text().contains("spark-sql"));
        QVERIFY(panel->provenanceLabel()->text().contains("Asia/Shanghai"));
        auto* tabs = screen.findChild<QTabWidget*>();
        tabs->setCurrentWidget(panel);
        ss::test::saveScreenshot(screen, QStringLiteral("cohorts-imported-en.png"));

        // A project without any says how to bring one in.
        QSignalSpy none(panel, &ImportedCohortsPanel::listed);
        screen.setProject(test::context(project_));
        QVERIFY(none.wait(20000));
        QCOMPARE(none.first().first().toInt(), 0);
        QVERIFY(!panel->choices()->isEnabled());
        QVERIFY(panel->provenanceLabel()->text().contains("import-results"));
    }

    void badBracketsAreReported() {
        JobRunner runner;
        CohortsScreen screen(runner);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.setProject(test::context(project_));
        QVERIFY(shown.wait(20000));
        auto* window = screen.controls()->findChildren<QComboBox*>().at(4);  // "Periods as"
        QVERIFY(select(window, int(PeriodWindow::Brackets)));
        QVERIFY(shown.wait(20000));  // the default brackets are valid
        QCOMPARE(screen.model()->headerData(CohortTableModel::kFirstPeriodColumn + 1, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("Days 1–3"));
    }

    void drillDownAndSaveSegment() {
        JobRunner runner;
        CohortsScreen screen(runner);
        QSignalSpy shown(&screen, &CohortsScreen::resultShown);
        screen.setProject(test::context(project_));
        QVERIFY(shown.wait(20000));
        auto* model = screen.model();
        const QModelIndex cell = model->index(0, CohortTableModel::kFirstPeriodColumn + 1);  // week 1 of the first cohort
        const qint64 count = model->data(cell, CohortTableModel::CountRole).toLongLong();
        QVERIFY(count > 0);
        QSignalSpy customers(&screen, &CohortsScreen::customersShown);
        screen.showCustomers(cell, true);
        QVERIFY(customers.wait(20000));
        const QStringList ids = customers.first().first().toStringList();
        QCOMPARE(ids.size(), count);
        QVERIFY(ids.first().startsWith('U'));  // the sample shop's customer ids
        QSignalSpy saved(&screen, &CohortsScreen::segmentSaved);
        screen.saveSegment(cell, QStringLiteral("first cohort, week 1"));
        QVERIFY(saved.wait(20000));
        QCOMPARE(saved.first().at(1).toLongLong(), count);
        // A second save under the same name is refused, and says so.
        screen.saveSegment(cell, QStringLiteral("first cohort, week 1"));
        QTRY_VERIFY_WITH_TIMEOUT(screen.findChild<QLabel*>("status")->text().contains("exists"), 20000);
        QCOMPARE(saved.size(), 1);
    }
};

QTEST_MAIN(TestCohortsScreen)
#include "TestCohortsScreen.moc"
