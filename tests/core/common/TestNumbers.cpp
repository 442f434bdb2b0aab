// Numbers: every number read from text goes through one parser — whole text, blanks around it, a
// leading '+', no locale, no partial reads, ranges checked.
#include <QtTest>

#include <cmath>

#include "common/Numbers.h"

using namespace ss;

class TestNumbers : public QObject {
    Q_OBJECT
private slots:
    void integers_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qlonglong>("value");
        QTest::newRow("plain") << "42" << true << 42LL;
        QTest::newRow("blanks and plus") << " \t+42 " << true << 42LL;
        QTest::newRow("negative") << "-7" << true << -7LL;
        QTest::newRow("largest") << "9223372036854775807" << true << 9223372036854775807LL;
        QTest::newRow("too large") << "9223372036854775808" << false << 0LL;
        QTest::newRow("trailing text") << "3x" << false << 0LL;
        QTest::newRow("decimal") << "3.0" << false << 0LL;
        QTest::newRow("hex") << "0x10" << false << 0LL;
        QTest::newRow("empty") << "" << false << 0LL;
        QTest::newRow("blank") << "  " << false << 0LL;
        QTest::newRow("two signs") << "+-1" << false << 0LL;
    }
    void integers() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(qlonglong, value);
        const auto parsed = parseInt64(text.toStdString());
        QCOMPARE(parsed.has_value(), ok);
        if (ok) QCOMPARE(qlonglong(*parsed), value);
    }

    void intRange() {
        QCOMPARE(parseInt("2147483647").value_or(0), 2147483647);
        QVERIFY(!parseInt("2147483648"));
        QVERIFY(!parseInt("-2147483649"));
    }

    void decimals_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("finite");
        QTest::addColumn<double>("value");
        QTest::newRow("plain") << "2.5" << true << true << 2.5;
        QTest::newRow("exponent") << "1e-3" << true << true << 0.001;
        QTest::newRow("blanks and plus") << " +0.25\t" << true << true << 0.25;
        QTest::newRow("comma decimal (no locale)") << "2,5" << false << false << 0.0;
        QTest::newRow("trailing text") << "1.5kg" << false << false << 0.0;
        QTest::newRow("infinity") << "inf" << true << false << 0.0;
        QTest::newRow("not a number") << "nan" << true << false << 0.0;
        QTest::newRow("hex float") << "0x1p3" << false << false << 0.0;
        QTest::newRow("empty") << "" << false << false << 0.0;
    }
    void decimals() {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(bool, finite);
        QFETCH(double, value);
        const auto any = parseDouble(text.toStdString());
        QCOMPARE(any.has_value(), ok);
        const auto parsed = parseFiniteDouble(text.toStdString());
        QCOMPARE(parsed.has_value(), finite);
        if (finite) QCOMPARE(*parsed, value);
    }
};

QTEST_APPLESS_MAIN(TestNumbers)
#include "TestNumbers.moc"
