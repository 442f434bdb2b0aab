#include <QAbstractItemModelTester>
#include <QtTest>

#include "DailyEventsModel.h"
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

        LazyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy totals(&model, &LazyTableModel::totalRowsChanged);
        QVERIFY(model.open(project_, static_cast<BrowsableTable>(table)).isEmpty());
        QVERIFY(totals.wait(10000));  // the count arrives from a worker thread
        QCOMPARE(model.totalRows(), qint64(*expected));
        // Only one page is loaded until the view asks for more.
        QCOMPARE(qint64(model.rowCount()), std::min<qint64>(*expected, LazyTableModel::kPageSize));
        while (model.canFetchMore({})) model.fetchMore({});
        QCOMPARE(qint64(model.rowCount()), qint64(*expected));
        QVERIFY(!model.headerData(0, Qt::Horizontal).toString().isEmpty());
    }

    void lazyTableSortsAndFilters() {
        LazyTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.open(project_, BrowsableTable::Items).isEmpty());
        const int price = 5;
        QCOMPARE(model.headerData(price, Qt::Horizontal).toString(), QStringLiteral("Price"));
        model.sort(price, Qt::DescendingOrder);
        const double top = model.data(model.index(0, price)).toDouble();
        const double next = model.data(model.index(1, price)).toDouble();
        QVERIFY(top >= next);
        model.sort(price, Qt::AscendingOrder);
        QVERIFY(model.data(model.index(0, price)).toDouble() <= top);
        QVERIFY(model.data(model.index(0, price)).toDouble() <= model.data(model.index(1, price)).toDouble());

        QSignalSpy totals(&model, &LazyTableModel::totalRowsChanged);
        model.setFilter("Coffee");
        QVERIFY(totals.wait(10000));
        QVERIFY(model.totalRows() > 0);
        QVERIFY(model.totalRows() < 220);
        while (model.canFetchMore({})) model.fetchMore({});
        QCOMPARE(qint64(model.rowCount()), model.totalRows());
        for (int r = 0; r < model.rowCount(); ++r) {
            QString row;
            for (int c = 0; c < model.columnCount(); ++c) row += model.data(model.index(r, c)).toString() + " ";
            QVERIFY2(row.contains("coffee", Qt::CaseInsensitive), qPrintable(row));
        }
        model.setFilter("no-such-text-anywhere");
        QVERIFY(totals.wait(10000));
        QCOMPARE(model.totalRows(), qint64(0));
        QCOMPARE(model.rowCount(), 0);
    }

    void lazyTableReportsBadProject() {
        QTemporaryDir dir;
        const QString path = dir.filePath("not-a-project.shelfsense");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is plain text, not SQLite\n");
        f.close();
        LazyTableModel model;
        const QString error = model.open(path, BrowsableTable::Items);
        QVERIFY2(error.contains("not-a-project.shelfsense"), qPrintable(error));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestUiModels)
#include "TestUiModels.moc"
