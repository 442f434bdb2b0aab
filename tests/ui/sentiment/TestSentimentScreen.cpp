// The Sentiment screen end to end on a sample shop: the overview loads in a job (categories as
// stacked bars, negative share by month, products sortable by share negative), Train runs the
// classifier and labels the reviews, the quality tab shows the run with its confusion matrix,
// complaint topics are grouped and their reviews listed; every model passes
// QAbstractItemModelTester; screenshots in English and 简体中文 are saved for a person to look at.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QtTest>

#include "ClassifierQualityModel.h"
#include "ConfusionMatrixModel.h"
#include "ItemSentimentModel.h"
#include "JobRunner.h"
#include "LanguageManager.h"
#include "QualityPanel.h"
#include "SentimentCategoryChart.h"
#include "SentimentTrendChart.h"
#include "TopicTableModel.h"
#include "TopicsPanel.h"
#include "UiTestSupport.h"
#include "SentimentScreen.h"

using namespace ss;
using namespace ss::ui;

class TestSentimentScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    // The main window opens at 1280×800 with the navigation beside the screens: every tab must fit
    // (as narrow as the Cohorts screen, the widest of the others).
    static void fits(SentimentScreen& screen) {
        const int shown = screen.tabs()->currentIndex();
        for (int tab = 0; tab < screen.tabs()->count(); ++tab) {
            screen.tabs()->setCurrentIndex(tab);
            const QSize hint = screen.minimumSizeHint();
            QVERIFY2(hint.width() <= 830 && hint.height() <= 700, qPrintable(QString("tab %1: %2×%3").arg(tab).arg(hint.width()).arg(hint.height())));
        }
        screen.tabs()->setCurrentIndex(shown);
    }

private slots:
    void initTestCase() {
        project_ = ss::test::writeSmallSample(dir_, 1500, 120);
        QVERIFY(!project_.isEmpty());
    }

    void overviewTrainTopics() {
        JobRunner runner;
        SentimentScreen screen(runner);
        QAbstractItemModelTester items(screen.itemModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxy(screen.itemProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester quality(screen.quality()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester confusion(screen.quality()->confusion(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester topics(screen.topics()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&screen, &SentimentScreen::loaded);
        QSignalSpy topicsShown(screen.topics(), &TopicsPanel::topicsShown);
        screen.resize(1250, 820);
        screen.setProject(test::context(project_));
        QVERIFY(loaded.wait(30000));

        // Before training: stars alone.
        QVERIFY(screen.definitionLabel()->text().contains("stars"));
        QVERIFY(screen.definitionLabel()->text().contains("Asia/Shanghai"));
        QVERIFY(screen.categoryChart()->categoryCount() >= 3);
        QVERIFY(screen.trendChart()->lineCount() >= 2);
        QVERIFY(screen.itemModel()->rowCount() > 20);
        QCOMPARE(screen.quality()->model()->rowCount(), 0);
        QVERIFY(screen.quality()->summary()->text().contains("No classifier"));
        // The products table: most negative first, by the number behind the percentage.
        const auto* p = screen.itemProxy();
        const double first = p->data(p->index(0, ItemSentimentModel::ShareNegative), ItemSentimentModel::SortRole).toDouble();
        const double second = p->data(p->index(1, ItemSentimentModel::ShareNegative), ItemSentimentModel::SortRole).toDouble();
        QVERIFY(first >= second && first > 0);
        QVERIFY(p->data(p->index(0, ItemSentimentModel::ShareNegative), Qt::DisplayRole).toString().endsWith('%'));
        ss::test::saveScreenshot(screen, QStringLiteral("sentiment-overview-en.png"));
        fits(screen);

        // Train TF-IDF (fast, no encoder needed), then the reviews are labelled and shown again.
        screen.classifierBox()->setCurrentIndex(screen.classifierBox()->findData(QStringLiteral("tfidf")));
        QSignalSpy trained(&screen, &SentimentScreen::trained);
        screen.train();
        QVERIFY(trained.wait(120000));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(screen.quality()->model()->rowCount(), 1);
        QVERIFY(screen.quality()->model()->data(screen.quality()->model()->index(0, ClassifierQualityModel::MacroF1), Qt::DisplayRole).toString().contains('['));
        QCOMPARE(screen.quality()->confusion()->rowCount(), 2);
        QVERIFY(screen.quality()->summary()->text().contains("held out"));
        QVERIFY(screen.definitionLabel()->text().contains("kept classifier"));
        screen.tabs()->setCurrentIndex(3);
        ss::test::saveScreenshot(screen, QStringLiteral("sentiment-quality-en.png"));

        // Complaint topics: grouped after loading; the first topic's reviews listed on request.
        if (screen.topics()->model()->rowCount() == 0) QVERIFY(topicsShown.wait(60000));
        QVERIFY(screen.topics()->model()->rowCount() >= 2);
        const auto* topic = screen.topics()->model()->topic(0);
        QVERIFY(topic && !topic->terms.empty());
        QVERIFY(screen.topics()->snippetsLabel()->text().contains(QString::fromStdString(topic->snippets.front().text).toHtmlEscaped()));
        QSignalSpy reviews(screen.topics(), &TopicsPanel::reviewsShown);
        screen.topics()->showReviews(0);
        QVERIFY(reviews.wait(20000));
        QCOMPARE(reviews.first().first().toInt(), topic->size);
        screen.tabs()->setCurrentIndex(2);
        ss::test::saveScreenshot(screen, QStringLiteral("sentiment-topics-en.png"));
        // Praise instead of complaints: a new grouping.
        topicsShown.clear();
        screen.topics()->polarityBox()->setCurrentIndex(1);
        QVERIFY(topicsShown.wait(60000));
        QCOMPARE(screen.topics()->model()->report().polarity, 1);
        screen.tabs()->setCurrentIndex(1);
        ss::test::saveScreenshot(screen, QStringLiteral("sentiment-products-en.png"));
    }

    void chinese() {
        LanguageManager language;
        QCOMPARE(language.apply("zh_CN"), QStringLiteral("zh_CN"));
        JobRunner runner;
        SentimentScreen screen(runner);
        QSignalSpy loaded(&screen, &SentimentScreen::loaded);
        screen.resize(1250, 820);
        screen.setProject(test::context(project_));
        QVERIFY(loaded.wait(30000));
        QVERIFY(!screen.definitionLabel()->text().contains("Each review"));  // translated
        ss::test::saveScreenshot(screen, QStringLiteral("sentiment-overview-zh.png"));
        screen.tabs()->setCurrentIndex(3);
        ss::test::saveScreenshot(screen, QStringLiteral("sentiment-quality-zh.png"));
        language.apply("en");
    }

    void fitsTheWindowEmpty() {
        JobRunner runner;
        SentimentScreen screen(runner);
        fits(screen);
    }

    void fineTuneChoice() {
        JobRunner runner;
        SentimentScreen screen(runner);
        // Minutes on a CPU: "best" without fine-tuning is the default; with it, and alone, are choices.
        QCOMPARE(screen.classifierBox()->currentIndex(), 0);
        QVERIFY(screen.classifierBox()->currentData().toString().isEmpty());
        QVERIFY(screen.classifierBox()->findData(QStringLiteral("best+finetune")) > 0);
        QVERIFY(screen.classifierBox()->findData(QStringLiteral("finetune")) > 0);
        QVERIFY(!screen.classifierBox()->itemData(screen.classifierBox()->findData(QStringLiteral("best+finetune")), Qt::ToolTipRole).toString().isEmpty());
    }

    void fineTunedClassifierInTheQualityTable_data() {
        QTest::addColumn<QString>("skippedCode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trained") << QString() << "Top 2 of 6 encoder layers trained with the head on 3,000 reviews (at most 128 word pieces each); best epoch 2 of 3";
        QTest::newRow("off") << "not-enabled" << "Not trained: fine-tuning is off (it takes minutes without a GPU).";
        QTest::newRow("cannot") << "cannot-tune" << "Not trained: these vectors do not come from an encoder that can be fine-tuned.";
    }
    void fineTunedClassifierInTheQualityTable() {
        QFETCH(QString, skippedCode);
        QFETCH(QString, expected);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        sentiment::SentimentReport report;
        sentiment::ClassifierResult c;
        c.name = "finetune";
        c.trained = skippedCode.isEmpty();
        c.skippedCode = skippedCode.toStdString();
        c.tunedLayers = 2;
        c.encoderLayers = 6;
        c.tuningTexts = 3000;
        c.maxTokens = 128;
        c.bestEpoch = 2;
        c.epochs = 3;
        report.classifiers.push_back(c);
        ClassifierQualityModel model;
        QAbstractItemModelTester tester(&model);
        model.setReport(report);
        QCOMPARE(model.data(model.index(0, ClassifierQualityModel::Settings), Qt::DisplayRole).toString(), expected);
        QCOMPARE(model.data(model.index(0, 0), Qt::DisplayRole).toString(), QStringLiteral("Encoder fine-tuned with a head"));
    }

    void noProject() {
        JobRunner runner;
        SentimentScreen screen(runner);
        QVERIFY(screen.statusLabel()->text().contains("No project"));
        screen.train();  // nothing to train: no job, no crash
        QCOMPARE(screen.itemModel()->rowCount(), 0);
    }
};

QTEST_MAIN(TestSentimentScreen)
#include "TestSentimentScreen.moc"
