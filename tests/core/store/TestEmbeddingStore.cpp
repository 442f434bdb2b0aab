// EmbeddingStore: one vector per encoder and text, named by every object of that text; objects read
// back in id order with their vectors; a vanished object's row removed, and a vector no object of any
// target names any more removed with it; the encoders with vectors of a target listed without a scan.
#include <QtTest>

#include "RawSqlite.h"
#include "TestSupport.h"
#include "store/EmbeddingStore.h"
#include "store/Project.h"

using namespace ss;

namespace {

std::vector<std::string> readAll(EmbeddingStore& store) {
    std::vector<std::string> out;
    const Status s = store.forEach([&](std::int64_t id, std::span<const float> v) {
        std::string row = std::to_string(id) + ":";
        for (float x : v) row += std::to_string(int(x)) + ",";
        out.push_back(row);
    });
    if (!s) out.push_back("error: " + s.error().message);
    return out;
}

}  // namespace

class TestEmbeddingStore : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void oneVectorPerText() {
        const auto path = sstest::file(dir_, "store.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        SS_VERIFY_OK(db.exec("INSERT INTO items(id, external_id) VALUES(1,'a'),(2,'b'),(3,'c'),(4,'d')"));
        EmbeddingStore items(db, "m", "items");
        SS_VERIFY_OK(items.put(1, "h1", {1, 1}));
        SS_VERIFY_OK(items.put(2, "h2", {2, 2}));
        SS_VERIFY_OK(items.put(3, "h1", {1, 1}));  // the same text: the same vector, stored once
        auto copied = items.copyFrom(2, 4, "h2");
        SS_VERIFY_OK(copied);
        QVERIFY(*copied);
        auto refused = items.copyFrom(2, 4, "h-other");  // the holder's text differs: nothing written
        SS_VERIFY_OK(refused);
        QVERIFY(!*refused);
        QCOMPARE(readAll(items), (std::vector<std::string>{"1:1,1,", "2:2,2,", "3:1,1,", "4:2,2,"}));
        SS_COMPARE_STR(sstest::rawText(path, "SELECT count(*) FROM embedding_vectors"), "2");
        auto n = items.count();
        SS_VERIFY_OK(n);
        QCOMPARE(*n, std::int64_t(4));
        auto hashes = items.textHashes(2, 3);
        SS_VERIFY_OK(hashes);
        QCOMPARE(hashes->size(), std::size_t(2));
        QCOMPARE(hashes->at(3), std::string("h1"));

        // A changed text: the object names its new vector; the old one stays while another names it.
        SS_VERIFY_OK(items.put(1, "h3", {3, 3}));
        QCOMPARE(readAll(items)[0], std::string("1:3,3,"));
        SS_VERIFY_OK(items.removeMissing("items"));
        SS_COMPARE_STR(sstest::rawText(path, "SELECT count(*) FROM embedding_vectors"), "3");

        // A review of the same text under the same encoder shares the vector too.
        EmbeddingStore reviews(db, "m", "reviews");
        SS_VERIFY_OK(reviews.put(70, "h2", {2, 2}));
        SS_COMPARE_STR(sstest::rawText(path, "SELECT count(*) FROM embedding_vectors"), "3");

        // Items 2 and 4 deleted: their rows go; h2's vector stays for the review, h1's for item 3.
        SS_VERIFY_OK(db.exec("DELETE FROM items WHERE id IN (2, 4)"));
        SS_VERIFY_OK(items.removeMissing("items"));
        QCOMPARE(readAll(items), (std::vector<std::string>{"1:3,3,", "3:1,1,"}));
        SS_COMPARE_STR(sstest::rawText(path, "SELECT count(*) FROM embedding_vectors"), "3");
        // Item 3 deleted as well: nothing names h1's vector any more, so it goes.
        SS_VERIFY_OK(db.exec("DELETE FROM items WHERE id = 3"));
        SS_VERIFY_OK(items.removeMissing("items"));
        SS_COMPARE_STR(sstest::rawText(path, "SELECT group_concat(text_hash) FROM (SELECT text_hash FROM embedding_vectors ORDER BY text_hash)"),
                       "h2,h3");
    }

    void modelsOfATarget() {
        const auto path = sstest::file(dir_, "models.shelfsense");
        auto project = Project::open(path);
        SS_VERIFY_OK(project);
        Database& db = (*project)->db();
        auto none = EmbeddingStore::models(db, "items");
        SS_VERIFY_OK(none);
        QVERIFY(none->empty());
        SS_VERIFY_OK(EmbeddingStore(db, "zeta", "items").put(1, "h", {1}));
        SS_VERIFY_OK(EmbeddingStore(db, "alpha", "reviews").put(1, "h", {1}));
        SS_VERIFY_OK(EmbeddingStore(db, "beta", "items").put(1, "h", {1}));
        auto items = EmbeddingStore::models(db, "items");
        SS_VERIFY_OK(items);
        QCOMPARE(*items, (std::vector<std::string>{"beta", "zeta"}));
        auto reviews = EmbeddingStore::models(db, "reviews");
        SS_VERIFY_OK(reviews);
        QCOMPARE(*reviews, (std::vector<std::string>{"alpha"}));
    }
};

QTEST_APPLESS_MAIN(TestEmbeddingStore)
#include "TestEmbeddingStore.moc"
