#include <QtTest>

#include "search/LexicalQuery.h"

using namespace ss;

// How a shopper's words become index phrases and scanned terms, in English, Chinese and both.
class TestLexicalQuery : public QObject {
    Q_OBJECT

    static QStringList list(const std::vector<std::string>& items) {
        QStringList out;
        for (const auto& s : items) out << QString::fromStdString(s);
        return out;
    }

private slots:
    void parse_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("phrases");
        QTest::addColumn<QStringList>("scanTerms");
        QTest::newRow("english words") << "Quiet Headphones for travel" << QStringList{"quiet", "headphone", "for", "travel"} << QStringList{};
        QTest::newRow("short words are scanned") << "5G tv case" << QStringList{"case"} << QStringList{"5g", "tv"};
        QTest::newRow("joined words stay whole") << "non-stick pan, pu'er tea!" << QStringList{"non-stick", "pan", "pu'er", "tea"} << QStringList{};
        QTest::newRow("three chinese characters") << "咖啡机" << QStringList{"咖啡机"} << QStringList{"咖啡", "啡机"};
        QTest::newRow("longer chinese run") << "无线耳机" << QStringList{"无线耳", "线耳机"} << QStringList{"无线", "线耳", "耳机"};
        QTest::newRow("two chinese characters") << "手机" << QStringList{} << QStringList{"手机"};
        QTest::newRow("scripts apart") << "iPhone手机壳" << QStringList{"iphone", "手机壳"} << QStringList{"手机", "机壳"};
        QTest::newRow("chinese punctuation separates") << "蓝牙，耳机。" << QStringList{} << QStringList{"蓝牙", "耳机"};
        QTest::newRow("repeats once") << "tea tea 茶 茶" << QStringList{"tea"} << QStringList{"茶"};
        QTest::newRow("only punctuation") << " ,.;!? " << QStringList{} << QStringList{};
        QTest::newRow("quotes inside words") << "12\" pan" << QStringList{"pan"} << QStringList{"12"};
    }
    void parse() {
        QFETCH(QString, query);
        QFETCH(QStringList, phrases);
        QFETCH(QStringList, scanTerms);
        const auto parsed = LexicalQuery::parse(query.toStdString());
        QCOMPARE(list(parsed.phrases()), phrases);
        QCOMPARE(list(parsed.scanTerms()), scanTerms);
        QCOMPARE(parsed.empty(), phrases.isEmpty() && scanTerms.isEmpty());
    }

    void pluralStem_data() {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("stem");
        QTest::newRow("s") << "toys" << "toy";
        QTest::newRow("silent e kept") << "puzzles" << "puzzle";
        QTest::newRow("ies") << "accessories" << "accessor";
        QTest::newRow("ches") << "watches" << "watch";
        QTest::newRow("xes") << "boxes" << "box";
        QTest::newRow("sses") << "glasses" << "glass";
        QTest::newRow("shes") << "brushes" << "brush";
        QTest::newRow("not a plural: ss") << "dress" << "dress";
        QTest::newRow("not a plural: us") << "cactus" << "cactus";
        QTest::newRow("not a plural: is") << "tennis" << "tennis";
        QTest::newRow("singular") << "machine" << "machine";
        QTest::newRow("stem too short for the index") << "kits" << "kit";
        QTest::newRow("would leave two letters") << "pies" << "pies";
        QTest::newRow("short") << "gps" << "gps";
        QTest::newRow("not plain letters") << "mp3s" << "mp3s";
        QTest::newRow("chinese") << "手机们s" << "手机们s";
    }
    void pluralStem() {
        QFETCH(QString, word);
        QFETCH(QString, stem);
        const QList<uint> ucs4 = word.toUcs4();
        const std::u32string in(ucs4.begin(), ucs4.end());
        const std::u32string out = LexicalQuery::pluralStem(in);
        QCOMPARE(QString::fromUcs4(out.data(), static_cast<qsizetype>(out.size())), stem);
    }

    void matchExpressionQuotesEveryPhrase_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("expression");
        QTest::newRow("two words") << "espresso machine" << "\"espresso\" OR \"machine\"";
        QTest::newRow("fts syntax is only words") << "NEAR(abc def) OR* col:xyz" << "\"near\" OR \"abc\" OR \"def\" OR \"col\" OR \"xyz\"";
        QTest::newRow("a quote separates words") << "o\"neill" << "\"neill\"";
        QTest::newRow("none") << "tv" << "";
    }
    void matchExpressionQuotesEveryPhrase() {
        QFETCH(QString, query);
        QFETCH(QString, expression);
        QCOMPARE(QString::fromStdString(LexicalQuery::parse(query.toStdString()).matchExpression()), expression);
    }

    void scanTermsAreCapped() {
        std::string query;
        for (int i = 0; i < 40; ++i) query += "a" + std::to_string(i % 10) + " b" + std::to_string(i) + " ";
        QCOMPARE(LexicalQuery::parse(query).scanTerms().size(), LexicalQuery::kMaxScanTerms);
    }
};

QTEST_APPLESS_MAIN(TestLexicalQuery)
#include "TestLexicalQuery.moc"
