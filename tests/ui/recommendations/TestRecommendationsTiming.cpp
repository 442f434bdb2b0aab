// Measurement, not a check: the Recommendations screen on a project of your own (`bench/scale/run.py
// --steps ui` runs it on the scale benchmark's projects; not part of ctest). Skipped unless
// SS_UI_TIMING=1 and SS_UI_PROJECT=FILE.
//   SS_UI_MODELS=popularity,als   the models shown (kept ones are loaded, others trained first)
//   SS_UI_TIMING_JSON=FILE        writes the numbers
// For each step — opening the session, the first lists, typing a customer id into the search field,
// and showing a customer's history and top-10 lists with explanations — how long it took and the
// longest the window stopped answering meanwhile (GuiStallMeter).
#include <QCompleter>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QtTest>

#include "GuiStallMeter.h"
#include "JobRunner.h"
#include "CustomerSearch.h"
#include "RankedItemsModel.h"
#include "RecommendationsBar.h"
#include "RecommendationsScreen.h"
#include "UiTestSupport.h"

using namespace ss;
using namespace ss::ui;

class TestRecommendationsTiming : public QObject {
    Q_OBJECT

private slots:
    void servingOnAProject() {
        if (qEnvironmentVariableIsEmpty("SS_UI_TIMING") || qEnvironmentVariableIsEmpty("SS_UI_PROJECT"))
            QSKIP("set SS_UI_TIMING=1 and SS_UI_PROJECT=FILE to measure");
        const QString path = qEnvironmentVariable("SS_UI_PROJECT");
        const QStringList models = qEnvironmentVariable("SS_UI_MODELS", "popularity").split(',', Qt::SkipEmptyParts);
        constexpr int kLong = 3'600'000;

        ss::test::GuiStallMeter meter;
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QSignalSpy ready(&screen, &RecommendationsScreen::sessionReady);
        QSignalSpy lists(&screen, &RecommendationsScreen::listsUpdated);
        QSignalSpy failed(&screen, &RecommendationsScreen::failed);
        QSignalSpy similar(&screen, &RecommendationsScreen::similarReady);
        QSignalSpy audience(&screen, &RecommendationsScreen::audienceReady);
        screen.resize(1400, 900);
        screen.setModels(models);
        QJsonArray steps;
        QElapsedTimer timer;
        auto record = [&](const QString& what, bool done, double extraMs = -1) {
            const double seconds = double(timer.nsecsElapsed()) / 1e9;
            QTest::qWait(20);  // a stall just before the signal shows as the next tick's lateness
            QJsonObject step{{"step", what}, {"done", done}, {"seconds", seconds}, {"longest_stall_ms", meter.worstMilliseconds()}};
            if (extraMs >= 0) step["job_ms"] = extraMs;
            qInfo("%s: %s in %.3f s; the window stopped answering for at most %.1f ms%s", qPrintable(what), done ? "done" : "NOT done",
                  seconds, meter.worstMilliseconds(), extraMs >= 0 ? qPrintable(QString(" (job %1 ms)").arg(extraMs, 0, 'f', 2)) : "");
            steps.append(step);
            return done;
        };

        meter.reset();
        timer.start();
        screen.setProject(test::context(path));
        screen.show();
        QVERIFY(record("open the session (load every event)", test::waitUntil(ready, [&] { return ready.count() > 0 || failed.count() > 0; }, kLong)));
        QCOMPARE(failed.count(), 0);
        meter.reset();
        timer.restart();
        auto full = [&] {
            for (int s = 0; s < models.size(); ++s)
                if (screen.list(s)->rowCount() == 0) return false;
            return true;
        };
        QVERIFY(record("first customer's lists (kept models loaded or trained)",
                       test::waitUntil(lists, [&] { return full() || failed.count() > 0; }, kLong), screen.lastRefreshMilliseconds()));
        QCOMPARE(failed.count(), 0);
        // The first lists select their top item, whose similar items and audience are then computed (once
        // a session): waited for, so that the customers' lists below are measured on their own.
        auto detailDone = [&] {
            timer.restart();  // the jobs began as the lists arrived, a moment ago
            meter.reset();
            const bool done = test::waitUntil(similar, [&] { return similar.count() > 0 || failed.count() > 0; }, kLong) &&
                              test::waitUntil(audience, [&] { return audience.count() > 0 || failed.count() > 0; }, kLong);
            const int item = similar.isEmpty() ? -1 : similar.last().first().toInt();
            similar.clear();
            audience.clear();
            return record(QString("similar items and audience of item %1 (%2)").arg(item).arg(models.first()), done && failed.isEmpty());
        };
        QVERIFY(detailDone());

        // Search: type the first characters of customers' ids, one key at a time, as a person would.
        auto* edit = screen.findChild<QLineEdit*>("customer");
        auto* bar = screen.findChild<RecommendationsBar*>();
        QVERIFY(edit && edit->completer() && bar && bar->customers());
        QStringList ids;
        for (std::size_t r = 0; r < bar->customers()->size(); ++r) ids << bar->customers()->id(r);
        QVERIFY(ids.size() > 10);
        double worstKeyMs = 0;  // over every search
        QStringList chosen;
        for (int n = 1; n <= 5; ++n) chosen << ids[static_cast<qsizetype>(double(ids.size()) * n / 6.0)];
        for (const QString& id : chosen) {
            edit->clear();
            edit->setFocus();
            meter.reset();
            timer.restart();
            int matches = 0;
            double keyMs = 0;
            for (int c = 0; c < std::min<qsizetype>(id.size(), 5); ++c) {
                QElapsedTimer key;
                key.start();
                QTest::keyClick(edit, id[c].toLatin1());
                matches = static_cast<int>(bar->matchTotal());
                keyMs = std::max(keyMs, double(key.nsecsElapsed()) / 1e6);
            }
            worstKeyMs = std::max(worstKeyMs, keyMs);
            QVERIFY(record(QString("search '%1' (%2 matches; longest key press in job_ms)").arg(id.left(5)).arg(matches), matches > 0, keyMs));

            meter.reset();
            timer.restart();
            lists.clear();
            screen.showCustomer(id);
            const bool shown = test::waitUntil(lists, [&] { return screen.customer() == id && lists.count() > 0; }, 600'000);
            QVERIFY(record(QString("history and top-10 of %1").arg(id), shown, screen.lastRefreshMilliseconds()));
        }
        double worst = 0;
        for (const auto& s : steps) worst = std::max(worst, s.toObject().value("longest_stall_ms").toDouble());
        qInfo("customers: %lld; longest key press in the search field: %.1f ms", qlonglong(ids.size()), worstKeyMs);
        if (const QString out = qEnvironmentVariable("SS_UI_TIMING_JSON"); !out.isEmpty()) {
            QFile f(out);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QJsonDocument(QJsonObject{{"project", path},
                                              {"models", QJsonArray::fromStringList(models)},
                                              {"customers", ids.size()},
                                              {"longest_key_press_ms", worstKeyMs},
                                              {"steps", steps}})
                        .toJson());
        }
    }
};

QTEST_MAIN(TestRecommendationsTiming)
#include "TestRecommendationsTiming.moc"
