#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QChartView>
#include <QValueAxis>
#include <QtTest>
#include <QAction>
#include <QProcess>
#include <QStatusBar>
#include <QScopeGuard>

#include <sqlite3.h>
#include <unistd.h>

#include <cmath>

#include "DailyEventsModel.h"
#include "DataScreen.h"
#include "JobRunner.h"
#include "LanguageManager.h"
#include "LazyTableModel.h"
#include "MainWindow.h"
#include "KpiTile.h"
#include "OverviewScreen.h"
#include "UiTestSupport.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

namespace {

// Raw SQLite, independent of the code under test.
bool rawExec(const QString& path, const char* sql) {
    sqlite3* db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK;
    ok = ok && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName("ShelfSenseTest");
        project_ = test::writeSmallSample(dir_);
        QVERIFY(!project_.isEmpty());
    }

    void openingIsAJobAndTheLatestWins() {
        // Opening (which may create or upgrade the file) runs as a job: the call returns at once and
        // the window stays responsive. A second open before the first has finished replaces it.
        LanguageManager language;
        MainWindow window(language);
        window.show();
        QTemporaryDir dir;
        const QString first = dir.filePath("first.shelfsense"), second = dir.filePath("second.shelfsense");
        QVERIFY(QFile::copy(project_, first));
        QVERIFY(QFile::copy(project_, second));
        QSignalSpy opened(&window, &MainWindow::projectOpened);
        window.openProject(first, true);
        QCOMPARE(opened.count(), 0);  // not opened on the GUI thread
        QVERIFY(window.projectPath().isEmpty());
        window.openProject(second, true);
        QVERIFY(opened.wait(20000));
        QVERIFY(!opened.wait(300));  // no late answer for the first file
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.first().first().toString(), second);
        QCOMPARE(window.projectPath(), second);
        QVERIFY(window.project());
        QCOMPARE(window.project()->path(), second);
    }

    void opensProjectAndFillsScreens() {
        LanguageManager language;
        MainWindow window(language);
        window.show();
        auto* overview = window.findChild<OverviewScreen*>();
        QVERIFY(overview);
        QSignalSpy loaded(overview, &OverviewScreen::loaded);
        QSignalSpy kpis(overview, &OverviewScreen::kpisLoaded);
        QSignalSpy opened(&window, &MainWindow::projectOpened);
        QVERIFY(test::openAndWait(window, project_));
        QCOMPARE(opened.count(), 1);
        QVERIFY(loaded.wait(10000));
        QVERIFY(kpis.count() > 0 || kpis.wait(20000));
        // Stickiness tiles: numbers and trends, not placeholders.
        QVERIFY(overview->activeTile()->value().toInt() > 0);
        QVERIFY(overview->repeatTile()->value().endsWith('%'));
        QVERIFY(overview->retentionTile()->value().endsWith('%'));
        QCOMPARE(overview->activeTile()->sparklinePoints(), 12);
        QVERIFY(overview->retentionTile()->sparklinePoints() >= 2);
        test::saveScreenshot(*overview, QStringLiteral("overview-kpis-en.png"));
        const QString summary = overview->findChild<QLabel*>("summary")->text();
        QVERIFY2(summary.contains("220"), qPrintable(summary));  // items
        QVERIFY(overview->dailyModel()->rowCount() > 60);
        // The project's name heads the overview and the title; its path is in the tooltip and the title.
        QVERIFY2(summary.contains("<h2>sample</h2>"), qPrintable(summary));
        QVERIFY(!summary.contains(dir_.path()));
        QCOMPARE(overview->findChild<QLabel*>("summary")->toolTip(), project_);
        QVERIFY(window.windowTitle().startsWith("sample ("));
        QVERIFY(window.windowTitle().contains(project_));
        // The daily chart's count axis ticks at round numbers from zero.
        auto* chart = overview->findChild<QChartView*>()->chart();
        auto* counts = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
        QVERIFY(counts);
        QCOMPARE(counts->min(), 0.0);
        const double step = (counts->max() - counts->min()) / (counts->tickCount() - 1);
        const double magnitude = std::pow(10.0, std::floor(std::log10(step)));
        QVERIFY2(QList<double>({1, 2, 2.5, 5}).contains(step / magnitude), qPrintable(QString::number(step)));
        QVERIFY(counts->tickCount() <= 6);
        QVERIFY(counts->max() >= overview->dailyModel()->maxEvents());

        auto* data = window.findChild<DataScreen*>();
        QVERIFY(data);
        QTRY_COMPARE(data->model()->totalRows(), qint64(220));

        auto* navigation = window.findChild<QListWidget*>("navigation");
        QCOMPARE(navigation->count(), 7);
        for (int i = 0; i < navigation->count(); ++i) {
            const QIcon icon = navigation->item(i)->icon();
            QVERIFY2(!icon.isNull() && !icon.pixmap(20, 20).toImage().isNull(), qPrintable(navigation->item(i)->text()));
        }
        window.showScreen(1);
        QCOMPARE(window.findChild<QStackedWidget*>()->currentWidget(), static_cast<QWidget*>(data));
    }

    void switchesLanguageAtRunTime() {
        LanguageManager language;
        MainWindow window(language);
        window.show();
        QVERIFY(test::openAndWait(window, project_));
        auto* navigation = window.findChild<QListWidget*>("navigation");
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Overview"));
        window.showScreen(1);
        QSignalSpy rebuilt(&window, &MainWindow::languageRebuilt);
        QCOMPARE(language.apply("zh_CN"), QStringLiteral("zh_CN"));
        QVERIFY(rebuilt.wait(5000));
        navigation = window.findChild<QListWidget*>("navigation");
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("概览"));
        QCOMPARE(navigation->currentRow(), 1);  // the same screen stays in front
        auto* data = window.findChild<DataScreen*>();
        QVERIFY(data);
        QCOMPARE(data->findChild<QLineEdit*>()->placeholderText(), QStringLiteral("筛选（匹配文本列）"));
        QTRY_COMPARE(data->model()->totalRows(), qint64(220));  // the project is shown again
        QCOMPARE(language.apply("en"), QStringLiteral("en"));
        QVERIFY(rebuilt.wait(5000));
        QCOMPARE(window.findChild<QListWidget*>("navigation")->item(0)->text(), QStringLiteral("Overview"));
    }

    void refusesBrokenProject_data() {
        QTest::addColumn<QString>("kind");
        QTest::newRow("not SQLite") << "text";
        QTest::newRow("another program's SQLite file") << "foreign";
        QTest::newRow("a project missing a table") << "damaged";
    }
    void refusesBrokenProject() {
        QFETCH(QString, kind);
        LanguageManager language;
        MainWindow window(language);
        QTemporaryDir dir;
        const QString path = dir.filePath("broken.shelfsense");
        if (kind == "text") {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, 'x'));
        } else if (kind == "foreign") {
            QVERIFY(rawExec(path, "CREATE TABLE t(x); INSERT INTO t VALUES(1);"));
        } else {
            QVERIFY(QFile::copy(project_, path));
            QVERIFY(rawExec(path, "DROP TABLE reviews;"));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QVERIFY(!test::openAndWait(window, path));
        QVERIFY(window.projectPath().isEmpty());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), before);  // refused as it was, never "repaired"
    }

    void saysWhenWaitingForAnotherWriter() {
        // Another program holds the write lock; a job that writes waits, and the status bar says so.
        LanguageManager language;
        MainWindow window(language);
        window.show();
        QTemporaryDir dir;
        const QString path = dir.filePath("busy.shelfsense");
        QVERIFY(QFile::copy(project_, path));
        QVERIFY(test::openAndWait(window, path));
        QVERIFY(!window.projectReadOnly());
        sqlite3* holder = nullptr;
        QCOMPARE(sqlite3_open(path.toUtf8().constData(), &holder), SQLITE_OK);
        QCOMPARE(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
        std::function<Result<int>(const JobContext&)> job = [p = path.toStdString()](const JobContext&) -> Result<int> {
            auto project = Project::open(p);
            if (!project) return project.error();
            if (Status s = (*project)->setSetting("written", "after the wait"); !s) return s.error();
            return 1;
        };
        bool done = false, ok = false;
        window.jobs().start<int>(QStringLiteral("write"), job, &window, [&](Result<int> r) {
            done = true;
            ok = r.ok();
        });
        const bool said = QTest::qWaitFor(
            [&] { return window.statusBar()->currentMessage().contains(QStringLiteral("another program is writing")); }, 10000);
        const bool waited = !done;  // still waiting, not failed
        sqlite3_exec(holder, "COMMIT", nullptr, nullptr, nullptr);  // released whatever happened above
        sqlite3_close(holder);
        QVERIFY(said);
        QVERIFY(waited);
        QTRY_VERIFY_WITH_TIMEOUT(done, 10000);
        QVERIFY(ok);
    }

    void opensReadOnlyProject() {
        // A colleague's project on a read-only drive: it opens, its screens fill, and the window
        // says it is read-only and offers no import. (root ignores file modes: a read-only tmpfs.)
        QTemporaryDir dir;
        const QString folder = dir.filePath("drive");
        QVERIFY(QDir().mkpath(folder));
        const QString path = folder + "/shop.shelfsense";
        QVERIFY(QFile::copy(project_, path));
        bool mounted = false;
        if (::geteuid() == 0) {
            QVERIFY(QFile::remove(path));
            if (QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=16m", "tmpfs", folder}) != 0)
                QSKIP("a read-only drive needs mount, which is not allowed here");
            mounted = true;
            QVERIFY(QFile::copy(project_, path));
            QCOMPARE(QProcess::execute("mount", {"-o", "remount,ro", folder}), 0);
        } else {
            QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
            QVERIFY(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        auto unmount = qScopeGuard([&] {
            if (mounted) QProcess::execute("umount", {folder});
            else QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        });
        {
            LanguageManager language;
            MainWindow window(language);
            window.show();
            auto* overview = window.findChild<OverviewScreen*>();
            QSignalSpy kpis(overview, &OverviewScreen::kpisLoaded);
            QVERIFY(test::openAndWait(window, path));
            QVERIFY(window.projectReadOnly());
            QVERIFY(window.windowTitle().contains(QStringLiteral("read-only")));
            QVERIFY(!window.findChild<QAction*>("importAction")->isEnabled());
            QVERIFY(kpis.wait(20000));
            QVERIFY(overview->activeTile()->value().toInt() > 0);  // read from the read-only file
        }
    }

    void jobsPanelShowsAndCancels() {
        LanguageManager language;
        MainWindow window(language);
        window.show();
        QSignalSpy finished(&window.jobs(), &JobRunner::jobFinished);
        std::function<Result<int>(const JobContext&)> job = [](const JobContext& ctx) -> Result<int> {
            for (int i = 0; i < 2000; ++i) {
                if (ctx.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
                ctx.report(i / 2000.0, "working");
                QThread::msleep(5);
            }
            return 1;
        };
        bool delivered = false;
        window.jobs().start<int>("slow job", job, &window, [&](Result<int> r) {
            delivered = true;
            QVERIFY(!r.ok());
            QCOMPARE(int(r.error().code), int(ErrorCode::Cancelled));
        });
        auto* dock = window.findChild<QDockWidget*>("jobsDock");
        QVERIFY(dock);
        QTRY_VERIFY(dock->isVisible());  // a job still running after a moment brings the panel up
        QPushButton* cancel = nullptr;
        QTRY_VERIFY((cancel = dock->findChild<QPushButton*>("cancel")) != nullptr);
        QTRY_VERIFY(dock->findChild<QProgressBar*>("progress")->maximum() == 1000);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(2).toBool(), true);  // cancelled
        QVERIFY(delivered);
        QVERIFY(dock->findChild<QLabel*>("stage")->text().contains("Cancelled"));
        QTRY_VERIFY_WITH_TIMEOUT(dock->isHidden(), 10000);  // and it goes once nothing runs
    }

    void jobsPanelKeepsOutOfTheWay_data() {
        QTest::addColumn<int>("runMs");
        QTest::addColumn<bool>("fails");
        QTest::addColumn<bool>("visibleAfter");
        QTest::newRow("a quick job is never shown") << 30 << false << false;
        QTest::newRow("a quick failure is told in the status bar alone") << 30 << true << false;
        QTest::newRow("a slow failure stays on screen") << 1500 << true << true;
    }
    void jobsPanelKeepsOutOfTheWay() {
        QFETCH(int, runMs);
        QFETCH(bool, fails);
        QFETCH(bool, visibleAfter);
        LanguageManager language;
        MainWindow window(language);
        window.show();
        auto* dock = window.findChild<QDockWidget*>("jobsDock");
        QVERIFY(dock->isHidden());
        QSignalSpy finished(&window.jobs(), &JobRunner::jobFinished);
        std::function<Result<int>(const JobContext&)> job = [runMs, fails](const JobContext&) -> Result<int> {
            QThread::msleep(runMs);
            if (fails) return makeError(ErrorCode::InputData, "bad row");
            return 1;
        };
        window.jobs().start<int>("job", job, &window, [](Result<int>) {});
        QVERIFY(finished.wait(10000));
        // Nothing to wait for by signal here: the panel must *not* change; give its timers time to fire.
        QTest::qWait(4000);
        QCOMPARE(dock->isVisible(), visibleAfter);
    }

    void noticesAreShownAndDismissed() {
        LanguageManager language;
        MainWindow window(language);
        window.show();
        auto* bar = window.findChild<QWidget*>("noticeBar");
        QVERIFY(bar && bar->isHidden());
        window.addNotice("The recent project /gone.shelfsense is no longer there; it was taken off the list.");
        window.addNotice("The setting “Language” holds “tlh”, which is not allowed; the default is used.");
        QVERIFY(bar->isVisible());
        QCOMPARE(window.notices().size(), 2);
        QVERIFY(bar->findChild<QLabel*>()->text().contains("/gone.shelfsense"));
        QTest::mouseClick(bar->findChild<QPushButton*>("dismissNotices"), Qt::LeftButton);
        QVERIFY(bar->isHidden());
        QVERIFY(window.notices().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
