// ItemVectorTable and the item vectors read from a project's embedding cache: each distinct vector is
// held once and every item reaches its own through rowOf; the cache is read one vector per text hash
// (the store keeps one vector per encoder and text: items of one text share it), items
// without a vector share one zero row, and vectors of items the dataset does not have are skipped.
#include <QtTest>

#include <cmath>

#include "RecTestSupport.h"
#include "common/JobStages.h"
#include "rec/ItemVectorTable.h"
#include "rec/ItemVectors.h"
#include "store/EmbeddingStore.h"

using namespace ss;
using namespace ss::rec;

namespace {

std::vector<float> rowOf(const ItemVectorTable& t, int item) { return {t.row(item), t.row(item) + t.cols()}; }

}  // namespace

class TestItemVectors : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private slots:
    void tableOfAMatrix_data() {
        QTest::addColumn<std::vector<std::vector<float>>>("perItem");
        QTest::addColumn<int>("rows");
        QTest::addColumn<double>("repeated");
        QTest::newRow("all distinct") << std::vector<std::vector<float>>{{1, 0}, {0, 1}, {1, 1}} << 3 << 0.0;
        QTest::newRow("listings of one title") << std::vector<std::vector<float>>{{1, 2}, {3, 4}, {1, 2}, {1, 2}} << 2 << 0.5;
        QTest::newRow("zero rows are one") << std::vector<std::vector<float>>{{0, 0}, {5, 5}, {0, 0}} << 2 << 1.0 / 3.0;
        QTest::newRow("one item") << std::vector<std::vector<float>>{{7, 8}} << 1 << 0.0;
    }
    void tableOfAMatrix() {
        QFETCH(std::vector<std::vector<float>>, perItem);
        QFETCH(int, rows);
        QFETCH(double, repeated);
        const DenseMatrix m = rectest::matrixOfRows(perItem);
        const ItemVectorTable t = ItemVectorTable::of(m);
        QCOMPARE(t.items(), m.rows);
        QCOMPARE(t.cols(), m.cols);
        QCOMPARE(t.distinct().rows.rows, rows);
        QVERIFY(std::abs(t.repeatedShare() - repeated) < 1e-12);
        for (int i = 0; i < m.rows; ++i) {
            QCOMPARE(rowOf(t, i), perItem[static_cast<std::size_t>(i)]);
            // The grouping and the item → row map agree both ways.
            const auto items = t.distinct().itemsOf(t.rowOf(i));
            QVERIFY(std::find(items.begin(), items.end(), i) != items.end());
        }
        const DenseMatrix back = t.expanded();
        QCOMPARE(back.rows, m.rows);
        QCOMPARE(back.data, m.data);
        const auto inverse = t.inverseLengths();
        const auto expected = inverseRowLengths(m);
        QCOMPARE(inverse, expected);
    }

    void tableFromRows() {
        // Rows given with the item → row map: the grouping lists each row's items ascending.
        const ItemVectorTable t(rectest::matrixOfRows({{1, 0}, {0, 1}}), {1, 0, 1, 1, 0});
        QCOMPARE(t.items(), 5);
        QCOMPARE(t.distinct().rows.rows, 2);
        const auto first = t.distinct().itemsOf(0), second = t.distinct().itemsOf(1);
        QCOMPARE(std::vector<int>(first.begin(), first.end()), (std::vector<int>{1, 4}));
        QCOMPARE(std::vector<int>(second.begin(), second.end()), (std::vector<int>{0, 2, 3}));
        QCOMPARE(rowOf(t, 3), (std::vector<float>{0, 1}));
        QVERIFY(std::abs(t.repeatedShare() - 0.6) < 1e-12);
    }

    void cacheIsReadOncePerText() {
        // Six items; the cache holds vectors for five of them and for an object the dataset lacks.
        const auto data = rectest::dataset(2, 6, {{0, 0, rectest::P, 1}, {1, 5, rectest::V, 2}});
        const auto path = rectest::file(dir_, "vectors.shelfsense");
        SS_VERIFY_OK(rectest::writeProject(path, data));
        const auto reloaded = Dataset::load(path, {});
        SS_VERIFY_OK(reloaded);
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            EmbeddingStore store((*project)->db(), "enc", "items");
            const auto& items = reloaded->items();
            const std::int64_t a = items[0].id, b = items[1].id, c = items[2].id, d = items[3].id, f = items[5].id;
            SS_VERIFY_OK(store.put(a, "hash-x", {9, 9, 9}));
            SS_VERIFY_OK(store.put(b, "hash-y", {4, 5, 6}));
            // The same text as a: one vector for both, the one put last.
            SS_VERIFY_OK(store.put(c, "hash-x", {1, 2, 3}));
            SS_VERIFY_OK(store.copyFrom(b, d, "hash-y"));
            SS_VERIFY_OK(store.put(f, "hash-z", {0, 0, 1}));
            SS_VERIFY_OK(store.put(999999, "hash-w", {7, 7, 7}));  // not an item of the dataset
            // Another encoder's vectors are not read.
            SS_VERIFY_OK(EmbeddingStore((*project)->db(), "other", "items").put(a, "hash-x", {5, 5, 5}));
        }
        std::vector<double> fractions;
        JobContext job;
        job.progress = [&](const JobProgress& p) {
            if (p.stage == stages::kReadingItemVectors) fractions.push_back(p.fraction);
        };
        auto set = cachedItemVectors(path, *reloaded, "enc", job);
        SS_VERIFY_OK(set);
        const ItemVectorTable& t = *set->vectors;
        QCOMPARE(set->model, std::string("enc"));
        QCOMPARE(set->missing, std::size_t(1));
        QCOMPARE(t.items(), 6);
        QCOMPARE(t.distinct().rows.rows, 4);  // x, y, z and the zero row of the item without a vector
        QCOMPARE(rowOf(t, 0), (std::vector<float>{1, 2, 3}));
        QCOMPARE(rowOf(t, 1), (std::vector<float>{4, 5, 6}));
        QCOMPARE(rowOf(t, 2), (std::vector<float>{1, 2, 3}));
        QCOMPARE(t.rowOf(2), t.rowOf(0));
        QCOMPARE(t.rowOf(3), t.rowOf(1));
        QCOMPARE(rowOf(t, 4), (std::vector<float>{0, 0, 0}));
        QCOMPARE(rowOf(t, 5), (std::vector<float>{0, 0, 1}));
        QVERIFY(!fractions.empty());
        QCOMPARE(fractions.back(), 1.0);
    }

    void corruptVectorNamesTheObject() {
        const auto data = rectest::dataset(1, 2, {{0, 0, rectest::P, 1}});
        const auto path = rectest::file(dir_, "corrupt.shelfsense");
        SS_VERIFY_OK(rectest::writeProject(path, data));
        const auto reloaded = Dataset::load(path, {});
        SS_VERIFY_OK(reloaded);
        const std::int64_t second = reloaded->items()[1].id;
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            EmbeddingStore store((*project)->db(), "enc", "items");
            SS_VERIFY_OK(store.put(reloaded->items()[0].id, "h1", {1, 2}));
            SS_VERIFY_OK(store.put(second, "h2", {3, 4}));
            auto stmt = (*project)->db().prepare("UPDATE embedding_vectors SET dim=3 WHERE id=(SELECT vector_id FROM embeddings WHERE object_id=?1)");
            SS_VERIFY_OK(stmt);
            stmt->bind(1, second);
            SS_VERIFY_OK(stmt->run());
        }
        auto set = cachedItemVectors(path, *reloaded, "enc");
        QVERIFY(!set.ok());
        QVERIFY2(set.error().message.find("object " + std::to_string(second)) != std::string::npos, set.error().message.c_str());
    }

    void cachedOnlyReadsTheModelWithMostVectors_data() {
        QTest::addColumn<int>("vectorsOfA");
        QTest::addColumn<int>("vectorsOfB");
        QTest::addColumn<QString>("chosen");
        QTest::newRow("one model") << 3 << 0 << "model-a";
        QTest::newRow("the second has more") << 2 << 3 << "model-b";
        QTest::newRow("a tie: the first by name") << 2 << 2 << "model-a";
    }
    void cachedOnlyReadsTheModelWithMostVectors() {
        QFETCH(int, vectorsOfA);
        QFETCH(int, vectorsOfB);
        QFETCH(QString, chosen);
        const auto data = rectest::dataset(1, 3, {{0, 0, rectest::P, 1}});
        const auto path = rectest::file(dir_, "models " + std::string(QTest::currentDataTag()) + ".shelfsense");
        SS_VERIFY_OK(rectest::writeProject(path, data));
        const auto reloaded = Dataset::load(path, {});
        SS_VERIFY_OK(reloaded);
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            for (int i = 0; i < vectorsOfA; ++i)
                SS_VERIFY_OK(EmbeddingStore((*project)->db(), "model-a", "items").put(reloaded->items()[i].id, "a" + std::to_string(i), {1, float(i)}));
            for (int i = 0; i < vectorsOfB; ++i)
                SS_VERIFY_OK(EmbeddingStore((*project)->db(), "model-b", "items").put(reloaded->items()[i].id, "b" + std::to_string(i), {2, float(i)}));
            // Review vectors of a third model are no candidate, however many.
            for (int i = 0; i < 5; ++i) SS_VERIFY_OK(EmbeddingStore((*project)->db(), "model-0", "reviews").put(i + 1, "r", {0, 0}));
            auto models = EmbeddingStore::models((*project)->db(), "items");
            SS_VERIFY_OK(models);
            QCOMPARE(int(models->size()), vectorsOfB > 0 ? 2 : 1);
        }
        ItemVectorOptions options;
        options.cachedOnly = true;
        auto set = loadItemVectors(path, *reloaded, options, {});
        SS_VERIFY_OK(set);
        QCOMPARE(QString::fromStdString(set->model), chosen);
        QCOMPARE(set->vectors->row(0)[0], chosen == "model-a" ? 1.0f : 2.0f);
    }

    void noVectorsIsAClearError() {
        const auto data = rectest::dataset(1, 2, {{0, 0, rectest::P, 1}});
        const auto path = rectest::file(dir_, "empty.shelfsense");
        SS_VERIFY_OK(rectest::writeProject(path, data));
        const auto reloaded = Dataset::load(path, {});
        SS_VERIFY_OK(reloaded);
        auto set = cachedItemVectors(path, *reloaded, "enc");
        QVERIFY(!set.ok());
        QVERIFY(set.error().message.find("no item vectors") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestItemVectors)
#include "TestItemVectors.moc"
