// CustomerSearch: any part of an id, ignoring case (ASCII and beyond), the id itself first, then those
// starting with the text, then the rest, in the order added; the list capped, the count whole; no hit
// across two ids.
#include <QtTest>

#include "CustomerSearch.h"

using ss::ui::CustomerSearch;

namespace {

CustomerSearch searchOf(const QStringList& ids) {
    CustomerSearch s;
    for (const QString& id : ids) s.add(id.toStdString());
    return s;
}

QStringList found(const CustomerSearch& s, const CustomerSearch::Matches& m) {
    QStringList out;
    for (auto r : m.rows) out << s.id(r);
    return out;
}

}  // namespace

class TestCustomerSearch : public QObject {
    Q_OBJECT
private slots:
    void finds_data() {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<int>("total");
        const QStringList numbers{"1234", "51234", "123", "91239", "12", "4123"};
        QTest::newRow("the id itself, then starting with it, then inside") << numbers << "123" << 10
                                                                            << QStringList{"123", "1234", "51234", "91239", "4123"} << 5;
        QTest::newRow("capped list, whole count") << numbers << "123" << 2 << QStringList{"123", "1234"} << 5;
        QTest::newRow("one digit") << numbers << "9" << 10 << QStringList{"91239"} << 1;
        QTest::newRow("nothing") << numbers << "77" << 10 << QStringList{} << 0;
        QTest::newRow("empty text finds nothing") << numbers << "" << 10 << QStringList{} << 0;
        QTest::newRow("spaces around are dropped") << numbers << " 12 " << 10 << QStringList{"12", "1234", "123", "51234", "91239", "4123"} << 6;
        QTest::newRow("never across two ids") << QStringList{"ab", "cd"} << "bc" << 10 << QStringList{} << 0;
        QTest::newRow("ASCII case ignored") << QStringList{"C-0042", "c-0042x", "AC-004"} << "c-004" << 10
                                            << QStringList{"C-0042", "c-0042x", "AC-004"} << 3;
        QTest::newRow("accented case ignored") << QStringList{"ÉMILE", "émile", "Zoé"} << "éMi" << 10 << QStringList{"ÉMILE", "émile"} << 2;
        QTest::newRow("German sharp s folds to ss") << QStringList{"Strauß", "STRASSE"} << "strass" << 10 << QStringList{"STRASSE"} << 1;
        QTest::newRow("Chinese") << QStringList{"王小明", "小明", "李明"} << "小明" << 10 << QStringList{"小明", "王小明"} << 2;
        QTest::newRow("one hit per id") << QStringList{"aaaa", "baa"} << "a" << 10 << QStringList{"aaaa", "baa"} << 2;
    }
    void finds() {
        QFETCH(QStringList, ids);
        QFETCH(QString, text);
        QFETCH(int, limit);
        QFETCH(QStringList, expected);
        QFETCH(int, total);
        const CustomerSearch s = searchOf(ids);
        QCOMPARE(s.size(), std::size_t(ids.size()));
        const auto m = s.find(text, std::size_t(limit));
        QCOMPARE(found(s, m), expected);
        QCOMPARE(m.total, std::size_t(total));
    }

    void idsComeBackAsGiven() {
        const QStringList ids{"C-01", "王小明", "", "ÉMILE"};
        const CustomerSearch s = searchOf(ids);
        for (int i = 0; i < ids.size(); ++i) QCOMPARE(s.id(std::size_t(i)), ids[i]);
    }

    // A million ids: the count is exact, and the list is those starting with the text, then the rest,
    // each in the order added (checked against a plain scan).
    void manyIds() {
        CustomerSearch s;
        s.reserve(1'000'000, 7'000'000);
        std::vector<std::string> ids;
        for (int i = 0; i < 1'000'000; ++i) ids.push_back(std::to_string(1'000'000 + i * 3));
        for (const auto& id : ids) s.add(id);
        const auto m = s.find("234", 500);
        std::vector<std::uint32_t> starting, inside;
        for (std::uint32_t r = 0; r < ids.size(); ++r) {
            const auto at = ids[r].find("234");
            if (at == 0) starting.push_back(r);
            else if (at != std::string::npos) inside.push_back(r);
        }
        QCOMPARE(m.total, starting.size() + inside.size());
        QVERIFY(!starting.empty() && m.total > 500);
        starting.insert(starting.end(), inside.begin(), inside.end());
        starting.resize(500);
        QCOMPARE(m.rows, starting);
    }
};

QTEST_GUILESS_MAIN(TestCustomerSearch)
#include "TestCustomerSearch.moc"
