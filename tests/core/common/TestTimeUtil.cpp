#include <QtTest>

#include "common/TimeUtil.h"

class TestTimeUtil : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("expected");
        QTest::newRow("yyyymmdd") << "19970101" << true << qint64(852076800);
        QTest::newRow("iso date") << "2017-11-25" << true << qint64(1511568000);
        QTest::newRow("iso datetime Z") << "2017-11-25T03:07:50Z" << true << qint64(1511579270);
        QTest::newRow("iso offset +08") << "2017-11-25T11:07:50+08:00" << true << qint64(1511579270);
        QTest::newRow("space separator") << "2017-11-25 03:07" << true << qint64(1511579220);
        QTest::newRow("fraction dropped") << "2017-11-25T03:07:50.123Z" << true << qint64(1511579270);
        QTest::newRow("online retail") << "12/1/2010 8:26" << true << qint64(1291191960);
        QTest::newRow("leap day") << "2016-02-29" << true << qint64(1456704000);
        QTest::newRow("not leap") << "2017-02-29" << false << qint64(0);
        QTest::newRow("month 13") << "20171301" << false << qint64(0);
        QTest::newRow("garbage") << "yesterday" << false << qint64(0);
        QTest::newRow("empty") << "" << false << qint64(0);
        QTest::newRow("trailing junk") << "2017-11-25x" << false << qint64(0);
    }
    void parse() {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, expected);
        const auto parsed = ss::parseDateTime(text.toStdString());
        QCOMPARE(parsed.has_value(), valid);
        if (valid) QCOMPARE(qint64(*parsed), expected);
    }
    void roundTrip() {
        for (std::int64_t t : {std::int64_t(0), std::int64_t(1511579270), std::int64_t(-86401), std::int64_t(4102444800)}) {
            const auto back = ss::parseDateTime(ss::isoDateTime(t));
            QVERIFY(back.has_value());
            QCOMPARE(*back, t);
        }
        QCOMPARE(QString::fromStdString(ss::isoDate(-1)), QStringLiteral("1969-12-31"));
    }
};

QTEST_APPLESS_MAIN(TestTimeUtil)
#include "TestTimeUtil.moc"
