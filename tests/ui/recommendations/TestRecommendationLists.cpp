// RecommendationLists: three titled lists, each model watched by QAbstractItemModelTester; a click
// names the slot and the item; a row's menu boosts, buries or shows the item (offscreen).
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QHeaderView>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <QtTest>

#include <algorithm>

#include "RankedItemsModel.h"
#include "RecommendationLists.h"
#include "RulesPanel.h"

using namespace ss;
using namespace ss::ui;

namespace {

std::vector<RankedItemRow> rows() {
    RankedItemRow a, b;
    a.item = 11;
    a.externalId = "A11";
    a.title = "Teapot";
    a.category = "Kitchen";
    a.score = a.adjusted = 0.9;
    b.item = 42;
    b.externalId = "B42";
    b.title = "Kettle";
    b.category = "Kitchen";
    b.score = b.adjusted = 0.4;
    return {a, b};
}

// Triggers the open popup menu's action whose text starts with `text`, once the menu is shown.
void chooseFromMenu(const QString& text) {
    QTimer::singleShot(0, [text] {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        const auto actions = menu->actions();
        auto it = std::find_if(actions.begin(), actions.end(), [&](QAction* a) { return a->text().startsWith(text); });
        QVERIFY2(it != actions.end(), qPrintable(text));
        (*it)->trigger();
        menu->close();
    });
}

}  // namespace

class TestRecommendationLists : public QObject {
    Q_OBJECT
private slots:
    void slotsTitlesAndHeaders() {
        RulesPanel rules;
        RecommendationLists lists(&rules);
        std::vector<std::unique_ptr<QAbstractItemModelTester>> testers;
        for (int slot = 0; slot < RecommendationLists::kSlots; ++slot) {
            testers.push_back(std::make_unique<QAbstractItemModelTester>(lists.model(slot), QAbstractItemModelTester::FailureReportingMode::QtTest));
            QCOMPARE(lists.view(slot)->objectName(), QStringLiteral("list%1").arg(slot + 1));
            lists.model(slot)->setRows(rows());
        }
        const auto header = [&](int slot) { return lists.model(slot)->headerData(RankedItemsModel::Score, Qt::Horizontal).toString(); };
        QCOMPARE(header(1), QStringLiteral("Score"));
        lists.showShares(1, 10);
        QCOMPARE(header(1), QStringLiteral("Share"));
        QVERIFY(lists.model(1)->headerData(RankedItemsModel::Score, Qt::Horizontal, Qt::ToolTipRole).toString().contains("top 10"));
        lists.showScores(1);
        QCOMPARE(header(1), QStringLiteral("Score"));
        lists.show();
        lists.setSlotShown(2, false);
        QVERIFY(!lists.view(2)->isVisibleTo(&lists));
        QVERIFY(lists.view(0)->isVisibleTo(&lists));
        lists.clear();
        for (int slot = 0; slot < RecommendationLists::kSlots; ++slot) QCOMPARE(lists.model(slot)->rowCount(), 0);
    }

    void clickNamesSlotAndItem() {
        RulesPanel rules;
        RecommendationLists lists(&rules);
        lists.resize(900, 400);
        lists.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lists));
        lists.model(2)->setRows(rows());
        QSignalSpy chosen(&lists, &RecommendationLists::itemChosen);
        QTableView* view = lists.view(2);
        const QRect second = view->visualRect(lists.model(2)->index(1, RankedItemsModel::Title));
        QVERIFY(second.isValid());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.at(0).at(0).toInt(), 2);
        QCOMPARE(chosen.at(0).at(1).toInt(), 42);
    }

    void rowMenu_data() {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QStringList>("boosted");
        QTest::addColumn<QStringList>("buried");
        QTest::addColumn<int>("shown");  // the item chosen for the panel, or -1
        QTest::newRow("boost") << "Boost" << QStringList{"B42"} << QStringList{} << -1;
        QTest::newRow("bury") << "Bury" << QStringList{} << QStringList{"B42"} << -1;
        QTest::newRow("similar items") << "Similar items" << QStringList{} << QStringList{} << 42;
    }
    void rowMenu() {
        QFETCH(QString, action);
        QFETCH(QStringList, boosted);
        QFETCH(QStringList, buried);
        QFETCH(int, shown);
        RulesPanel rules;
        RecommendationLists lists(&rules);
        lists.resize(900, 400);
        lists.show();
        QVERIFY(QTest::qWaitForWindowExposed(&lists));
        lists.model(0)->setRows(rows());
        QSignalSpy chosen(&lists, &RecommendationLists::itemChosen);
        QTableView* view = lists.view(0);
        chooseFromMenu(action);
        emit view->customContextMenuRequested(view->visualRect(lists.model(0)->index(1, RankedItemsModel::Title)).center());
        const auto strings = [](const std::vector<std::string>& ids) {
            QStringList out;
            for (const auto& id : ids) out << QString::fromStdString(id);
            return out;
        };
        QCOMPARE(strings(rules.rules().boost), boosted);
        QCOMPARE(strings(rules.rules().bury), buried);
        QCOMPARE(chosen.count(), shown < 0 ? 0 : 1);
        if (shown >= 0) QCOMPARE(chosen.at(0).at(1).toInt(), shown);
        // Below the last row there is no item: no menu.
        emit view->customContextMenuRequested(QPoint(5, view->viewport()->height() - 2));
        QVERIFY(!QApplication::activePopupWidget());
    }
};

QTEST_MAIN(TestRecommendationLists)
#include "TestRecommendationLists.moc"
