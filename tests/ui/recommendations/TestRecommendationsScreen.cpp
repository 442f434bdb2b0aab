#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QGroupBox>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QStackedWidget>
#include <QTabWidget>
#include <QSpinBox>
#include <QtTest>

#include <set>

#include "AudienceChoice.h"
#include "AudienceModel.h"
#include "CustomerSearch.h"
#include "cohorts/Segments.h"
#include "store/Project.h"
#include "HistoryModel.h"
#include "ItemCardDelegate.h"
#include "JobRunner.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ModelsScreen.h"
#include "RankedItemsModel.h"
#include "RecommendationsBar.h"
#include "RecommendationsScreen.h"
#include "RulesPanel.h"
#include "rec/Session.h"
#include "UiTestSupport.h"

using namespace ss;
using namespace ss::ui;

// Drives the Recommendations screen end to end on a small sample shop: customer history, three
// models side by side with explanations, live merchandising rules, similar items and audiences; saves
// what a person sees under the build folder's screenshots/.
class TestRecommendationsScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    static void save(QWidget& w, const QString& name) { QVERIFY(test::saveScreenshot(w, name)); }

    // A job's result may be delivered before the call that started it returns (when the job is done
    // before its continuation is attached), so never wait for a signal that may already be there.
    static bool arrived(QSignalSpy& spy, int ms) {
        return test::waitUntil(spy, [&] { return spy.count() > 0; }, ms);
    }

    static std::set<QString> categories(const RankedItemsModel* m) {
        std::set<QString> out;
        for (const auto& r : m->rows()) out.insert(r.category);
        return out;
    }

private slots:
    void buryComplainedAbout() {
        // The rule names a share of negative reviews; the session resolves the products from the reviews.
        RulesPanel panel;
        QSignalSpy changed(&panel, &RulesPanel::rulesChanged);
        auto* box = panel.findChild<QSpinBox*>("buryNegative");
        QVERIFY(box);
        QVERIFY(!panel.rules().buryNegativeAbove);
        QVERIFY(panel.summary().isEmpty());
        box->setValue(40);
        QVERIFY(changed.wait(2000));
        QCOMPARE(*panel.rules().buryNegativeAbove, 0.4);
        QVERIFY(panel.summary().contains("complained-about"));
        panel.reset();
        QVERIFY(!panel.rules().buryNegativeAbove);
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        project_ = test::writeSmallSample(dir_, 300, 220);
        QVERIFY(!project_.isEmpty());
    }

    void historyListsRulesAndAudience() {
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QAbstractItemModelTester historyTester(screen.history(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester similarTester(screen.similarItems(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester audienceTester(screen.audience(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> listTesters;
        for (int s = 0; s < RecommendationsScreen::kSlots; ++s)
            listTesters.push_back(std::make_unique<QAbstractItemModelTester>(screen.list(s), QAbstractItemModelTester::FailureReportingMode::QtTest));
        QSignalSpy failed(&screen, &RecommendationsScreen::failed);
        QSignalSpy ready(&screen, &RecommendationsScreen::sessionReady);
        QSignalSpy lists(&screen, &RecommendationsScreen::listsUpdated);
        QSignalSpy firstAudience(&screen, &RecommendationsScreen::audienceReady);
        screen.resize(1500, 950);
        screen.setProject(test::context(project_));
        QCOMPARE(screen.models(), (QStringList{"als", "itemknn", "popularity"}));
        screen.show();  // loads the session on first show
        QVERIFY2(arrived(ready, 60000), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        auto full = [&] {
            for (int s = 0; s < 3; ++s)
                if (screen.list(s)->rowCount() != 10) return false;
            return true;
        };
        QVERIFY2(test::waitUntil(lists, full, 120000), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QVERIFY(failed.isEmpty());
        const QString customer = screen.customer();
        QVERIFY(!customer.isEmpty());

        // History: newest first, with behaviours and titles.
        auto* history = screen.history();
        QVERIFY(history->rowCount() >= 5);
        for (int r = 1; r < history->rowCount(); ++r)
            QVERIFY(history->data(history->index(r - 1, 0), HistoryModel::TimeRole).toLongLong() >=
                    history->data(history->index(r, 0), HistoryModel::TimeRole).toLongLong());
        QVERIFY(!history->row(0)->title.isEmpty());
        QVERIFY(!history->row(0)->category.isEmpty());
        std::set<QString> known;
        for (int r = 0; r < history->rowCount(); ++r) known.insert(history->row(r)->externalId);

        // Lists: known items excluded, scores descending, explanations name history items.
        for (int s = 0; s < 3; ++s) {
            const auto& rows = screen.list(s)->rows();
            for (std::size_t i = 0; i < rows.size(); ++i) {
                QVERIFY2(!known.count(rows[i].externalId), qPrintable(rows[i].externalId));
                if (i) QVERIFY(rows[i - 1].adjusted >= rows[i].adjusted);
                QVERIFY(!rows[i].title.isEmpty());
            }
        }
        const auto& knn = screen.list(1)->rows();  // item-kNN: explanations are the terms of its score
        QVERIFY2(knn[0].because.startsWith("because you "), qPrintable(knn[0].because));
        QVERIFY(knn[0].becauseDetail.contains("Contributions"));
        QVERIFY(screen.list(2)->rows()[0].because.isEmpty());  // popularity explains nothing
        qInfo("top-10 lists of three models (a job): %.2f ms", screen.lastRefreshMilliseconds());
        // The item panel starts with the first list's top item.
        QVERIFY(arrived(firstAudience, 20000));
        QCOMPARE(firstAudience.first().first().toInt(), screen.list(0)->rows()[0].item);
        save(screen, "recommendations-history.png");

        // Rules: hiding the top item's category removes every item of it, and the lists stay full.
        const QString hidden = screen.list(0)->rows()[0].category;
        screen.rulesPanel()->setCategoryChecked(hidden, true);
        QVERIFY(test::waitUntil(lists, [&] { return !categories(screen.list(0)).count(hidden); }, 5000));
        for (int s = 0; s < 3; ++s) {
            QVERIFY(!categories(screen.list(s)).count(hidden));
            QCOMPARE(screen.list(s)->rowCount(), 10);
        }
        // Show only one category.
        const QString only = screen.list(1)->rows()[0].category;
        screen.rulesPanel()->setCategoryChecked(hidden, false);
        screen.rulesPanel()->setCategoryChecked(only, true);
        screen.rulesPanel()->setCategoryMode(true);
        QVERIFY(test::waitUntil(lists, [&] { return categories(screen.list(0)) == std::set<QString>{only}; }, 5000));
        QCOMPARE(categories(screen.list(2)), std::set<QString>{only});
        screen.rulesPanel()->reset();
        QVERIFY(test::waitUntil(lists, [&] { return categories(screen.list(0)).size() > 1; }, 5000));

        // Price cap.
        screen.rulesPanel()->setPriceLimits(std::nullopt, 50.0);
        QVERIFY(test::waitUntil(lists, [&] {
            for (const auto& r : screen.list(0)->rows()) if (!r.price || *r.price > 50.0) return false;
            return screen.list(0)->rowCount() > 0;
        }, 5000));
        screen.rulesPanel()->setPriceLimits(std::nullopt, std::nullopt);
        QVERIFY(test::waitUntil(lists, [&] { return screen.list(0)->rowCount() == 10; }, 5000));

        // Bury the top item of ALS: it leaves the top spot; boost the 10th: it climbs.
        const QString top = screen.list(0)->rows()[0].externalId;
        const QString tenth = screen.list(0)->rows()[9].externalId;
        screen.rulesPanel()->addBury(top);
        screen.rulesPanel()->addBoost(tenth);
        auto rankOf = [&](const QString& id) {
            const auto& rows = screen.list(0)->rows();
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (rows[i].externalId == id) return int(i);
            return -1;
        };
        QVERIFY(test::waitUntil(lists, [&] { return rankOf(top) != 0; }, 5000));
        QVERIFY2(rankOf(tenth) >= 0 && rankOf(tenth) < 9, qPrintable(QString::number(rankOf(tenth))));
        const auto& boosted = screen.list(0)->rows()[static_cast<std::size_t>(rankOf(tenth))];
        QVERIFY(boosted.adjusted > boosted.score);
        screen.sideTabs()->setCurrentIndex(1);
        save(screen, "recommendations-rules.png");
        screen.rulesPanel()->reset();
        QVERIFY(test::waitUntil(lists, [&] { return rankOf(top) == 0; }, 5000));

        // An item's similar items and audience.
        QSignalSpy similar(&screen, &RecommendationsScreen::similarReady);
        QSignalSpy audience(&screen, &RecommendationsScreen::audienceReady);
        const int item = screen.list(1)->rows()[0].item;
        screen.showItem("itemknn", item);
        auto has = [item](const QSignalSpy& spy) {
            for (const auto& args : spy)
                if (args.first().toInt() == item) return true;
            return false;
        };
        QVERIFY(test::waitUntil(similar, [&] { return has(similar); }, 20000));
        QVERIFY(test::waitUntil(audience, [&] { return has(audience); }, 20000));
        QVERIFY(screen.similarItems()->rowCount() > 0);
        for (const auto& r : screen.similarItems()->rows()) QVERIFY(r.item != item);
        QCOMPARE(screen.audience()->rowCount(), 20);
        for (int r = 1; r < screen.audience()->rowCount(); ++r) QVERIFY(screen.audience()->row(r - 1)->score >= screen.audience()->row(r)->score);
        QVERIFY(!screen.findChild<QLabel*>("itemHeading")->text().isEmpty());
        screen.sideTabs()->setCurrentIndex(0);
        save(screen, "recommendations-item.png");
        screen.findChild<QTabWidget*>("itemTabs")->setCurrentIndex(1);
        save(screen, "recommendations-audience.png");

        // Another customer from the audience: history and lists follow.
        QSignalSpy history2(&screen, &RecommendationsScreen::historyReady);
        const QString other = screen.audience()->row(0)->externalId;
        screen.showCustomer(other);
        QVERIFY2(arrived(history2, 20000), qPrintable(other + " / " + screen.findChild<QLabel*>("status")->text()));
        QCOMPARE(screen.customer(), other);
        QVERIFY(test::waitUntil(lists, full, 20000));
        QVERIFY(failed.isEmpty());
    }

    void inTheMainWindow() {
        // Models trained on this project before (here by a session of its own) are kept in it.
        {
            auto session = rec::RecommendationSession::open(project_.toStdString(), {}, {});
            QVERIFY(session.ok());
            for (const char* name : {"als", "itemknn"}) QVERIFY((*session)->train(name, {}, {}).ok());
        }
        QCoreApplication::setOrganizationName("ShelfSenseTest");
        LanguageManager language;
        MainWindow window(language);
        window.resize(1280, 800);
        window.show();
        auto* screen = window.findChild<RecommendationsScreen*>();
        QVERIFY(screen);
        QVERIFY(window.findChild<ModelsScreen*>());
        QSignalSpy lists(screen, &RecommendationsScreen::listsUpdated);
        QVERIFY(test::openAndWait(window, project_));
        QVERIFY(screen->customer().isEmpty());  // nothing loads until the screen is shown
        window.showScreen(2);
        QCOMPARE(window.findChild<QStackedWidget*>()->currentWidget(), static_cast<QWidget*>(screen));
        QVERIFY(test::waitUntil(lists, [&] {
            for (int s = 0; s < 3; ++s)
                if (screen->list(s)->rowCount() != 10) return false;
            return true;
        }, 120000));
        // The kept models are taken back, and the lists say so.
        int kept = 0;
        for (auto* box : screen->findChildren<QGroupBox*>())
            kept += box->title().contains(QStringLiteral("model kept in the project"));
        QVERIFY(kept >= 1);
        QSignalSpy audience(screen, &RecommendationsScreen::audienceReady);
        QVERIFY(screen->audience()->rowCount() > 0 || arrived(audience, 20000));
        QCOMPARE(window.width(), 1280);  // the new screens fit the default window
        save(window, "recommendations-main-window.png");
        window.showScreen(3);
        auto* models = window.findChild<ModelsScreen*>();
        QSignalSpy evaluated(models, &ModelsScreen::evaluated);
        models->evaluate();
        QVERIFY(arrived(evaluated, 120000));
        save(window, "models-main-window.png");
    }

    // Measurement, not a check (run with SS_UI_TIMING=1): the default sample shop (5,000 customers,
    // 2,000 items): how long three top-10 lists take on the GUI thread, and an audience job.
    void timingOnTheDefaultShop() {
        if (qEnvironmentVariableIsEmpty("SS_UI_TIMING")) QSKIP("set SS_UI_TIMING=1 to measure");
        const QString path = dir_.filePath("default.shelfsense");
        QElapsedTimer timer;
        timer.start();
        QVERIFY(SampleShop::write(path.toStdString(), SampleShopOptions{}, JobContext{}).ok());
        qInfo("sample shop written in %lld ms", timer.restart());
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QSignalSpy lists(&screen, &RecommendationsScreen::listsUpdated);
        QSignalSpy audience(&screen, &RecommendationsScreen::audienceReady);
        screen.setProject(test::context(path));
        screen.load();
        QVERIFY(test::waitUntil(lists, [&] { return screen.list(0)->rowCount() == 10 && screen.list(1)->rowCount() == 10; }, 300000));
        qInfo("session open + ALS, item-kNN, popularity trained + first lists: %lld ms", timer.restart());
        QVERIFY(arrived(audience, 60000));
        qInfo("first audience (scores every customer): %lld ms after the lists", timer.restart());
        for (int k : {20, 50, 100, 10}) {
            lists.clear();
            screen.setTopK(k);
            QVERIFY(arrived(lists, 10000));
            qInfo("top-%d lists of three models: %.2f ms", k, screen.lastRefreshMilliseconds());
        }
        lists.clear();
        screen.rulesPanel()->setCategoryChecked(screen.list(0)->rows()[0].category, true);
        QVERIFY(arrived(lists, 5000));
        qInfo("with a category rule: %.2f ms", screen.lastRefreshMilliseconds());
    }

    // A million customers' ids complete as one types: the popup's rows are all one line high, so it
    // never measures ~100,000 matching rows (timed by timing_recommendations_screen, not here).
    // The field lists what CustomerSearch finds as each key is typed, counts every match beside it, and
    // a choice from the list shows that customer.
    void customerSearchAmongMany() {
        RecommendationsBar bar;
        auto customers = std::make_shared<CustomerSearch>();
        std::size_t holdingOne = 0;
        for (int i = 0; i < 20'000; ++i) {
            customers->add(std::to_string(100'000 + i * 7));
            holdingOne += std::to_string(100'000 + i * 7).find('1') != std::string::npos;
        }
        bar.setCustomers(customers);
        auto* completer = bar.customerEdit()->completer();
        auto* popup = qobject_cast<QListView*>(completer->popup());
        QVERIFY(popup && popup->uniformItemSizes());
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QTest::keyClicks(bar.customerEdit(), "1");
        QCOMPARE(completer->completionCount(), int(RecommendationsBar::kListedMatches));
        QCOMPARE(bar.matchTotal(), holdingOne);
        QCOMPARE(bar.matchCount()->text(), QString("%1 found, first 500 listed").arg(QLocale().toString(qulonglong(holdingOne))));
        bar.resize(1300, bar.sizeHint().height());
        save(bar, "recommendations-customer-search.png");
        QTest::keyClicks(bar.customerEdit(), "0035");
        QCOMPARE(completer->completionCount(), 2);  // 100350 and 100357
        QCOMPARE(bar.matchTotal(), std::size_t(2));
        QCOMPARE(bar.matchCount()->text(), QString("2 found"));
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->model()->index(0, 0).data().toString(), QString("100350"));
        QSignalSpy chosen(completer, qOverload<const QString&>(&QCompleter::activated));
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().toString(), QString("100350"));
        QCOMPARE(bar.customerEdit()->text(), QString("100350"));
        bar.customerEdit()->clear();
        QTest::keyClicks(bar.customerEdit(), "x");
        QCOMPARE(completer->completionCount(), 0);
        QCOMPARE(bar.matchCount()->text(), QString("none found"));
    }

    void unknownCustomerIsReported() {
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QSignalSpy ready(&screen, &RecommendationsScreen::sessionReady);
        QSignalSpy failed(&screen, &RecommendationsScreen::failed);
        screen.setProject(test::context(project_));
        screen.load();
        QVERIFY(arrived(ready, 60000));
        screen.showCustomer("no-such-customer");
        QVERIFY(arrived(failed, 20000));
        QVERIFY(failed.last().first().toString().contains("no-such-customer"));
    }

    // The word content model needs no encoder; its reasons and its similar items name the words in
    // common (words for English titles, character n-grams for Chinese ones).
    void wordContentModelExplainsInWords() {
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QSignalSpy ready(&screen, &RecommendationsScreen::sessionReady);
        QSignalSpy lists(&screen, &RecommendationsScreen::listsUpdated);
        QSignalSpy similar(&screen, &RecommendationsScreen::similarReady);
        QSignalSpy failed(&screen, &RecommendationsScreen::failed);
        QAbstractItemModelTester similarTester(screen.similarItems(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.resize(1500, 950);
        screen.setProject(test::context(project_));
        screen.setModels({"content_words", "als"});
        screen.show();
        QVERIFY(arrived(ready, 60000));
        QVERIFY2(test::waitUntil(lists, [&] { return screen.list(0)->rowCount() == 10 && screen.list(1)->rowCount() == 10; }, 120000),
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        const auto& rows = screen.list(0)->rows();
        QVERIFY2(rows[0].because.startsWith("words in common: “"), qPrintable(rows[0].because));
        QVERIFY2(rows[0].because.contains(" · because you "), qPrintable(rows[0].because));
        QVERIFY(!screen.list(1)->rows()[0].because.contains("words in common"));  // ALS has no words
        QVERIFY2(test::waitUntil(similar, [&] { return screen.similarItems()->rowCount() > 0; }, 30000),
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        const QString note = screen.similarItems()->data(screen.similarItems()->index(0, RankedItemsModel::Title), ItemCardDelegate::NoteRole).toString();
        QVERIFY2(note.startsWith("words in common: “"), qPrintable(note));
        QVERIFY(failed.isEmpty());
        save(screen, "recommendations-content-words.png");
    }

    // A saved segment as the audience: each list shows the items the model puts in most of its
    // members' top K, with the share of the segment; asking for one customer by name switches back.
    void segmentAsAudience() {
        const QString copy = dir_.filePath("audience.shelfsense");
        QVERIFY(QFile::copy(project_, copy));
        std::vector<std::int64_t> ids;
        for (std::int64_t id = 1; id <= 120; id += 2) ids.push_back(id);
        {
            auto project = Project::open(copy.toStdString());
            QVERIFY(project.ok());
            QVERIFY(Segments::save((*project)->db(), "odd customers", "every other customer", ids, false, 0).ok());
        }
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QSignalSpy ready(&screen, &RecommendationsScreen::sessionReady);
        QSignalSpy lists(&screen, &RecommendationsScreen::listsUpdated);
        QSignalSpy failed(&screen, &RecommendationsScreen::failed);
        QSignalSpy listed(screen.audienceChoice(), &AudienceChoice::listed);
        screen.resize(1500, 950);
        screen.setProject(test::context(copy));
        screen.setModels({"itemknn", "popularity"});
        screen.show();
        QVERIFY(arrived(ready, 60000));
        QVERIFY(arrived(listed, 20000));
        const int index = screen.audienceChoice()->findData(QStringLiteral("odd customers"));
        QVERIFY(index > 0);
        QCOMPARE(screen.audienceChoice()->itemText(index), QStringLiteral("Segment: odd customers (60 customers)"));
        screen.audienceChoice()->setCurrentIndex(index);
        QVERIFY2(test::waitUntil(lists, [&] { return screen.segment() == "odd customers" && screen.list(0)->rowCount() == 10 && screen.list(1)->rowCount() == 10; }, 60000),
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        for (int slot = 0; slot < 2; ++slot) {
            const auto& rows = screen.list(slot)->rows();
            for (std::size_t i = 0; i < rows.size(); ++i) {
                QVERIFY2(rows[i].score > 0 && rows[i].score <= 1, qPrintable(QString("%1 %2 %3").arg(slot).arg(rows[i].score).arg(rows[i].because)));
                const double customers = rows[i].score * 60;
                QVERIFY2(std::fabs(customers - std::round(customers)) < 1e-4, qPrintable(rows[i].because));  // a share of the 60 members (float)
                if (i) QVERIFY(rows[i - 1].score >= rows[i].score);
                QVERIFY2(rows[i].because.startsWith("in the top 10 of "), qPrintable(rows[i].because));
            }
        }
        // Popularity shows everyone the same list: its top item is in every member's top 10 they have not bought.
        QVERIFY(screen.list(1)->rows().front().score > 0.5);
        QCOMPARE(screen.list(0)->headerData(RankedItemsModel::Score, Qt::Horizontal).toString(), QStringLiteral("Share"));
        save(screen, "recommendations-segment.png");
        // One customer by name: the lists are theirs again.
        screen.showCustomer(QStringLiteral("U00002"));
        QVERIFY(test::waitUntil(lists, [&] { return screen.segment().isEmpty() && screen.list(0)->rowCount() == 10 &&
                                              screen.list(0)->rows()[0].because.startsWith("because you"); }, 60000));
        QCOMPARE(screen.audienceChoice()->currentIndex(), 0);
        QVERIFY(failed.isEmpty());
    }

    void contentModelWithTheEncoder() {
#ifndef SHELFSENSE_WITH_TORCH
        QSKIP("this build has no LibTorch: no sentence encoder for the content model");
#endif
        JobRunner runner;
        RecommendationsScreen screen(runner);
        QSignalSpy ready(&screen, &RecommendationsScreen::sessionReady);
        QSignalSpy lists(&screen, &RecommendationsScreen::listsUpdated);
        QSignalSpy failed(&screen, &RecommendationsScreen::failed);
        screen.resize(1500, 950);
        screen.setProject(test::context(project_));
        screen.setModels({"content", "als"});
        screen.load();
        QVERIFY(arrived(ready, 60000));
        QVERIFY2(test::waitUntil(lists, [&] { return screen.list(0)->rowCount() == 10 && screen.list(1)->rowCount() == 10; }, 180000),
                 failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        QVERIFY2(screen.list(0)->rows()[0].because.startsWith("because you "), qPrintable(screen.list(0)->rows()[0].because));
        // Diversity re-ranking needs the item vectors the content model loaded: now it works.
        const auto before = screen.list(0)->rows();
        screen.rulesPanel()->setDiversity(0.3);
        QVERIFY(test::waitUntil(lists, [&] {
            const auto& now = screen.list(0)->rows();
            for (std::size_t i = 0; i < now.size(); ++i)
                if (now[i].externalId != before[i].externalId) return true;
            return false;
        }, 5000));
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().toString()));
        std::set<QString> beforeCategories;
        for (const auto& r : before) beforeCategories.insert(r.category);
        qInfo("content top-10 categories: %zu without MMR, %zu with λ = 0.3", beforeCategories.size(), categories(screen.list(0)).size());
        QVERIFY(categories(screen.list(0)).size() >= beforeCategories.size());
        save(screen, "recommendations-content-mmr.png");
    }
};

QTEST_MAIN(TestRecommendationsScreen)
#include "TestRecommendationsScreen.moc"
