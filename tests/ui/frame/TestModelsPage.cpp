#include <QAbstractItemModelTester>
#include <QDir>
#include <QTabWidget>
#include <QTableView>
#include <QtTest>

#include "JobRunner.h"
#include "ModelTableModel.h"
#include "ModelsPage.h"
#include "ProjectContext.h"
#include "SettingsDialog.h"
#include "UiTestSupport.h"
#include "embed/LanguageCoverage.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

// The Settings dialog's model manager on a models folder of its own (XDG_DATA_HOME): a Chinese
// model added from a folder is listed with what it reads, chosen for the project, and removed; a
// folder that is not a model is refused with the reason.
class TestModelsPage : public QObject {
    Q_OBJECT
    QTemporaryDir data_;
    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        qputenv("XDG_DATA_HOME", data_.path().toUtf8());
        QStandardPaths::setTestModeEnabled(true);
        project_ = test::writeSmallSample(dir_, 40, 30);
        QVERIFY(!project_.isEmpty());
        auto project = Project::open(project_.toStdString());
        QVERIFY(project.ok());
        LanguageCoverage c;
        c.model = "tiny@1";
        c.modelName = "tiny-chinese-bert";
        c.target = "items";
        c.counts = TokenCounts{30, 1000, 5, 0};
        c.exact = true;
        QVERIFY(LanguageCoverage::store(**project, c).ok());
    }

    void addUseAndRemove() {
        JobRunner runner;
        auto context = test::context(project_);
        ModelsPage page(runner, context);
        QAbstractItemModelTester tester(page.models(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy listed(&page, &ModelsPage::listed);
        QVERIFY(listed.wait(10000));
        QCOMPARE(page.models()->rowCount(), 0);

        listed.clear();
        page.add(QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert"));
        QVERIFY(listed.wait(30000));
        QCOMPARE(page.models()->rowCount(), 1);
        auto cell = [&](int column) { return page.models()->index(0, column).data().toString(); };
        QCOMPARE(cell(ModelTableModel::Name), QStringLiteral("tiny-chinese-bert"));
        QCOMPARE(cell(ModelTableModel::Language), QStringLiteral("Chinese"));
        QCOMPARE(cell(ModelTableModel::Dimension), QStringLiteral("32"));
        QVERIFY2(cell(ModelTableModel::Coverage).contains("0.5% unknown"), qPrintable(cell(ModelTableModel::Coverage)));
        QVERIFY(cell(ModelTableModel::Use).isEmpty());
        QCOMPARE(QDir(cell(ModelTableModel::Source)), QDir(QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert")));

        listed.clear();
        page.useForProject(0);
        QVERIFY(listed.wait(10000));
        QCOMPARE(cell(ModelTableModel::Use), QStringLiteral("this project"));
        QCOMPARE(QDir(context->modelFolder()), QDir(data_.filePath("shelfsense/models/tiny-chinese-bert")));
        QCOMPARE(QDir(test::context(project_)->modelFolder()), QDir(context->modelFolder()));  // kept in the file

        QSignalSpy failed(&page, &ModelsPage::failed);
        page.add(dir_.path());  // a folder holding a project, not a model
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains("config.json is missing"), qPrintable(failed.first().first().toString()));
        QCOMPARE(page.models()->rowCount(), 1);

        listed.clear();
        page.remove(0);
        QVERIFY(listed.wait(10000));
        QCOMPARE(page.models()->rowCount(), 0);
        QVERIFY(!QDir(data_.filePath("shelfsense/models/tiny-chinese-bert")).exists());
        QVERIFY(test::context(project_)->modelFolder().size() > 0);  // the project's choice is its own; Search then says the folder is gone
    }

    void settingsHaveAModelsPage() {
        JobRunner runner;
        SettingsDialog dialog;
        dialog.showModels(runner, test::context(project_));
        auto* page = dialog.findChild<ModelsPage*>("modelsPage");
        QVERIFY(page);
        QSignalSpy listed(page, &ModelsPage::listed);
        page->add(QStringLiteral(SS_TEST_DATA_DIR "/model/tiny-chinese-bert"));
        QTRY_VERIFY_WITH_TIMEOUT(page->models()->rowCount() == 1, 30000);
        auto* tabs = dialog.findChild<QTabWidget*>();
        QVERIFY(tabs && tabs->count() == 2);
        tabs->setCurrentWidget(page);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        page->findChild<QTableView*>("models")->resizeColumnsToContents();
        QVERIFY(test::saveScreenshot(dialog, QStringLiteral("settings-models.png")));
    }
};

QTEST_MAIN(TestModelsPage)
#include "TestModelsPage.moc"
