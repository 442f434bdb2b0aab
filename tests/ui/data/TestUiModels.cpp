#include <QAbstractItemModelTester>
#include <QtTest>

#include "DailyEventsModel.h"
#include "JobRunner.h"
#include "LazyTableModel.h"
#include "UiTestSupport.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

class TestUiModels : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        project_ = test::writeSmallSample(dir_);
        QVERIFY(!project_.isEmpty());
    }

    void dailyEvents() {
        DailyEventsModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto project = Project::open(project_.toStdString());
        QVERIFY(project.ok());
        auto days = (*project)->dailyEventCounts();
        QVERIFY(days.ok());
        const auto n = days->size();
        QVERIFY(n > 60);
        qint64 total = 0;
        for (const auto& d : *days) total += d.events;
        model.setDays(*days);
        QCOMPARE(model.rowCount(), int(n));
        QCOMPARE(model.columnCount(), 3);
        qint64 fromModel = 0;
        for (int r = 0; r < model.rowCount(); ++r) fromModel += qint64(model.data(model.index(r, DailyEventsModel::Events)).toDouble());
        QCOMPARE(fromModel, total);
        // x values are milliseconds at midnight UTC, increasing.
        const double first = model.data(model.index(0, DailyEventsModel::Day)).toDouble();
        QCOMPARE(std::fmod(first, 86400000.0), 0.0);
        QVERIFY(model.data(model.index(1, DailyEventsModel::Day)).toDouble() > first);
    }

    void lazyTable_data() {
        QTest::addColumn<int>("table");
        QTest::addColumn<QString>("countSql");
        QTest::newRow("items") << int(BrowsableTable::Items) << "SELECT count(*) FROM items";
        QTest::newRow("users") << int(BrowsableTable::Users) << "SELECT count(*) FROM users";
        QTest::newRow("events") << int(BrowsableTable::Events) << "SELECT count(*) FROM events";
        QTest::newRow("reviews") << int(BrowsableTable::Reviews) << "SELECT count(*) FROM reviews";
    }
    void lazyTable() {
        QFETCH(int, table);
        QFETCH(QString, countSql);
        auto project = Project::open(project_.toStdString());
        QVERIFY(project.ok());
        auto expected = (*project)->db().queryInt(countSql.toStdString());
        QVERIFY(expected.ok());

        JobRunner runner;
        LazyTableModel model(runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&model, &LazyTableModel::totalRowsChanged);
        QSignalSpy pages(&model, &LazyTableModel::pageArrived);
        model.open(test::context(project_), static_cast<BrowsableTable>(table));
        // Nothing was read on this thread: the first page shows as placeholders until its job is done.
        QCOMPARE(model.rowCount(), LazyTableModel::kPageSize);
        QVERIFY(model.isPlaceholder(0));
        QCOMPARE(model.data(model.index(0, 0)).toString(), QStringLiteral("loading…"));
        QVERIFY(model.loadingPage());
        QVERIFY(!model.canFetchMore({}));  // one page at a time
        QVERIFY(pages.wait(10000));
        if (totals.isEmpty()) QVERIFY(totals.wait(10000));  // the count arrives from another job
        QCOMPARE(model.totalRows(), qint64(*expected));
        // Only one page is loaded until the view asks for more, and no placeholder is left.
        QCOMPARE(qint64(model.rowCount()), std::min<qint64>(*expected, LazyTableModel::kPageSize));
        QVERIFY(model.rowCount() == 0 || !model.isPlaceholder(model.rowCount() - 1));
        while (model.canFetchMore({})) {
            model.fetchMore({});
            QVERIFY(pages.wait(10000));
        }
        QCOMPARE(qint64(model.rowCount()), qint64(*expected));
        for (int r = 0; r < model.rowCount(); ++r) QVERIFY(!model.isPlaceholder(r));
        QVERIFY(!model.headerData(0, Qt::Horizontal).toString().isEmpty());
    }

    void lazyTableSortsAndFilters() {
        JobRunner runner;
        LazyTableModel model(runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy pages(&model, &LazyTableModel::pageArrived);
        model.open(test::context(project_), BrowsableTable::Items);
        QVERIFY(pages.wait(10000));
        const int price = 5;
        QCOMPARE(model.headerData(price, Qt::Horizontal).toString(), QStringLiteral("Price"));
        model.sort(price, Qt::DescendingOrder);
        QVERIFY(pages.wait(10000));
        const double top = model.data(model.index(0, price)).toDouble();
        const double next = model.data(model.index(1, price)).toDouble();
        QVERIFY(top >= next);
        model.sort(price, Qt::AscendingOrder);
        QVERIFY(pages.wait(10000));
        QVERIFY(model.data(model.index(0, price)).toDouble() <= top);
        QVERIFY(model.data(model.index(0, price)).toDouble() <= model.data(model.index(1, price)).toDouble());

        QSignalSpy totals(&model, &LazyTableModel::totalRowsChanged);
        model.setFilter("Coffee");
        QVERIFY(totals.wait(10000));
        QVERIFY(model.totalRows() > 0);
        QVERIFY(model.totalRows() < 220);
        while (model.loadingPage() || model.canFetchMore({})) {
            if (!model.loadingPage()) model.fetchMore({});
            QVERIFY(pages.wait(10000));
        }
        QCOMPARE(qint64(model.rowCount()), model.totalRows());
        for (int r = 0; r < model.rowCount(); ++r) {
            QString row;
            for (int c = 0; c < model.columnCount(); ++c) row += model.data(model.index(r, c)).toString() + " ";
            QVERIFY2(row.contains("coffee", Qt::CaseInsensitive), qPrintable(row));
        }
        totals.clear();
        model.setFilter("no-such-text-anywhere");
        QVERIFY(totals.wait(10000));
        QCOMPARE(model.totalRows(), qint64(0));
        if (model.loadingPage()) QVERIFY(pages.wait(10000));
        QCOMPARE(model.rowCount(), 0);
    }

    // A newer filter replaces an older one that is still being read: only the newer rows and count
    // ever arrive.
    void lazyTableDropsSupersededPages() {
        JobRunner runner;
        LazyTableModel model(runner);  // no model tester here: it asks for more pages itself
        QSignalSpy pages(&model, &LazyTableModel::pageArrived);
        QSignalSpy totals(&model, &LazyTableModel::totalRowsChanged);
        model.open(test::context(project_), BrowsableTable::Events);
        model.setFilter("Coffee");
        model.setFilter("view");
        QVERIFY(pages.wait(10000));
        if (totals.isEmpty()) QVERIFY(totals.wait(10000));
        QTest::qWait(100);  // room for a stale page or count to arrive, were one delivered
        QCOMPARE(pages.size(), 1);
        QCOMPARE(totals.size(), 1);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r) {
            QString row;
            for (int c = 0; c < model.columnCount(); ++c) row += model.data(model.index(r, c)).toString() + " ";
            QVERIFY2(row.contains("view", Qt::CaseInsensitive), qPrintable(row));
        }
    }

    void badProjectIsRefusedAtOpen() {
        // Not a project: the open job refuses it by name and leaves it as it was; no table is shown.
        QTemporaryDir dir;
        const QString path = dir.filePath("not-a-project.shelfsense");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is plain text, not SQLite\n");
        f.close();
        auto opened = ProjectContext::open(path.toStdString(), JobContext{});
        QVERIFY(!opened);
        QVERIFY2(QString::fromStdString(opened.error().describe()).contains("not-a-project.shelfsense"), opened.error().describe().c_str());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("this is plain text, not SQLite\n"));
        JobRunner runner;
        LazyTableModel model(runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.open(nullptr, BrowsableTable::Items);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
    }

    void lazyTableReportsProjectGone() {
        // The file disappears after it was opened (moved away by another program): the table says
        // so, naming the file, and never creates an empty project in its place.
        QTemporaryDir dir;
        const QString path = dir.filePath("moved-away.shelfsense");
        QVERIFY(QFile::copy(project_, path));
        auto context = test::context(path);
        QVERIFY(context);
        QVERIFY(QFile::remove(path));
        JobRunner runner;
        LazyTableModel model(runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy failed(&model, &LazyTableModel::queryFailed);
        model.open(context, BrowsableTable::Items);
        QVERIFY(failed.wait(10000));
        const QString error = failed.first().first().toString();
        QVERIFY2(error.contains("moved-away.shelfsense"), qPrintable(error));
        if (model.loadingPage()) QVERIFY(failed.wait(10000));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestUiModels)
#include "TestUiModels.moc"
