#include <QElapsedTimer>
#include <QtTest>

#include <atomic>

#include "JobRunner.h"
#include "JobStageText.h"
#include "LanguageManager.h"
#include "common/JobStages.h"

using namespace ss;
using namespace ss::ui;

// JobRunner delivers every result on the GUI thread after start() has returned (even for a job
// that finishes before its continuation is attached), reports progress, and cancels through the
// job's stop token.
class TestJobRunner : public QObject {
    Q_OBJECT
private slots:
    void resultArrivesAfterStartReturns_data() {
        QTest::addColumn<int>("workMs");
        QTest::newRow("instant") << 0;
        QTest::newRow("short") << 20;
    }
    void resultArrivesAfterStartReturns() {
        QFETCH(int, workMs);
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        bool delivered = false;
        QThread* deliveredOn = nullptr;
        std::function<Result<int>(const JobContext&)> job = [workMs](const JobContext&) -> Result<int> {
            if (workMs) QThread::msleep(static_cast<unsigned long>(workMs));
            return 42;
        };
        const int id = runner.start<int>("job", job, this, [&](Result<int> r) {
            delivered = true;
            deliveredOn = QThread::currentThread();
            QVERIFY(r.ok());
            QCOMPARE(*r, 42);
        });
        QVERIFY(!delivered);  // never inside start()
        QVERIFY(finished.wait(5000));
        QVERIFY(delivered);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QCOMPARE(finished.first().at(0).toInt(), id);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(runner.runningCount(), 0);
    }

    void cancelReachesTheJob() {
        JobRunner runner;
        QSignalSpy progress(&runner, &JobRunner::jobProgress);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::function<Result<int>(const JobContext&)> job = [](const JobContext& ctx) -> Result<int> {
            for (int i = 0; i < 10000; ++i) {
                if (ctx.cancelled()) return makeError(ErrorCode::Cancelled, "stopped");
                ctx.report(i / 10000.0, "step");
                QThread::msleep(1);
            }
            return 0;
        };
        const int id = runner.start<int>("long job", job, this, [](Result<int>) {});
        QVERIFY(progress.wait(5000));
        runner.cancel(id);
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QCOMPARE(finished.first().at(2).toBool(), true);  // cancelled
    }

    void resultIsDroppedWhenTheReceiverIsGone() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        auto* receiver = new QObject;
        bool delivered = false;
        std::function<Result<int>(const JobContext&)> job = [](const JobContext&) -> Result<int> {
            QThread::msleep(50);
            return 1;
        };
        runner.start<int>("job", job, receiver, [&](Result<int>) { delivered = true; });
        delete receiver;
        QVERIFY(finished.wait(5000));
        QVERIFY(!delivered);
    }

    void keyedJobSupersedesTheOlder() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::atomic<bool> olderSawCancel{false};
        std::function<Result<int>(const JobContext&)> slow = [&](const JobContext& ctx) -> Result<int> {
            for (int i = 0; i < 5000; ++i) {
                if (ctx.cancelled()) {
                    olderSawCancel = true;
                    return makeError(ErrorCode::Cancelled, "superseded");
                }
                QThread::msleep(1);
            }
            return 1;
        };
        std::function<Result<int>(const JobContext&)> fast = [](const JobContext&) -> Result<int> { return 2; };
        QList<int> delivered;
        runner.start<int>("screen/query", "older", slow, this, [&](Result<int> r) { delivered << (r.ok() ? *r : -1); });
        runner.start<int>("screen/query", "newer", fast, this, [&](Result<int> r) { delivered << (r.ok() ? *r : -1); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 10000);
        QCOMPARE(delivered, QList<int>{2});  // only the latest question is answered
        QVERIFY(olderSawCancel);
        // Another key is independent.
        runner.start<int>("other", "independent", fast, this, [&](Result<int> r) { delivered << (r.ok() ? *r : -1); });
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 5000);
        QCOMPARE(delivered, (QList<int>{2, 2}));
    }

    void progressIsThrottled() {
        // A job reporting a hundred thousand times (once per item, as item-kNN does) reaches the GUI
        // thread about ten times a second, with every new stage and the end.
        JobRunner runner;
        QSignalSpy progress(&runner, &JobRunner::jobProgress);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        QElapsedTimer clock;
        clock.start();
        std::function<Result<int>(const JobContext&)> job = [](const JobContext& context) -> Result<int> {
            for (int i = 0; i < 100000; ++i) context.report(i / 100000.0, i < 50000 ? "first half" : "second half");
            context.report(1.0, "second half");
            return 1;
        };
        runner.start<int>("chatty", job, this, [](Result<int>) {});
        QVERIFY(finished.wait(20000));
        const qint64 elapsedMs = clock.elapsed();
        QVERIFY2(progress.size() <= 3 + elapsedMs / 100 + 2, qPrintable(QString("%1 reports in %2 ms").arg(progress.size()).arg(elapsedMs)));
        QVERIFY(progress.size() >= 3);  // the first, the second stage's first, the end
        QStringList stages;
        for (const auto& args : progress)
            if (!stages.contains(args.at(2).toString())) stages << args.at(2).toString();
        QCOMPARE(stages, (QStringList{"first half", "second half"}));
        QCOMPARE(progress.last().at(1).toDouble(), 1.0);
    }

    void cancelledKeyDropsTheResult() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::function<Result<int>(const JobContext&)> waits = [](const JobContext& ctx) -> Result<int> {
            for (int i = 0; i < 10000 && !ctx.cancelled(); ++i) QThread::msleep(1);
            return 7;  // an answer nobody asks for any more
        };
        bool delivered = false;
        runner.start<int>("panel/compare", "waits", waits, this, [&](Result<int>) { delivered = true; });
        runner.cancelKey("panel/compare");
        runner.cancelKey("panel/never-started");  // nothing to do
        QVERIFY(finished.wait(10000));
        QVERIFY(!delivered);
        QCOMPARE(runner.runningCount(), 0);
    }

    void throwingJobFails() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::function<Result<int>(const JobContext&)> job = [](const JobContext&) -> Result<int> {
            throw std::runtime_error("disk on fire");
        };
        QString message;
        runner.start<int>("throws", job, this, [&](Result<int> r) {
            QVERIFY(!r.ok());
            message = QString::fromStdString(r.error().describe());
        });
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(finished.first().at(3).toString().contains("disk on fire"));
        QVERIFY(message.contains("disk on fire"));
        QCOMPARE(runner.runningCount(), 0);
    }

    // A milestone (an epoch's losses: a point of the live curve) is never dropped by the ~10 Hz
    // throttle; plain progress reported as fast is.
    void milestonesPassTheThrottle() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        constexpr int kEpochs = 60, kSteps = 5000;
        std::function<Result<int>(const JobContext&)> job = [](const JobContext& ctx) -> Result<int> {
            for (int e = 1; e <= kEpochs; ++e) {
                for (int s = 0; s < kSteps / kEpochs; ++s) ctx.report((e - 1 + s / 100.0) / kEpochs, stages::kTwoTowerEpoch);
                ctx.report(JobProgress{double(e) / kEpochs, stages::kTwoTowerEpoch, "", {{stages::kValueEpoch, double(e)}}, true});
            }
            return 0;
        };
        QList<int> epochs;
        int plain = 0;
        runner.start<int>(QStringLiteral("curve"), QStringLiteral("curve"), job, this, [](Result<int>) {}, [&](const JobProgress& p) {
            if (p.milestone) epochs << static_cast<int>(p.value(stages::kValueEpoch).value_or(-1));
            else ++plain;
        });
        QVERIFY(finished.wait(10000));
        QList<int> expected;
        for (int e = 1; e <= kEpochs; ++e) expected << e;
        QCOMPARE(epochs, expected);
        QVERIFY2(plain < kSteps / 10, qPrintable(QString::number(plain)));
    }

    // Starting a job with the same key drops the older job's progress as well as its result.
    void supersededProgressIsDropped() {
        JobRunner runner;
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        std::atomic<bool> reporting{false};
        std::function<Result<int>(const JobContext&)> older = [&](const JobContext& ctx) -> Result<int> {
            while (!ctx.cancelled()) {
                ctx.report(JobProgress{0.5, stages::kCountingCohorts, "", {}, true});
                reporting = true;
                QThread::msleep(1);
            }
            // Still reporting after the cancel, as a job between two checks would.
            for (int i = 0; i < 20; ++i) ctx.report(JobProgress{0.6, stages::kCountingCohorts, "", {}, true});
            return makeError(ErrorCode::Cancelled, "stopped");
        };
        bool newerStarted = false;
        int olderAfterNewer = 0, olderBefore = 0;
        runner.start<int>(QStringLiteral("k"), QStringLiteral("older"), older, this, [](Result<int>) {}, [&](const JobProgress&) {
            (newerStarted ? olderAfterNewer : olderBefore)++;
        });
        QTRY_VERIFY_WITH_TIMEOUT(olderBefore > 0, 5000);
        std::function<Result<int>(const JobContext&)> newer = [](const JobContext& ctx) -> Result<int> {
            ctx.report(JobProgress{1.0, stages::kDone, "", {}, true});
            return 7;
        };
        int newerProgress = 0, result = 0;
        runner.start<int>(QStringLiteral("k"), QStringLiteral("newer"), newer, this, [&](Result<int> r) { result = r.ok() ? *r : -1; },
                          [&](const JobProgress&) { ++newerProgress; });
        newerStarted = true;
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 5000);
        QCOMPARE(result, 7);
        QCOMPARE(newerProgress, 1);
        QCOMPARE(olderAfterNewer, 0);
    }

    // Every stage core reports (common/JobStages.h) reads in Chinese in the workbench, with its
    // subject and live numbers.
    void stagesAreTranslated() {
        LanguageManager language;
        QCOMPARE(language.apply("zh_CN"), QStringLiteral("zh_CN"));
        QStringList untranslated;
        for (const char* stage : stages::kAll) {
            const QString text = JobStageText::stage(stage);
            if (text.isEmpty() || text == QLatin1String(stage)) untranslated << QLatin1String(stage);
        }
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(" | ")));
        const QString epoch = JobStageText::describe(JobProgress{
            0.5, stages::kTraining, "twotower", {{stages::kValueEpoch, 3}, {stages::kValueTrainLoss, 0.52126}}, true});
        QVERIFY2(epoch.contains("twotower") && epoch.contains("3") && epoch.contains("0.5213") && !epoch.contains("Training") &&
                     !epoch.contains("epoch"),
                 qPrintable(epoch));
        QCOMPARE(language.apply("en"), QStringLiteral("en"));
        QCOMPARE(JobStageText::describe(JobProgress{0.5, stages::kTraining, "als", {{stages::kValueEpoch, 3}}}), QStringLiteral("Training: als (epoch 3)"));
    }
};

QTEST_MAIN(TestJobRunner)
#include "TestJobRunner.moc"
