#include <QElapsedTimer>
#include <QtTest>

#include <atomic>

#include "JobRunner.h"

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
};

QTEST_MAIN(TestJobRunner)
#include "TestJobRunner.moc"
