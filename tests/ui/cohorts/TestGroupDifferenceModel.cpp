// GroupDifferenceModel: two groups' retention per period as the table shows it — rates, the
// difference in points with its interval, significance only when the interval leaves out zero,
// period 0 left out, the groups' names as column headings; QAbstractItemModelTester throughout.
#include <QAbstractItemModelTester>
#include <QtTest>

#include "GroupDifferenceModel.h"

using namespace ss;
using namespace ss::ui;

class TestGroupDifferenceModel : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void rows_data() {
        QTest::addColumn<double>("rateA");
        QTest::addColumn<double>("rateB");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<QString>("difference");
        QTest::addColumn<QString>("interval");
        QTest::addColumn<bool>("significant");
        QTest::newRow("B higher, interval above zero") << 0.20 << 0.25 << 0.01 << 0.09 << "+5.0" << "+1.0 to +9.0" << true;
        QTest::newRow("B lower, interval below zero") << 0.30 << 0.22 << -0.12 << -0.04 << "-8.0" << "-12.0 to -4.0" << true;
        QTest::newRow("interval holds zero") << 0.20 << 0.21 << -0.03 << 0.05 << "+1.0" << "-3.0 to +5.0" << false;
    }
    void rows() {
        QFETCH(double, rateA);
        QFETCH(double, rateB);
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(QString, difference);
        QFETCH(QString, interval);
        QFETCH(bool, significant);
        GroupDifferenceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        RetentionDifference zero{0, 100, 100, 80, 80, 1.0, 1.0, 0, 0, 0};
        RetentionDifference d{1, 20, 100, 20, 80, rateA, rateB, rateB - rateA, low, high};
        model.setComparison("control", "recommendations", {zero, d}, {"Week 0", "Week 1"});
        QCOMPARE(model.rowCount(), 1);  // period 0 is the whole cohort on both sides: left out
        auto cell = [&](int column, int role = Qt::DisplayRole) { return model.data(model.index(0, column), role); };
        QCOMPARE(cell(GroupDifferenceModel::Period).toString(), QStringLiteral("Week 1"));
        QCOMPARE(cell(GroupDifferenceModel::RateA).toString(), QLocale().toString(rateA * 100, 'f', 1) + "%");
        QCOMPARE(cell(GroupDifferenceModel::Difference).toString(), difference);
        QCOMPARE(cell(GroupDifferenceModel::Interval).toString(), interval);
        QCOMPARE(cell(0, GroupDifferenceModel::SignificantRole).toBool(), significant);
        QCOMPARE(cell(GroupDifferenceModel::Difference, Qt::FontRole).isValid(), significant);
        QVERIFY(cell(1, Qt::ToolTipRole).toString().contains(QStringLiteral("20 of 100 returned")));
        QCOMPARE(model.headerData(GroupDifferenceModel::RateA, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("control"));
        QCOMPARE(model.headerData(GroupDifferenceModel::RateB, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("recommendations"));
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestGroupDifferenceModel)
#include "TestGroupDifferenceModel.moc"
