// OverviewScreen: the project's counts and charts, and a warning when the encoder last used on the
// project cannot read its text (the latest measure per kind of text) — and none when it can.
#include <QLabel>
#include <QSignalSpy>
#include <QtTest>

#include "JobRunner.h"
#include "OverviewScreen.h"
#include "UiTestSupport.h"
#include "embed/LanguageCoverage.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

class TestOverviewScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString sample_;

    static LanguageCoverage measure(const char* model, std::int64_t unknown, std::int64_t at) {
        LanguageCoverage c;
        c.model = std::string(model) + "@1";
        c.modelName = model;
        c.target = "items";
        c.counts = TokenCounts{220, 10000, unknown, 0};
        c.exact = true;
        c.measuredAt = at;
        return c;
    }

private slots:
    void initTestCase() {
        sample_ = test::writeSmallSample(dir_, 120, 80);
        QVERIFY(!sample_.isEmpty());
    }

    void warnsWhenTheModelCannotReadTheShop_data() {
        QTest::addColumn<QList<qint64>>("unknownByTime");  // items measures, oldest first
        QTest::addColumn<bool>("warned");
        QTest::newRow("nothing measured") << QList<qint64>{} << false;
        QTest::newRow("English model on Chinese titles") << QList<qint64>{3630} << true;
        QTest::newRow("a Chinese model since") << QList<qint64>{3630, 20} << false;
        QTest::newRow("reads well") << QList<qint64>{40} << false;
    }
    void warnsWhenTheModelCannotReadTheShop() {
        QFETCH(QList<qint64>, unknownByTime);
        QFETCH(bool, warned);
        const QString path = dir_.filePath(QStringLiteral("%1.shelfsense").arg(QTest::currentDataTag()));
        QVERIFY(QFile::copy(sample_, path));
        {
            auto project = Project::open(path.toStdString());
            QVERIFY(project.ok());
            for (int i = 0; i < unknownByTime.size(); ++i)
                QVERIFY(LanguageCoverage::store(**project, measure(i == 0 ? "all-MiniLM-L6-v2" : "bge-small-zh-v1.5", unknownByTime[i], 100 + i)).ok());
        }
        JobRunner runner;
        OverviewScreen screen(runner);
        screen.resize(1100, 800);
        QSignalSpy loaded(&screen, &OverviewScreen::loaded);
        screen.setProject(test::context(path));
        screen.show();
        QVERIFY(loaded.wait(20000));
        auto* label = screen.findChild<QLabel*>("coverage");
        QVERIFY(label);
        QCOMPARE(label->isVisible(), warned);
        if (warned) {
            QVERIFY2(label->text().contains("all-MiniLM-L6-v2") && label->text().contains("36%"), qPrintable(label->text()));
            QVERIFY(test::saveScreenshot(screen, QStringLiteral("overview-coverage-warning.png")));
        }
    }
};

QTEST_MAIN(TestOverviewScreen)
#include "TestOverviewScreen.moc"
