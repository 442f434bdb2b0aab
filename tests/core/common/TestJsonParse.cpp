// parseJson: what ShelfSense stored reads back exactly — every double bit for bit (Boost 1.81's own
// parser misses about one in ten), and objects, arrays, strings, integers and errors as Boost's.
#include <QtTest>

#include <boost/json.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "common/JsonParse.h"

using namespace ss;

class TestJsonParse : public QObject {
    Q_OBJECT
private slots:
    void doublesReadBackExactly_data() {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("timings in seconds") << 0.0 << 5.0;
        QTest::newRow("metrics in [0, 1]") << 0.0 << 1.0;
        QTest::newRow("losses") << 0.01 << 2.0;
        QTest::newRow("revenue") << -1e6 << 1e9;
        QTest::newRow("tiny") << 1e-300 << 1e-290;
    }
    void doublesReadBackExactly() {
        QFETCH(double, low);
        QFETCH(double, high);
        std::mt19937_64 random(7);
        std::uniform_real_distribution<double> draw(low, high);
        int different = 0;
        for (int i = 0; i < 50000; ++i) {
            const double x = draw(random);
            const std::string text = boost::json::serialize(boost::json::value(x));
            boost::system::error_code ec;
            const auto v = parseJson(text, ec);
            QVERIFY(!ec);
            QVERIFY(v.is_double());
            if (v.as_double() != x) ++different;
        }
        QCOMPARE(different, 0);
    }

    void documentsAsBoostReadsThem_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("object") << "{\"a\":1,\"b\":[true,false,null],\"c\":{\"d\":\"x\"}}";
        QTest::newRow("escapes and unicode") << "{\"k\\\"ey\":\"line\\nbreak \\u4e2d\\u6587 中文\"}";
        QTest::newRow("integers") << "[0,-1,9223372036854775807,18446744073709551615,-9223372036854775808]";
        QTest::newRow("doubles") << "[0.5,-2.25e-3,1E10,1e308,-0.0]";
        QTest::newRow("empty containers") << "{\"a\":[],\"b\":{}}";
        QTest::newRow("scalar") << "42.125";
        QTest::newRow("blanks around") << " \n{\"a\": [1, 2.5]}\n ";
    }
    void documentsAsBoostReadsThem() {
        QFETCH(QString, text);
        const std::string utf8 = text.toStdString();
        boost::system::error_code ec;
        const auto ours = parseJson(utf8, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QCOMPARE(QString::fromStdString(boost::json::serialize(ours)), QString::fromStdString(boost::json::serialize(boost::json::parse(utf8))));
    }

    void malformedIsAnError_data() {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("unclosed") << "{\"a\":1";
        QTest::newRow("trailing comma") << "[1,2,]";
        QTest::newRow("two documents") << "1 2";
        QTest::newRow("not json") << "fit_seconds=1";
    }
    void malformedIsAnError() {
        QFETCH(QString, text);
        boost::system::error_code ec;
        const auto v = parseJson(text.toStdString(), ec);
        QVERIFY(ec);
        QVERIFY(v.is_null());
    }
};

QTEST_APPLESS_MAIN(TestJsonParse)
#include "TestJsonParse.moc"
