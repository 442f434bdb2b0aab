#include <QAbstractItemModelTester>
#include <QChart>
#include <QLabel>
#include <QtTest>

#include "CatalogMapChart.h"
#include "EncoderAccess.h"
#include "ItemResultsModel.h"
#include "JobRunner.h"
#include "SearchScreen.h"
#include "UiTestSupport.h"
#include "embed/LanguageCoverage.h"
#include "embed/ModelLocator.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

// Drives the Search screen with the real default model on a small sample shop and saves what a
// person sees (offscreen grab) under the build folder's screenshots/.
class TestSearchScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    static void save(QWidget& w, const QString& name) { QVERIFY(test::saveScreenshot(w, name)); }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        project_ = test::writeSmallSample(dir_, 200, 220);
        QVERIFY(!project_.isEmpty());
    }

    void searchFindsTheRightCategory_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("category");
        QTest::newRow("english") << "wireless noise-cancelling earbuds" << "Audio";
        QTest::newRow("coffee") << "espresso machine with milk frother" << "Coffee";
        QTest::newRow("pets") << "grain-free dog food" << "Pet Supplies";
    }
    void searchFindsTheRightCategory() {
        QFETCH(QString, query);
        QFETCH(QString, category);
        JobRunner runner;
        SearchScreen screen(runner);
        QAbstractItemModelTester tester(screen.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.resize(1100, 700);
        screen.setProject(test::context(project_));
        QSignalSpy ready(&screen, &SearchScreen::resultsReady);
        QSignalSpy failed(&screen, &SearchScreen::failed);
        screen.search(query);
        QVERIFY2(ready.wait(120000), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        auto* results = screen.results();
        QCOMPARE(results->rowCount(), 20);
        int inCategory = 0;
        for (int r = 0; r < 5; ++r) inCategory += results->hit(r)->item.category.rfind(category.toStdString(), 0) == 0;
        QVERIFY2(inCategory >= 4, qPrintable(QString("only %1 of the top 5 in %2").arg(inCategory).arg(category)));
        for (int r = 1; r < results->rowCount(); ++r) QVERIFY(results->hit(r - 1)->score >= results->hit(r)->score);
        save(screen, QStringLiteral("search-%1.png").arg(QTest::currentDataTag()));
    }

    void saysHowWellTheModelReadsTheShop() {
        // The sample shop's titles are half Chinese and the default model has an English vocabulary:
        // opening the screen measures (a sample of up to 500 texts: here all 220) and warns; encoding
        // measures again, on every text, and the screen shows what the encode job kept.
        QTemporaryDir dir;
        const QString path = dir.filePath("coverage.shelfsense");
        QVERIFY(QFile::copy(project_, path));
        JobRunner runner;
        SearchScreen screen(runner);
        screen.resize(1100, 700);
        QSignalSpy shown(&screen, &SearchScreen::coverageShown);
        screen.setProject(test::context(path));
        screen.show();
        QVERIFY(shown.wait(120000));
        auto* label = screen.findChild<QLabel*>("coverage");
        QVERIFY(label && label->isVisible());
        QVERIFY2(label->text().contains("does not know") && label->text().contains("item texts"), qPrintable(label->text()));
        QVERIFY2(label->text().contains("all 220 texts"), qPrintable(label->text()));
        save(screen, QStringLiteral("search-coverage.png"));
        shown.clear();
        screen.encode(EncodeTarget::Items);
        QVERIFY(shown.wait(180000));
        QVERIFY2(label->text().contains("all 220 texts"), qPrintable(label->text()));
        auto project = Project::open(path.toStdString(), Database::Mode::ReadOnly);
        QVERIFY(project.ok());
        auto kept = LanguageCoverage::stored(**project);
        QVERIFY(kept.ok() && !kept->empty());
        QCOMPARE(QString::fromStdString(kept->front().target), QStringLiteral("items"));
        QVERIFY(kept->front().exact && kept->front().unreadable());
    }

    void onlyTheNewestSearchIsShown() {
        // Two searches in a row: the older is superseded, so its answer never replaces the newer one.
        JobRunner runner;
        SearchScreen screen(runner);
        screen.setProject(test::context(project_));
        QSignalSpy ready(&screen, &SearchScreen::resultsReady);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        screen.search(QStringLiteral("wireless earbuds"));
        screen.search(QStringLiteral("coffee machine"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        QCOMPARE(ready.size(), 1);
        QVERIFY(screen.findChildren<QLabel*>().size() > 0);
        bool headingNamesNewest = false;
        for (auto* label : screen.findChildren<QLabel*>()) headingNamesNewest = headingNamesNewest || label->text().contains("coffee machine");
        QVERIFY(headingNamesNewest);
    }

    void similarItemsShareTheKind() {
        JobRunner runner;
        SearchScreen screen(runner);
        screen.setProject(test::context(project_));
        QSignalSpy ready(&screen, &SearchScreen::resultsReady);
        screen.showSimilar("SKU-00001");
        QVERIFY(ready.wait(120000));
        const auto* first = screen.results()->hit(0);
        QVERIFY(first);
        QVERIFY(first->item.externalId != "SKU-00001");  // never itself
        // SKU-00001 is an Audio item: most of its nearest neighbours are Audio items too (shared
        // brands pull in some others), against 1 in 22 by chance.
        int audio = 0;
        for (int r = 0; r < 5; ++r) audio += screen.results()->hit(r)->item.category.rfind("Audio", 0) == 0;
        QVERIFY2(audio >= 3, qPrintable(QString::number(audio)));
    }

    void embeddingMapHasOneSeriesPerCategory() {
        JobRunner runner;
        SearchScreen screen(runner);
        screen.resize(1100, 700);
        screen.setProject(test::context(project_));
        QSignalSpy ready(&screen, &SearchScreen::mapReady);
        screen.buildMap();
        QVERIFY(ready.wait(120000));
        QCOMPARE(screen.mapChart()->chart()->series().size(), 22);  // the sample shop's categories
        QCOMPARE(screen.mapChart()->pointCount(), 220);
        save(screen, "embedding-map.png");
    }

    void encodesReviewsAsAJob() {
        JobRunner runner;
        SearchScreen screen(runner);
        screen.setProject(test::context(project_));
        QSignalSpy done(&screen, &SearchScreen::encoded);
        QSignalSpy finished(&runner, &JobRunner::jobFinished);
        screen.encode(EncodeTarget::Reviews);
        QVERIFY(done.wait(120000));
        QCOMPARE(finished.count(), 1);
        QVERIFY(screen.findChild<QLabel*>("heading")->text().contains("encoded now"));
    }

    void modelCanBeChosenPerProject() {
        QTemporaryDir bad;
        QFile config(bad.filePath("config.json"));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(R"({"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2"})");
        config.close();
        auto context = test::context(project_);
        QVERIFY(context);
        const auto refused = EncoderAccess::chooseForProject(*context, bad.path());
        QVERIFY(!refused.ok());
        QVERIFY2(QString::fromStdString(refused.error().describe()).contains("unsupported architecture"),
                 refused.error().describe().c_str());
        QVERIFY(context->modelFolder().isEmpty());               // nothing kept
        QVERIFY(test::context(project_)->modelFolder().isEmpty());  // nothing stored

        auto defaultDir = ModelLocator::defaultModel();
        QVERIFY(defaultDir.ok());
        const QString chosen = QString::fromStdString(defaultDir->string());
        QVERIFY(EncoderAccess::chooseForProject(*context, chosen).ok());
        QCOMPARE(context->modelFolder(), chosen);
        QCOMPARE(test::context(project_)->modelFolder(), chosen);  // kept in the project file
        JobRunner runner;
        SearchScreen screen(runner);
        screen.setProject(context);
        QVERIFY(screen.findChild<QLabel*>("model")->text().contains("chosen for this project"));
        QVERIFY(EncoderAccess::chooseForProject(*context, QString()).ok());
        screen.setProject(context);
        QVERIFY(screen.findChild<QLabel*>("model")->text().contains("workbench default"));
    }

    void missingModelIsReportedNotCrashed() {
        qputenv("SHELFSENSE_MODEL_DIR", dir_.filePath("no-model-here").toUtf8());
        JobRunner runner;
        SearchScreen screen(runner);
        screen.setProject(test::context(project_));
        QCOMPARE(int(screen.searchMode()), int(SearchMode::Lexical));  // what works without a model is offered
        screen.setSearchMode(SearchMode::Hybrid);
        QSignalSpy failed(&screen, &SearchScreen::failed);
        screen.search("anything");
        QCOMPARE(failed.count(), 1);
        QVERIFY(failed.first().first().toString().contains("no-model-here"));
        QVERIFY(failed.first().first().toString().contains("by words only needs none"));
        screen.setSearchMode(SearchMode::Lexical);
        QSignalSpy ready(&screen, &SearchScreen::resultsReady);
        screen.search("tea");
        QVERIFY(ready.wait(60000));
        QVERIFY(screen.results()->rowCount() > 0);
        qunsetenv("SHELFSENSE_MODEL_DIR");
    }

    void eachModeSaysWhatFoundTheItems_data() {
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("scoreHeader");
        QTest::addColumn<QString>("foundBy");     // of every row, or empty: not checked
        QTest::addColumn<bool>("noteShown");
        QTest::newRow("words, chinese") << int(SearchMode::Lexical) << "咖啡" << "Relevance" << "words" << false;
        QTest::newRow("meaning") << int(SearchMode::Semantic) << "espresso machine" << "Similarity" << "meaning" << false;
        // The English model knows no piece of "咖啡": its meaning gets no weight, and the screen says so.
        QTest::newRow("both, chinese") << int(SearchMode::Hybrid) << "咖啡" << "Relevance" << "" << true;
        QTest::newRow("both, english") << int(SearchMode::Hybrid) << "espresso machine" << "Relevance" << "" << true;
    }
    void eachModeSaysWhatFoundTheItems() {
        QFETCH(int, mode);
        QFETCH(QString, query);
        QFETCH(QString, scoreHeader);
        QFETCH(QString, foundBy);
        QFETCH(bool, noteShown);
        JobRunner runner;
        SearchScreen screen(runner);
        QAbstractItemModelTester tester(screen.results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        screen.resize(1100, 700);
        screen.show();
        screen.setProject(test::context(project_));
        screen.setSearchMode(SearchMode(mode));
        QSignalSpy ready(&screen, &SearchScreen::resultsReady);
        QSignalSpy failed(&screen, &SearchScreen::failed);
        screen.search(query);
        QVERIFY2(ready.wait(120000), failed.isEmpty() ? "timeout" : qPrintable(failed.first().first().toString()));
        auto* results = screen.results();
        QVERIFY(results->rowCount() > 0);
        QCOMPARE(results->headerData(ItemResultsModel::Score, Qt::Horizontal).toString(), scoreHeader);
        for (int r = 0; r < results->rowCount(); ++r) {
            const QString by = results->index(r, ItemResultsModel::FoundBy).data().toString();
            QVERIFY(!by.isEmpty());
            if (!foundBy.isEmpty()) QCOMPARE(by, foundBy);
            QVERIFY(!results->index(r, ItemResultsModel::FoundBy).data(Qt::ToolTipRole).toString().isEmpty());
        }
        auto* note = screen.findChild<QLabel*>("fusionNote");
        QCOMPARE(note->isVisible(), noteShown);
        if (noteShown) QVERIFY2(note->text().contains("does not know"), qPrintable(note->text()));
        QCOMPARE(screen.findChild<QWidget*>("semanticShare")->isVisible(), mode == int(SearchMode::Hybrid));
        save(screen, QStringLiteral("search-mode-%1.png").arg(QString(QTest::currentDataTag()).replace(", ", "-")));
    }
};

QTEST_MAIN(TestSearchScreen)
#include "TestSearchScreen.moc"
