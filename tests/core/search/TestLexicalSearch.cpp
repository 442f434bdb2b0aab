#include <QTemporaryDir>
#include <QtTest>

#include "search/LexicalSearch.h"
#include "store/Project.h"

using namespace ss;

Q_DECLARE_METATYPE(std::vector<std::int64_t>)

// Lexical search on the project's trigram index: what it finds in English and Chinese, in which
// order, and that every write to items keeps the index in step.
class TestLexicalSearch : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::unique_ptr<Project> project_;

    std::vector<std::int64_t> find(const QString& query, std::size_t limit = 10) {
        auto hits = LexicalSearch::run(project_->db(), LexicalQuery::parse(query.toStdString()), limit);
        if (!hits) qWarning("%s", hits.error().describe().c_str());
        std::vector<std::int64_t> ids;
        for (const auto& h : hits.value()) ids.push_back(h.itemId);
        return ids;
    }

private slots:
    void initTestCase() {
        auto project = Project::open(dir_.filePath("shop.shelfsense").toStdString());
        QVERIFY(project.ok());
        project_ = std::move(*project);
        QVERIFY(project_->db()
                    .exec("INSERT INTO items(id, external_id, title, description, category, brand) VALUES"
                          "(1, 'a', 'Aurora espresso machine | 极光意式咖啡机', '15-bar pressure, rich crema', 'Coffee / 咖啡', 'Aurora'),"
                          "(2, 'b', 'Lotus coffee grinder | 莲花磨豆机', 'burr grinder for coffee beans', 'Coffee / 咖啡', 'Lotus'),"
                          "(3, 'c', 'Polar wireless earbuds | 极地无线耳机', 'Bluetooth 5.3 pairing', 'Audio / 音频设备', 'Polar'),"
                          "(4, 'd', 'Harbor noise-cancelling headset | 港湾降噪耳机', 'clear vocals', 'Audio / 音频设备', 'Harbor'),"
                          "(5, 'e', 'Summit smartphone | 峰顶智能手机', 'OLED display, 5G', 'Phones / 手机配件', 'Summit'),"
                          "(6, 'f', NULL, NULL, '4756105', NULL),"
                          "(7, 'g', 'Jade pour-over kettle | 翡翠手冲壶', 'for coffee lovers', 'Coffee / 咖啡', 'Jade')")
                    .ok());
    }

    void finds_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<std::vector<std::int64_t>>("expected");
        // The title weighs most: "coffee" in a title (2) before in a category and a description (7) and a category alone (1).
        QTest::newRow("english word") << "coffee" << std::vector<std::int64_t>{2, 7, 1};
        QTest::newRow("english words, either") << "espresso grinder" << std::vector<std::int64_t>{2, 1};
        // An item with every word (7: "coffee lovers") before those with some, though "coffee" is in 2's title.
        QTest::newRow("every word first") << "kettle coffee" << std::vector<std::int64_t>{7, 2, 1};
        QTest::newRow("a part of a word") << "earbud" << std::vector<std::int64_t>{3};
        QTest::newRow("upper case") << "ESPRESSO" << std::vector<std::int64_t>{1};
        // A plural finds the singular in the text ("grinder"), and a singular the plural ("lovers").
        QTest::newRow("plural finds singular") << "Grinders" << std::vector<std::int64_t>{2};
        QTest::newRow("singular finds plural") << "lover" << std::vector<std::int64_t>{7};
        // The phrase first, then (fewer than asked for) items sharing its two-character pieces: "咖啡" in their category.
        QTest::newRow("chinese substring") << "咖啡机" << std::vector<std::int64_t>{1, 2, 7};
        QTest::newRow("chinese run, best overlap first") << "无线耳机" << std::vector<std::int64_t>{3, 4};
        QTest::newRow("two chinese characters") << "手机" << std::vector<std::int64_t>{5};
        QTest::newRow("a short term and a word") << "5G smartphone" << std::vector<std::int64_t>{5};
        QTest::newRow("nothing") << "sofa" << std::vector<std::int64_t>{};
        QTest::newRow("punctuation only") << "!!" << std::vector<std::int64_t>{};
        QTest::newRow("numbers are text") << "4756105" << std::vector<std::int64_t>{};  // item 6 has no text, so it is not indexed
    }
    void finds() {
        QFETCH(QString, query);
        QFETCH(std::vector<std::int64_t>, expected);
        QCOMPARE(find(query), expected);
    }

    void indexedBeforeScanned() {
        // "耳机" (scanned) holds for 3 and 4; "线耳机" (indexed) only for 3, which comes first and is marked as indexed.
        auto hits = LexicalSearch::run(project_->db(), LexicalQuery::parse("无线耳机"), 10);
        QVERIFY(hits.ok());
        QCOMPARE(hits->size(), std::size_t(2));
        QVERIFY((*hits)[0].indexed);
        QVERIFY((*hits)[0].score > 0);
        QVERIFY(!(*hits)[1].indexed || (*hits)[1].score < (*hits)[0].score);
        QVERIFY((*hits)[0].allTerms);   // holds "无线耳" and "线耳机"
        QVERIFY(!(*hits)[1].allTerms);  // holds only "耳机"
        auto some = LexicalSearch::run(project_->db(), LexicalQuery::parse("kettle coffee"), 10);
        QVERIFY(some.ok() && some->size() == 3);
        QVERIFY((*some)[0].allTerms && !(*some)[1].allTerms && !(*some)[2].allTerms);
        QCOMPARE(find("coffee", 2), (std::vector<std::int64_t>{2, 7}));
        QCOMPARE(find("coffee", 0), std::vector<std::int64_t>{});
    }

    void writesKeepTheIndexInStep() {
        Database& db = project_->db();
        QVERIFY(db.exec("INSERT INTO items(id, external_id, title) VALUES(8, 'h', 'Maple oolong tea | 枫叶乌龙茶')").ok());
        QCOMPARE(find("乌龙茶"), std::vector<std::int64_t>{8});
        QVERIFY(db.exec("UPDATE items SET title = 'Maple jasmine tea | 枫叶茉莉花茶' WHERE id = 8").ok());
        QCOMPARE(find("乌龙茶"), std::vector<std::int64_t>{});
        QCOMPARE(find("jasmine"), std::vector<std::int64_t>{8});
        // A price is not text: the index row stays as it was.
        QVERIFY(db.exec("UPDATE items SET price = 12.5 WHERE id = 8").ok());
        QCOMPARE(find("jasmine"), std::vector<std::int64_t>{8});
        // An item without text gains a title: now it is found; its text removed again: gone.
        QVERIFY(db.exec("UPDATE items SET title = 'Granite trekking poles' WHERE id = 6").ok());
        QCOMPARE(find("trekking"), std::vector<std::int64_t>{6});
        QVERIFY(db.exec("UPDATE items SET title = NULL WHERE id = 6").ok());
        QCOMPARE(find("trekking"), std::vector<std::int64_t>{});
        QVERIFY(db.exec("DELETE FROM items WHERE id = 8").ok());
        QCOMPARE(find("jasmine"), std::vector<std::int64_t>{});
        QVERIFY(db.exec("INSERT INTO item_text(item_text) VALUES('integrity-check')").ok());
    }
};

QTEST_GUILESS_MAIN(TestLexicalSearch)
#include "TestLexicalSearch.moc"
