#include <QAbstractItemModelTester>
#include <QBarSeries>
#include <QBarSet>
#include <QElapsedTimer>
#include <QImage>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QtTest>

#include <cmath>

#include "ChartLegend.h"
#include "ComparisonTableModel.h"
#include "JobRunner.h"
#include "LossChart.h"
#include "LossCurveModel.h"
#include "MetricBarChart.h"
#include "ModelsScreen.h"
#include "RunHistoryPanel.h"
#include "ParameterModel.h"
#include "SliceBarChart.h"
#include "SliceTableModel.h"
#include "UiTestSupport.h"
#include "rec/TwoTower.h"

using namespace ss;
using namespace ss::ui;

// Drives the Models screen end to end on a small sample shop: train and evaluate as a job, the
// comparison table with CIs, best cells and significance marks, charts, slices, exports, the live
// two-tower loss curve and Cancel; saves screenshots under the build folder's screenshots/.
class TestModelsScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    static void save(QWidget& w, const QString& name) { QVERIFY(test::saveScreenshot(w, name)); }

    // Waits until `spy` has recorded a signal (one may arrive before the call that caused it returns).
    // Stops early when `failed` (if given) has something.
    static bool arrived(QSignalSpy& spy, int ms, QSignalSpy* failed = nullptr) {
        QElapsedTimer timer;
        timer.start();
        while (spy.count() == 0 && !(failed && failed->count())) {
            const qint64 left = ms - timer.elapsed();
            if (left <= 0) return false;
            spy.wait(static_cast<int>(std::min<qint64>(left, 1000)));
        }
        return spy.count() > 0;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        project_ = test::writeSmallSample(dir_, 300, 220);
        QVERIFY(!project_.isEmpty());
    }

    void comparesThreeRecommenders() {
        JobRunner runner;
        ModelsScreen screen(runner);
        QAbstractItemModelTester comparisonTester(screen.comparison(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester slicesTester(screen.slices(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester parametersTester(screen.parameters(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.resize(1500, 900);
        screen.show();
        screen.setProject(test::context(project_));
        QCOMPARE(screen.recommenders(), (QStringList{"popularity", "itemknn", "als"}));
        screen.setBootstrapResamples(300);
        QSignalSpy done(&screen, &ModelsScreen::evaluated);
        QSignalSpy failed(&screen, &ModelsScreen::failed);
        QSignalSpy started(&runner, &JobRunner::jobStarted);
        screen.evaluate();
        QVERIFY(screen.running());
        QCOMPARE(started.count(), 1);
        QVERIFY2(arrived(done, 240000, &failed), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QVERIFY(!screen.running());

        // A row per recommender; per metric a value and a CI column, the value inside its interval.
        auto* table = screen.comparison();
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->data(table->index(2, 0)).toString(), QString("ALS (matrix factorisation)"));
        for (MetricId id : kAllMetrics) {
            const int c = ComparisonTableModel::valueColumn(id);
            QVERIFY(table->headerData(c, Qt::Horizontal).toString().endsWith("@10"));
            QVERIFY(!table->headerData(c, Qt::Horizontal, Qt::ToolTipRole).toString().isEmpty());
            QCOMPARE(table->headerData(ComparisonTableModel::ciColumn(id), Qt::Horizontal).toString(), QString("95% CI"));
            double best = -1;
            for (int r = 0; r < 3; ++r) {
                const double v = table->index(r, c).data(ComparisonTableModel::ValueRole).toDouble();
                const double lo = table->index(r, c).data(ComparisonTableModel::CiLowRole).toDouble();
                const double hi = table->index(r, c).data(ComparisonTableModel::CiHighRole).toDouble();
                QVERIFY2(lo <= v + 1e-12 && v <= hi + 1e-12, qPrintable(QString("%1 %2 %3").arg(lo).arg(v).arg(hi)));
                QVERIFY(table->index(r, ComparisonTableModel::ciColumn(id)).data().toString().contains("–"));
                best = std::max(best, v);
            }
            // The best cell is marked, and it is the largest value.
            const int bestRow = table->bestRow(c);
            QVERIFY(bestRow >= 0);
            QVERIFY(table->index(bestRow, c).data(ComparisonTableModel::BestRole).toBool());
            QCOMPARE(table->index(bestRow, c).data(ComparisonTableModel::ValueRole).toDouble(), best);
            // Every other cell is marked "not significant" exactly when its paired t-test says so.
            for (int r = 0; r < 3; ++r) {
                if (r == bestRow) continue;
                const auto* vs = table->versusBest(r, c);
                QVERIFY(vs);
                QCOMPARE(table->index(r, c).data(ComparisonTableModel::NotSignificantRole).toBool(), !vs->significant);
            }
        }
        // Personalised models beat popularity on NDCG on this shop, and significantly.
        const int ndcg = ComparisonTableModel::valueColumn(MetricId::Ndcg);
        QVERIFY(table->bestRow(ndcg) != 0);
        QVERIFY(!table->index(0, ndcg).data(ComparisonTableModel::NotSignificantRole).toBool());
        for (int r = 0; r < 3; ++r)
            qInfo("%s ndcg@10 %s [%s]", qPrintable(table->index(r, 0).data().toString()), qPrintable(table->index(r, ndcg).data().toString()),
                  qPrintable(table->index(r, ndcg + 1).data().toString()));
        const QString summary = screen.findChild<QLabel*>("summary")->text();
        QVERIFY(summary.contains("test customers"));
        // The temporal split says where it cut (the split's cut-off once never reached this line).
        const QRegularExpression cutAt(QStringLiteral("split at (\\d{4}-\\d{2}-\\d{2}):"));
        const auto cut = cutAt.match(summary);
        QVERIFY2(cut.hasMatch(), qPrintable(summary));

        // Charts: a bar per recommender in its own colour and a CI whisker on each, for every metric;
        // the names in one legend, whole (never cut short like axis labels), the best in each title.
        QCOMPARE(screen.charts().size(), 6);
        QStringList names;
        for (int r = 0; r < 3; ++r) names << table->index(r, 0).data(ComparisonTableModel::ShortNameRole).toString();
        QCOMPARE(screen.chartLegend()->names(), names);
        for (auto* chart : screen.charts()) {
            QCOMPARE(chart->bars()->barSets().size(), 3);
            for (int r = 0; r < 3; ++r) {
                QCOMPARE(chart->bars()->barSets()[r]->label(), names[r]);
                QCOMPARE(chart->bars()->barSets()[r]->count(), 1);
                QCOMPARE(chart->bars()->barSets()[r]->at(0), table->index(r, chart->column()).data(ComparisonTableModel::ValueRole).toDouble());
            }
            QCOMPARE(chart->whiskers(), 3);
        }
        QVERIFY(screen.charts()[2]->chart()->title().contains(names[table->bestRow(ndcg)]));
        // Slices: cold users and cohorts at least, a column per recommender.
        auto* slices = screen.slices();
        QVERIFY(slices->rowCount() >= 3);
        QCOMPARE(slices->columnCount(), SliceTableModel::kFirstRecommenderColumn + 3);
        QStringList keys;
        for (int r = 0; r < slices->rowCount(); ++r) keys << slices->index(r, 0).data(SliceTableModel::SliceKeyRole).toString();
        QVERIFY2(keys.contains("warm_users"), qPrintable(keys.join(",")));
        QVERIFY2(std::any_of(keys.begin(), keys.end(), [](const QString& k) { return k.startsWith("cohort "); }), qPrintable(keys.join(",")));

        // The slice chart: a bar set per recommender, a bar per slice.
        QCOMPARE(screen.sliceChart()->bars()->barSets().size(), 3);
        QCOMPARE(screen.sliceChart()->bars()->barSets().first()->count(), slices->rowCount());
        for (int r = 0; r < slices->rowCount(); ++r)
            QCOMPARE(screen.sliceChart()->bars()->barSets()[1]->at(r), slices->index(r, 3).data(SliceTableModel::ValueRole).toDouble());

        // Exports, without dialogs.
        const QString csv = dir_.filePath("comparison.csv");
        QVERIFY(screen.exportComparisonCsv(csv).isEmpty());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split('\n');
        QCOMPARE(lines.size(), 1 + 3 * 13);  // six metrics and seven list measures per run
        QVERIFY(lines[0].startsWith("recommender,metric,value,ci_low,ci_high,best"));
        QVERIFY(screen.exportSlicesCsv(dir_.filePath("slices.csv")).isEmpty());
        const QString png = dir_.filePath("charts.png");
        QVERIFY(screen.saveChartsImage(png).isEmpty());
        QVERIFY(!QImage(png).isNull());

        save(screen, "models-comparison.png");
        screen.tabs()->setCurrentIndex(1);
        save(screen, "models-charts.png");
        screen.tabs()->setCurrentIndex(2);
        save(screen, "models-slices.png");
    }

    void twoTowerLossCurveGrowsLive() {
        if (!rec::TwoTowerRecommender::available()) QSKIP("this build has no LibTorch: no two-tower model");
        JobRunner runner;
        ModelsScreen screen(runner);
        QAbstractItemModelTester lossTester(screen.lossChart()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.resize(1500, 900);
        screen.show();
        screen.setProject(test::context(project_));
        screen.setRecommenders({"popularity", "twotower"});
        QVERIFY(screen.parameters()->setValue("twotower.epochs", "6"));
        QVERIFY(screen.parameters()->setValue("twotower.patience", "6"));
        screen.setBootstrapResamples(200);
        QSignalSpy epochs(&screen, &ModelsScreen::epochReported);
        QSignalSpy done(&screen, &ModelsScreen::evaluated);
        QSignalSpy failed(&screen, &ModelsScreen::failed);
        int epochsBeforeDone = -1;
        connect(&screen, &ModelsScreen::evaluated, this, [&] { epochsBeforeDone = epochs.count(); });
        screen.evaluate();
        QVERIFY2(arrived(done, 240000, &failed), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QCOMPARE(epochsBeforeDone, 6);  // every epoch reached the chart while the job ran
        QCOMPARE(epochs.first().at(0).toInt(), 1);
        auto* loss = screen.lossChart()->model();
        QCOMPARE(loss->rowCount(), 6);
        // Training loss falls from the first to the last epoch.
        QVERIFY(loss->index(5, LossCurveModel::Train).data().toDouble() < loss->index(0, LossCurveModel::Train).data().toDouble());
        QCOMPARE(screen.comparison()->rowCount(), 2);
        screen.tabs()->setCurrentIndex(3);
        save(screen, "models-training.png");
        QVERIFY(screen.saveLossImage(dir_.filePath("loss.png")).isEmpty());
        screen.tabs()->setCurrentIndex(0);
        save(screen, "models-twotower-comparison.png");
    }

    void historyListsAndComparesStoredRuns() {
        // Two evaluations on their own project: the History tab lists their runs, newest first; two runs
        // of one evaluation compare with the evaluation's own p-value, runs of different splits with a warning.
        QTemporaryDir dir;
        const QString project = test::writeSmallSample(dir, 300, 220);
        JobRunner runner;
        ModelsScreen screen(runner);
        RunHistoryPanel* history = screen.history();
        QAbstractItemModelTester historyTester(history->runs(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.resize(1500, 900);
        screen.show();
        QSignalSpy loaded(history, &RunHistoryPanel::loaded);
        screen.setProject(test::context(project));
        QVERIFY(arrived(loaded, 20000));
        QCOMPARE(history->runs()->rowCount(), 0);
        screen.setRecommenders({"popularity", "itemknn"});
        screen.setBootstrapResamples(100);
        QSignalSpy done(&screen, &ModelsScreen::evaluated);
        QSignalSpy failed(&screen, &ModelsScreen::failed);
        loaded.clear();
        screen.evaluate();
        QVERIFY2(arrived(done, 240000, &failed), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QVERIFY(arrived(loaded, 20000));
        QCOMPARE(history->runs()->rowCount(), 2);
        QCOMPARE(history->runs()->data(history->runs()->index(0, RunHistoryModel::Recommender)).toString(), QString("Item-kNN"));
        const QString splitText = history->runs()->data(history->runs()->index(0, RunHistoryModel::Split)).toString();
        QVERIFY(splitText.startsWith("temporal"));
        QVERIFY2(QRegularExpression(QStringLiteral("^temporal, cut-off \\d{4}-\\d{2}-\\d{2}$")).match(splitText).hasMatch(), qPrintable(splitText));
        // The same pair as the comparison table: the same t-test p-value, in the same words.
        history->selectRows(0, 1);
        QSignalSpy compared(history, &RunHistoryPanel::compared);
        history->compareSelected();
        QVERIFY(arrived(compared, 20000));
        const rec::EvaluationResult* result = screen.comparison()->result();
        QVERIFY(result);
        for (const auto& c : result->comparisons)
            if (c.metric == MetricId::Ndcg) {
                const QString p = QLocale().toString(c.tPValue, 'g', 2);
                QVERIFY2(history->comparisonText().contains("t-test p = " + p), qPrintable(history->comparisonText() + " / " + p));
                QVERIFY(history->comparisonText().contains(c.significant ? " — significant" : "not significant"));
            }
        QVERIFY(!history->comparisonText().contains("Careful"));
        // Another split: four runs; pairing across the two evaluations warns.
        screen.setSplit("random", 0.2);
        loaded.clear();
        done.clear();
        screen.evaluate();
        QVERIFY2(arrived(done, 240000, &failed), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QVERIFY(arrived(loaded, 20000));
        QCOMPARE(history->runs()->rowCount(), 4);
        QVERIFY(history->runs()->data(history->runs()->index(0, RunHistoryModel::Split)).toString().startsWith("random"));
        history->selectRows(0, 3);
        compared.clear();
        history->compareSelected();
        QVERIFY(arrived(compared, 20000));
        QVERIFY2(history->comparisonText().contains("Careful"), qPrintable(history->comparisonText()));
        screen.tabs()->setCurrentWidget(history);
        save(screen, "models-history.png");
    }

    void evaluatesASampleOfTestCustomers() {
        // "Test customers" set: the summary and the stored run's split both say it was a sample, and of how many.
        QTemporaryDir dir;
        const QString project = test::writeSmallSample(dir, 300, 220);
        JobRunner runner;
        ModelsScreen screen(runner);
        RunHistoryPanel* history = screen.history();
        QSignalSpy loaded(history, &RunHistoryPanel::loaded);
        screen.setProject(test::context(project));
        QVERIFY(arrived(loaded, 20000));
        screen.setRecommenders({"popularity"});
        screen.setBootstrapResamples(100);
        auto* sample = screen.findChild<QSpinBox*>("testUsers");
        QVERIFY(sample);
        QCOMPARE(sample->text(), QString("All"));
        sample->setValue(5);
        QSignalSpy done(&screen, &ModelsScreen::evaluated);
        QSignalSpy failed(&screen, &ModelsScreen::failed);
        loaded.clear();
        screen.evaluate();
        QVERIFY2(arrived(done, 240000, &failed), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QVERIFY(arrived(loaded, 20000));
        const QString summary = screen.findChild<QLabel*>("summary")->text();
        const QRegularExpression said(QStringLiteral("a seeded sample of the (\\d+) test customers; metrics and intervals are the sample's\\): 5 test customers"));
        const auto match = said.match(summary);
        QVERIFY2(match.hasMatch(), qPrintable(summary));
        QVERIFY(match.captured(1).toInt() > 5);
        const QString splitText = history->runs()->data(history->runs()->index(0, RunHistoryModel::Split)).toString();
        QVERIFY2(splitText.endsWith(QString(", sample of %1 test customers").arg(QLocale().toString(match.captured(1).toInt()))), qPrintable(splitText));
    }

    void cancelStopsTheJob() {
        JobRunner runner;
        ModelsScreen screen(runner);
        QSignalSpy loaded(screen.history(), &RunHistoryPanel::loaded);
        screen.setProject(test::context(project_));
        QVERIFY(arrived(loaded, 20000));  // the History tab's own job, before counting finished jobs
        screen.setRecommenders({"als"});
        QVERIFY(screen.parameters()->setValue("als.iterations", "100000"));
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QSignalSpy progress(&runner, &JobRunner::jobProgress);
        screen.evaluate();
        QVERIFY(arrived(progress, 60000));  // it is running
        screen.cancel();
        QVERIFY(arrived(finished, 60000));
        QCOMPARE(finished.first().at(2).toBool(), true);  // cancelled
        QVERIFY(!screen.running());
        QVERIFY(screen.findChild<QLabel*>("summary")->text().contains("Cancelled"));
        QCOMPARE(screen.comparison()->rowCount(), 0);
    }
};

QTEST_MAIN(TestModelsScreen)
#include "TestModelsScreen.moc"
