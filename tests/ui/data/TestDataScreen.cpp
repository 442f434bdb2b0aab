// The data browser (DataScreen with LazyTableModel and IndexBar): a sort by a column no index
// serves is asked about on a big table (the limit lowered here so the sample shop counts as big) —
// built as an index then sorted, sorted without one, kept, or cancelled — and an indexed column
// sorts at once. The header always shows the order the rows are in. A filter by an item id on a big
// events table is asked about too: declined, or built and then looked up.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QtTest>

#include "DataScreen.h"
#include "JobRunner.h"
#include "LazyTableModel.h"
#include "IndexBar.h"
#include "UiTestSupport.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::ui;

namespace {

constexpr int kId = 0, kBrand = 4, kPrice = 5;

bool hasIndex(const QString& project, const std::string& name) {
    auto p = Project::open(project.toStdString(), Database::Mode::ReadOnly);
    if (!p) return false;
    auto n = (*p)->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type='index' AND name='" + name + "'");
    return n && *n == 1;
}

}  // namespace

class TestDataScreen : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    static void save(QWidget& w, const QString& name) { QVERIFY(test::saveScreenshot(w, name)); }

private slots:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        project_ = test::writeSmallSample(dir_);
        QVERIFY(!project_.isEmpty());
    }

    void bigTableAsksBeforeASlowSort() {
        JobRunner runner;
        DataScreen screen(runner);
        auto* model = screen.model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model->setUnindexedSortLimit(0);  // every table is "big"
        QSignalSpy pages(model, &LazyTableModel::pageArrived);
        QSignalSpy asked(model, &LazyTableModel::sortNeedsIndex);
        QSignalSpy finished(model, &LazyTableModel::sortIndexFinished);
        screen.resize(1300, 600);
        screen.setProject(test::context(project_));
        screen.show();
        QVERIFY(pages.wait(10000));
        auto* header = screen.view()->horizontalHeader();
        auto* bar = screen.indexBar();

        // An indexed column sorts at once.
        pages.clear();
        header->setSortIndicator(kId, Qt::DescendingOrder);
        QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 10000));
        QVERIFY(asked.isEmpty());
        QVERIFY(bar->isHidden());
        QCOMPARE(model->sortColumn(), kId);
        QVERIFY(model->data(model->index(0, kId)).toInt() > model->data(model->index(1, kId)).toInt());

        // Price has no index: the bar asks, the rows and the header stay as they were.
        header->setSortIndicator(kPrice, Qt::DescendingOrder);
        QVERIFY(test::waitUntil(asked, [&] { return !asked.isEmpty(); }, 10000));
        QCOMPARE(asked.first().at(0).toInt(), kPrice);
        QCOMPARE(asked.first().at(2).toLongLong(), 220);
        QVERIFY(bar->isVisible());
        QVERIFY(bar->buildButton()->isEnabled());
        QVERIFY2(bar->message()->text().contains("Price"), qPrintable(bar->message()->text()));
        QCOMPARE(header->sortIndicatorSection(), kId);
        QCOMPARE(model->sortColumn(), kId);
        save(screen, "data-sort-needs-index.png");

        // Build the index: then the rows come sorted by price, and the header says so.
        pages.clear();
        QTest::mouseClick(bar->buildButton(), Qt::LeftButton);
        QVERIFY(bar->cancelButton()->isVisible());
        QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 20000));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QVERIFY(bar->isHidden());
        QCOMPARE(header->sortIndicatorSection(), kPrice);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        QCOMPARE(model->sortColumn(), kPrice);
        QVERIFY(model->data(model->index(0, kPrice)).toDouble() >= model->data(model->index(1, kPrice)).toDouble());
        QVERIFY(hasIndex(project_, "browse_items_price"));
        // The other way round needs no question now.
        pages.clear();
        header->setSortIndicator(kPrice, Qt::AscendingOrder);
        QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 10000));
        QCOMPARE(asked.count(), 1);
        QVERIFY(model->data(model->index(0, kPrice)).toDouble() <= model->data(model->index(1, kPrice)).toDouble());

        // Brand: cancelled while building — nothing changes.
        header->setSortIndicator(kBrand, Qt::AscendingOrder);
        QVERIFY(test::waitUntil(asked, [&] { return asked.count() == 2; }, 10000));
        QTest::mouseClick(bar->buildButton(), Qt::LeftButton);
        QTest::mouseClick(bar->cancelButton(), Qt::LeftButton);
        QCOMPARE(finished.count(), 2);
        QCOMPARE(finished.last().at(1).toBool(), false);
        QVERIFY(bar->isHidden());
        QCOMPARE(model->sortColumn(), kPrice);
        QCOMPARE(header->sortIndicatorSection(), kPrice);

        // In stock: kept — nothing changes either. (Not brand again: a build cancelled as it began may
        // still have finished, which is harmless but would leave brand served.)
        const int available = 6;
        header->setSortIndicator(available, Qt::AscendingOrder);
        QVERIFY(test::waitUntil(asked, [&] { return asked.count() == 3; }, 10000));
        QTest::mouseClick(bar->keepButton(), Qt::LeftButton);
        QVERIFY(bar->isHidden());
        QCOMPARE(model->sortColumn(), kPrice);

        // A question left open goes away when other rows come (here: a filter).
        const int title = 2;
        header->setSortIndicator(title, Qt::DescendingOrder);
        QVERIFY(test::waitUntil(asked, [&] { return asked.count() == 4; }, 10000));
        QVERIFY(bar->asking());
        pages.clear();
        model->setFilter("a");
        QVERIFY(bar->isHidden());
        QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 10000));
        model->setFilter("");
        pages.clear();
        QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 10000));

        // Category: sorted without an index, none made.
        const int category = 3;
        header->setSortIndicator(category, Qt::DescendingOrder);
        QVERIFY(test::waitUntil(asked, [&] { return asked.count() == 5; }, 10000));
        pages.clear();
        QTest::mouseClick(bar->withoutButton(), Qt::LeftButton);
        QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 10000));
        QCOMPARE(model->sortColumn(), category);
        QCOMPARE(header->sortIndicatorSection(), category);
        QVERIFY(model->data(model->index(0, category)).toString() >= model->data(model->index(1, category)).toString());
        QVERIFY(!hasIndex(project_, "browse_items_category"));
    }

    // With the default limit the sample shop's tables are small: every column sorts unasked.
    void smallTablesSortUnasked() {
        JobRunner runner;
        LazyTableModel model(runner);
        QSignalSpy pages(&model, &LazyTableModel::pageArrived);
        QSignalSpy asked(&model, &LazyTableModel::sortNeedsIndex);
        model.open(test::context(project_), BrowsableTable::Events);
        QVERIFY(pages.wait(10000));
        const int value = 5;
        model.sort(value, Qt::DescendingOrder);
        QVERIFY(pages.wait(10000));
        QVERIFY(asked.isEmpty());
        QCOMPARE(model.sortColumn(), value);
    }

    // A big events table filtered by an item id: the matching events can only be found by reading on
    // through every event (no index on item_id in the default layout), so the bar offers the index.
    // Declined, the scan goes on and the next filter is not asked about; built, the filter's rows come
    // again by look-up and no filter is asked about any more.
    void filterByItemOnABigEventsTableOffersAnIndex() {
        QTemporaryDir dir;
        const QString project = test::writeSmallSample(dir);
        QVERIFY(!hasIndex(project, "browse_events_item"));
        constexpr int kItem = 1;
        for (bool build : {false, true}) {
            JobRunner runner;
            DataScreen screen(runner);
            auto* model = screen.model();
            QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model->setUnindexedSortLimit(0);  // every table is "big"
            QSignalSpy pages(model, &LazyTableModel::pageArrived);
            QSignalSpy asked(model, &LazyTableModel::filterNeedsIndex);
            QSignalSpy finished(model, &LazyTableModel::filterIndexFinished);
            QSignalSpy started(&runner, &JobRunner::jobStarted);
            QSignalSpy ended(&runner, &JobRunner::jobFinished);
            screen.resize(1300, 600);
            screen.setProject(test::context(project));
            screen.show();
            QVERIFY(pages.wait(10000));
            auto* tables = screen.findChild<QComboBox*>();
            pages.clear();
            tables->setCurrentIndex(tables->findData(int(BrowsableTable::Events)));
            QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty(); }, 10000));
            // Two items of the first page to filter by.
            QStringList items;
            for (int row = 0; row < model->rowCount() && items.size() < 2; ++row)
                if (const QString id = model->data(model->index(row, kItem)).toString(); !items.contains(id)) items << id;
            QCOMPARE(items.size(), 2);
            auto checked = [&](int times) {  // the filter checks finished so far
                int n = 0;
                for (const auto& s : started)
                    if (s.at(1).toString() == LazyTableModel::tr("Checking the filter"))
                        for (const auto& e : ended) n += e.at(0).toInt() == s.at(0).toInt();
                return n >= times;
            };
            auto* filter = screen.findChild<QLineEdit*>();
            auto* bar = screen.indexBar();
            filter->setText(items[0]);
            QVERIFY(test::waitUntil(asked, [&] { return !asked.isEmpty(); }, 10000));
            QCOMPARE(asked.first().at(0).toInt(), kItem);
            {
                auto events = Project::open(project.toStdString(), Database::Mode::ReadOnly);
                QVERIFY(events);
                QCOMPARE(asked.first().at(1).toLongLong(), *(*events)->db().queryInt("SELECT count(*) FROM events"));
            }
            QVERIFY(bar->asking());
            QCOMPARE(bar->withoutButton()->text(), IndexBar::tr("Filter without it"));
            QVERIFY(bar->keepButton()->isHidden());
            QVERIFY2(bar->message()->text().contains(LazyTableModel::columnTitle("item")), qPrintable(bar->message()->text()));
            if (!build) {
                save(screen, "data-filter-needs-index.png");
                QTest::mouseClick(bar->withoutButton(), Qt::LeftButton);
                QVERIFY(bar->isHidden());
                filter->setText(items[1]);
                QVERIFY(test::waitUntil(ended, [&] { return checked(2); }, 10000));
                QCOMPARE(asked.count(), 2);  // the model says so again; the screen does not ask
                QVERIFY(bar->isHidden());
                QVERIFY(!hasIndex(project, "browse_events_item"));
                continue;
            }
            pages.clear();
            QTest::mouseClick(bar->buildButton(), Qt::LeftButton);
            QVERIFY(bar->cancelButton()->isVisible());
            QVERIFY(test::waitUntil(finished, [&] { return !finished.isEmpty(); }, 20000));
            QCOMPARE(finished.first().at(1).toBool(), true);
            QVERIFY(bar->isHidden());
            QVERIFY(hasIndex(project, "browse_events_item"));
            QVERIFY(test::waitUntil(pages, [&] { return !pages.isEmpty() && !model->loadingPage(); }, 10000));
            QVERIFY(model->rowCount() > 0);
            for (int row = 0; row < model->rowCount(); ++row) {
                bool matches = false;
                for (int column = 0; column < model->columnCount(); ++column)
                    matches = matches || model->data(model->index(row, column)).toString().contains(items[0]);
                QVERIFY2(matches, qPrintable(QString("row %1").arg(row)));
            }
            // With the index, no filter is asked about.
            filter->setText(items[1]);
            QVERIFY(test::waitUntil(ended, [&] { return checked(2); }, 10000));
            QCOMPARE(asked.count(), 1);
        }
    }

    // A read-only project: building is offered disabled, with the reason.
    void readOnlyProjectCannotBuild() {
        IndexBar bar;
        bar.ask("Price", 100'000'000, false);
        QVERIFY(!bar.buildButton()->isEnabled());
        QVERIFY(!bar.buildButton()->toolTip().isEmpty());
        QVERIFY(bar.withoutButton()->isEnabled());
        bar.building("Price");
        QVERIFY(bar.buildButton()->isHidden());
        QVERIFY(!bar.cancelButton()->isHidden());
    }
};

QTEST_MAIN(TestDataScreen)
#include "TestDataScreen.moc"
