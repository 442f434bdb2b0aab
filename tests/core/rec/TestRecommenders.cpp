// Recommenders against numbers worked out by hand: item-kNN cosine with shrinkage and neighbour cut
// (and against plain counting, and its tensor path), popularity windows, content cosine with recency
// weights (cold items scored), hybrid z-score blending, explanations that add up to the score. ALS has
// its own test (TestAls).
#include <QtTest>

#include <cmath>
#include <numeric>
#include <random>
#include <set>

#include "RecTestSupport.h"
#include "common/TopN.h"
#include "rec/Als.h"
#include "rec/Content.h"
#include "rec/Hybrid.h"
#include "rec/TopK.h"
#include "rec/ItemKnn.h"
#include "rec/Popularity.h"
#include "rec/TwoTower.h"

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

// The models the data-driven tests name: item-kNN with 10 neighbours, ALS with 2 factors, content on
// `text`, and the hybrid of item-kNN and popularity; nullptr for another name.
std::shared_ptr<Recommender> modelNamed(const QString& name, const DenseMatrix& text) {
    if (name == "popularity") return std::make_shared<PopularityRecommender>();
    if (name == "itemknn") return std::make_shared<ItemKnnRecommender>(ItemKnnOptions{10, 0.0});
    if (name == "als") return std::make_shared<AlsRecommender>(AlsOptions{.factors = 2, .iterations = 5});
    if (name == "content") return std::make_shared<ContentRecommender>(ItemVectorTable::of(text));
    if (name == "hybrid")
        return std::make_shared<HybridRecommender>(std::make_shared<ItemKnnRecommender>(ItemKnnOptions{10, 0.0}),
                                                   std::make_shared<PopularityRecommender>(), 0.5);
    return nullptr;
}

}  // namespace

class TestRecommenders : public QObject {
    Q_OBJECT
private slots:
    void itemKnn_data() {
        QTest::addColumn<double>("shrink");
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<double>("sim01");
        QTest::addColumn<double>("sim02");
        QTest::addColumn<double>("score02");  // U0's score for I2
        // Users: U0 {I0,I1}, U1 {I0,I1,I2}, U2 {I1,I2}, U3 {I3}. |U(I0)|=2, |U(I1)|=3, |U(I2)|=2.
        // co(0,1)=2, co(0,2)=1, co(1,2)=2 → sim(0,1)=2/√6, sim(0,2)=1/2, sim(1,2)=2/√6.
        QTest::newRow("no shrink") << 0.0 << 100 << 2 / std::sqrt(6.0) << 0.5 << 0.5 + 2 / std::sqrt(6.0);
        QTest::newRow("shrink 1") << 1.0 << 100 << 2 / (std::sqrt(6.0) + 1) << 1 / 3.0 << 1 / 3.0 + 2 / (std::sqrt(6.0) + 1);
        // One neighbour each: I0 keeps I1; I1 keeps I0 (tie with I2, smaller index); I2 keeps I1.
        QTest::newRow("1 neighbour") << 0.0 << 1 << 2 / std::sqrt(6.0) << 0.0 << 0.0;
    }
    void itemKnn() {
        QFETCH(double, shrink);
        QFETCH(int, neighbours);
        QFETCH(double, sim01);
        QFETCH(double, sim02);
        QFETCH(double, score02);
        auto train = views(4, 4, {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {1, 2}, {2, 1}, {2, 2}, {3, 3}});
        ItemKnnRecommender knn({neighbours, shrink});
        SS_VERIFY_OK(knn.fit(train, {}, {}));
        QVERIFY(std::fabs(knn.similarities().value(0, 1) - sim01) < 1e-6);
        QVERIFY(std::fabs(knn.similarities().value(0, 2) - sim02) < 1e-6);
        QCOMPARE(knn.similarities().rowSize(3), std::size_t(0));
        const auto s = scores(knn, 0);
        QVERIFY2(std::fabs(s[2] - score02) < 1e-6, qPrintable(QString::number(s[2])));
        QCOMPARE(s[3], 0.0f);
        // The explanation's terms are the score's terms.
        const auto why = knn.explain(0, 2, 10);
        double sum = 0;
        for (const auto& c : why) sum += c.value;
        QVERIFY(std::fabs(sum - score02) < 1e-6);
    }

    // The native fit against co-occurrence counted plainly from each item's customers: the same
    // neighbours with the same similarities, ties at the cut going to the smaller index (many ties here:
    // few customers, so equal counts and equal popularity are common).
    void itemKnnMatchesPlainCounting_data() {
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<double>("shrink");
        QTest::newRow("1 neighbour") << 1 << 0.0;
        QTest::newRow("3 neighbours, shrink 10") << 3 << 10.0;
        QTest::newRow("7 neighbours") << 7 << 0.0;
        QTest::newRow("every neighbour, shrink 0.5") << 1000 << 0.5;
    }
    void itemKnnMatchesPlainCounting() {
        QFETCH(int, neighbours);
        QFETCH(double, shrink);
        const int users = 70, items = 40;
        std::mt19937_64 g(31);
        std::vector<std::pair<int, int>> pairs;
        std::vector<std::set<int>> customers(items);
        for (int u = 0; u < users; ++u)
            for (int i = 0; i < items - 3; ++i)  // the last three items have no customers
                if (g() % 100 < (i < 5 ? 40 : 8)) pairs.emplace_back(u, i), customers[std::size_t(i)].insert(u);
        auto train = views(users, items, pairs);
        ItemKnnOptions o;
        o.neighbours = neighbours;
        o.shrink = shrink;
        o.device = "cpu";
        ItemKnnRecommender native(o);
        SS_VERIFY_OK(native.fit(train, {.threads = 2}, {}));
        const CsrMatrix& got = native.similarities();
        for (int i = 0; i < items; ++i) {
            std::vector<std::pair<int, float>> all;  // (item, similarity)
            for (int j = 0; j < items; ++j) {
                if (j == i) continue;
                int co = 0;
                for (int u : customers[std::size_t(i)]) co += int(customers[std::size_t(j)].count(u));
                if (co == 0) continue;
                const double norm = std::sqrt(double(customers[std::size_t(i)].size())) * std::sqrt(double(customers[std::size_t(j)].size()));
                all.emplace_back(j, float(double(co) / (norm + shrink)));
            }
            std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
            if (all.size() > std::size_t(neighbours)) all.resize(std::size_t(neighbours));
            std::sort(all.begin(), all.end());
            const auto idx = got.rowIndices(i);
            const auto val = got.rowValues(i);
            QCOMPARE(idx.size(), all.size());
            for (std::size_t q = 0; q < all.size(); ++q) {
                QCOMPARE(idx[q], all[q].first);
                QCOMPARE(val[q], all[q].second);
            }
        }
    }

    void itemKnnTensorsMatchNative_data() {
        QTest::addColumn<int>("neighbours");
        QTest::addColumn<double>("shrink");
        QTest::newRow("every neighbour, no shrink") << 1000 << 0.0;
        QTest::newRow("3 neighbours (ties cut), shrink 10") << 3 << 10.0;
        QTest::newRow("7 neighbours, shrink 0.5") << 7 << 0.5;
    }
    void itemKnnTensorsMatchNative() {
        // The sparse-product path (the GPU path, run here on the CPU) keeps the same neighbours with the
        // same similarities, ties included (smaller index first), and binarises repeated events.
        if (!TwoTowerRecommender::available()) QSKIP("built without LibTorch");
        QFETCH(int, neighbours);
        QFETCH(double, shrink);
        std::mt19937_64 g(23);
        std::vector<std::pair<int, int>> pairs;
        for (int u = 0; u < 80; ++u)
            for (int i = 0; i < 45; ++i)  // items 45..49 have no users
                if (g() % 100 < (u % 3 == i % 3 ? 25 : 6)) {
                    pairs.emplace_back(u, i);
                    if (g() % 4 == 0) pairs.emplace_back(u, i);  // a repeated event: weight 2, still one user
                }
        auto train = views(80, 50, pairs);
        ItemKnnOptions o;
        o.neighbours = neighbours;
        o.shrink = shrink;
        o.device = "cpu";
        ItemKnnRecommender native(o);
        o.tensorsOnCpu = true;
        ItemKnnRecommender tensors(o);
        SS_VERIFY_OK(native.fit(train, {.threads = 2}, {}));
        SS_VERIFY_OK(tensors.fit(train, {}, {}));
        QCOMPARE(tensors.trainingReport().device, std::string("cpu"));
        const CsrMatrix &a = tensors.similarities(), &b = native.similarities();
        QCOMPARE(a.rows, b.rows);
        QCOMPARE(a.indptr, b.indptr);
        QCOMPARE(a.indices, b.indices);
        for (std::size_t p = 0; p < a.values.size(); ++p) QVERIFY(std::fabs(a.values[p] - b.values[p]) <= 1e-6f * b.values[p]);
        QVERIFY(b.nnz() > 0);
        for (int u : {0, 17, 79}) {
            const auto sa = scores(tensors, u), sb = scores(native, u);
            for (std::size_t i = 0; i < sa.size(); ++i) QVERIFY(std::fabs(sa[i] - sb[i]) <= 1e-5f * std::max(1.0f, std::fabs(sb[i])));
        }
    }

    void popularityWindow() {
        std::vector<Event> e = {{0, 0, EventType::View, kT0}, {1, 0, EventType::View, kT0}, {2, 0, EventType::View, kT0},
                                {0, 1, EventType::Purchase, kT0 + 9 * kDay}, {1, 2, EventType::View, kT0 + 9 * kDay}};
        auto train = std::make_shared<Interactions>(Interactions::fromTriples(3, 3, e, BehaviourWeights{}));
        PopularityRecommender all;
        SS_VERIFY_OK(all.fit(train, {.now = kT0 + 10 * kDay}, {}));
        QCOMPARE(all.popularity(), (std::vector<float>{3, 5, 1}));
        PopularityRecommender recent({.windowDays = 3});
        SS_VERIFY_OK(recent.fit(train, {.now = kT0 + 10 * kDay}, {}));
        QCOMPARE(recent.popularity(), (std::vector<float>{0, 5, 1}));
        QVERIFY(recent.coversUser(2));
    }

    void content() {
        // 4 items in 2-d: I0 (1,0), I1 (0,1), I2 (1,1)/√2 (cold: nobody has it), I3 (−1,0).
        DenseMatrix v(4, 2);
        v.data = {2, 0, 0, 3, 1, 1, -1, 0};
        std::vector<Event> e = {{0, 0, EventType::View, kT0 - 30 * kDay},  // weight 1, 30 days old: a = 1/2
                                {0, 1, EventType::View, kT0}};            // weight 1, now: a = 1
        auto train = std::make_shared<Interactions>(Interactions::fromTriples(1, 4, e, BehaviourWeights{}));
        ContentRecommender m(ItemVectorTable::of(v), {.halfLifeDays = 30});
        SS_VERIFY_OK(m.fit(train, {.now = kT0}, {}));
        // u = 0.5·(1,0) + 1·(0,1) = (0.5, 1); |u| = √1.25
        const double nu = std::sqrt(1.25);
        const auto s = scores(m, 0);
        QVERIFY(std::fabs(s[0] - 0.5 / nu) < 1e-6);
        QVERIFY(std::fabs(s[1] - 1.0 / nu) < 1e-6);
        QVERIFY(std::fabs(s[2] - 1.5 / std::sqrt(2.0) / nu) < 1e-6);  // the cold item is scored
        QVERIFY(std::fabs(s[3] + 0.5 / nu) < 1e-6);
        QVERIFY(m.scoresColdItems());
        const auto why = m.explain(0, 2, 5);
        QCOMPARE(int(why.size()), 2);
        QCOMPARE(why[0].item, 1);  // I1 contributes 1·cos(I1, I2)/|u| > 0.5·cos(I0, I2)/|u|
        QVERIFY(std::fabs(why[0].value + why[1].value - s[2]) < 1e-6);
    }

    // Items whose texts are the same (one title in many shops: the encoder gives them one vector) are
    // scored once: the content model keeps its distinct rows when a quarter of the items repeat one,
    // after normalising (2·v and v are the same direction), and the engine's lists are what every
    // item's own score gives.
    void contentScoresSharedVectorsOnce_data() {
        QTest::addColumn<int>("copies");  // items that repeat an earlier item's vector, of 8
        QTest::addColumn<bool>("kept");
        QTest::newRow("none") << 0 << false;
        QTest::newRow("one of eight") << 1 << false;
        QTest::newRow("two of eight") << 2 << true;
        QTest::newRow("four of eight") << 4 << true;
    }
    void contentScoresSharedVectorsOnce() {
        QFETCH(int, copies);
        QFETCH(bool, kept);
        DenseMatrix v(8, 3);
        for (int i = 0; i < 8; ++i) v.row(i)[0] = float(i + 1), v.row(i)[1] = float((i * 5) % 7 - 3), v.row(i)[2] = 1.0f;
        for (int c = 0; c < copies; ++c)  // item 7 - c: twice the vector of item c (the same once normalised)
            for (int k = 0; k < 3; ++k) v.row(7 - c)[k] = 2.0f * v.row(c)[k];
        ContentRecommender m(ItemVectorTable::of(v), {.halfLifeDays = 0});
        QCOMPARE(m.denseDistinctRows() != nullptr, kept);
        if (kept) QCOMPARE(m.denseDistinctRows()->rows.rows, 8 - copies);
        auto train = views(2, 8, {{0, 1}, {1, 2}, {1, 4}});
        SS_VERIFY_OK(m.fit(train, {.now = kT0}, {}));
        const std::vector<std::int32_t> users = {0, 1};
        for (const std::size_t k : {std::size_t(3), std::size_t(8)}) {
            auto lists = TopKEngine::recommend(m, users, {.k = k});
            SS_VERIFY_OK(lists);
            for (std::size_t u = 0; u < users.size(); ++u) {
                const auto s = scores(m, users[u]);
                const auto want = TopKEngine::selectTopK(s.data(), 8, train->weights.rowIndices(users[u]), nullptr, k);
                QCOMPARE((*lists)[u].size(), want.size());
                for (std::size_t r = 0; r < want.size(); ++r) {
                    QCOMPARE((*lists)[u][r].item, want[r].item);
                    QVERIFY(std::fabs((*lists)[u][r].score - want[r].score) < 1e-6);
                }
            }
        }
    }

    void hybrid() {
        auto train = views(3, 4, {{0, 0}, {1, 0}, {1, 1}, {2, 2}});
        auto pop = std::make_shared<PopularityRecommender>();
        auto knn = std::make_shared<ItemKnnRecommender>(ItemKnnOptions{10, 0.0});
        SS_VERIFY_OK(pop->fit(train, {}, {}));
        HybridRecommender onlyPop(pop, knn, 1.0);
        SS_VERIFY_OK(onlyPop.fit(train, {}, {}));  // pop is reused, knn gets fitted
        QVERIFY(knn->training() == train.get());
        // Weight 1: the z-scored popularity, whose order is popularity's order.
        const auto p = scores(*pop, 0), h = scores(onlyPop, 0);
        for (int i = 0; i < 4; ++i)
            for (int j = 0; j < 4; ++j) QCOMPARE(p[i] < p[j], h[i] < h[j]);
        // z-scores: mean 0, unit variance per user.
        double mean = std::accumulate(h.begin(), h.end(), 0.0) / 4, var = 0;
        for (float x : h) var += (x - mean) * (x - mean);
        QVERIFY(std::fabs(mean) < 1e-6);
        QVERIFY(std::fabs(var / 4 - 1) < 1e-5);
        HybridRecommender half(pop, knn, 0.5);
        SS_VERIFY_OK(half.fit(train, {}, {}));
        QCOMPARE(half.name(), std::string("hybrid"));
        QVERIFY(half.coversUser(0));
        QVERIFY(!half.scoresColdItems());
    }

    // Similar items in each model's own terms (Recommender::similarItems): never the item itself, at
    // most n, best first with ties by the smaller index, and the measure the workbench names.
    // Customers 0-2 bought items 0 and 1, customer 3 items 2 and 3; item 4 has no customer.
    void similarItems_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("measure");
        QTest::addColumn<int>("mostLikeItem0");  // -1: not asserted
        QTest::newRow("popularity: co-occurrence") << "popularity" << int(SimilarityMeasure::CoOccurrence) << 1;
        QTest::newRow("item-kNN") << "itemknn" << int(SimilarityMeasure::ItemKnn) << 1;
        QTest::newRow("ALS") << "als" << int(SimilarityMeasure::AlsFactors) << -1;
        QTest::newRow("content") << "content" << int(SimilarityMeasure::TextVectors) << 1;
        QTest::newRow("hybrid: its first part's") << "hybrid" << int(SimilarityMeasure::ItemKnn) << 1;
    }
    void similarItems() {
        QFETCH(QString, model);
        QFETCH(int, measure);
        QFETCH(int, mostLikeItem0);
        auto train = views(4, 5, {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {3, 2}, {3, 3}});
        DenseMatrix text(5, 2);
        text.data = {1, 0, 0.9f, 0.1f, 0, 1, -1, 0, 0, 0};  // item 4 has no text: left out
        const auto m = modelNamed(model, text);
        QVERIFY(m);
        SS_VERIFY_OK(m->fit(train, {}, {}));
        const auto similar = m->similarItems(0, 3);
        QCOMPARE(int(similar.measure), measure);
        QVERIFY(!similar.items.empty());
        QVERIFY(similar.items.size() <= 3);
        for (std::size_t i = 0; i < similar.items.size(); ++i) {
            QVERIFY(similar.items[i].first != 0);
            QVERIFY(similar.items[i].first >= 0 && similar.items[i].first < 5);
            if (i) QVERIFY(ranksBefore(similar.items[i - 1].second, similar.items[i - 1].first, similar.items[i].second, similar.items[i].first));
        }
        if (mostLikeItem0 >= 0) QCOMPARE(similar.items.front().first, mostLikeItem0);
        if (model == "popularity") QCOMPARE(similar.items.front().second, 1.0f);  // 3 in common / sqrt(3 * 3)
        // An item out of range has no neighbours, whatever the model.
        QVERIFY(m->similarItems(99, 3).items.empty());
        QVERIFY(m->similarItems(-1, 3).items.empty());
    }

    // One item's scores for many users (whom the item would be shown to) equal that item's entry in
    // each user's whole score row: exactly for item-kNN (the same sum in the same order), popularity and
    // the row-by-row default (hybrid), within rounding for the dense models (another BLAS product).
    void scoreItemIsTheScoreRowsColumn_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("exact");
        QTest::newRow("popularity") << "popularity" << true;
        QTest::newRow("item-kNN") << "itemknn" << true;
        QTest::newRow("ALS (dense)") << "als" << false;
        QTest::newRow("content (dense)") << "content" << false;
        QTest::newRow("hybrid (whole rows)") << "hybrid" << true;
    }
    void scoreItemIsTheScoreRowsColumn() {
        QFETCH(QString, model);
        QFETCH(bool, exact);
        auto train = blocks(11);
        DenseMatrix text(20, 3);
        std::mt19937_64 g(3);
        for (auto& v : text.data) v = float(int(g() % 7) - 3);
        const auto m = modelNamed(model, text);
        QVERIFY(m);
        SS_VERIFY_OK(m->fit(train, {}, {}));
        std::vector<std::int32_t> users;
        for (int u = 39; u >= 0; u -= 2) users.push_back(u);  // any order, not all
        std::vector<float> rows(users.size() * 20);
        m->scoreBlock(users, rows.data());
        int nonZero = 0;
        for (int item : {0, 7, 13, 19}) {
            std::vector<float> column(users.size(), -1.0f);
            m->scoreItem(users, item, column.data());
            for (std::size_t r = 0; r < users.size(); ++r) {
                const float want = rows[r * 20 + static_cast<std::size_t>(item)];
                nonZero += want != 0.0f;
                if (exact) QCOMPARE(column[r], want);
                else QVERIFY2(std::abs(column[r] - want) <= 1e-5f * std::max(1.0f, std::abs(want)),
                              qPrintable(QString("user %1 item %2: %3 vs %4").arg(users[r]).arg(item).arg(column[r]).arg(want)));
            }
        }
        QVERIFY(nonZero > 10);  // the comparison is not between zeros
    }

    // The one ranking order (common/TopN): score first, ties by the smaller id, NaN left out.
    void topNOrder() {
        std::vector<std::pair<std::int32_t, float>> v = {{5, 1.0f}, {2, 3.0f}, {9, std::nanf("")}, {1, 1.0f}, {7, 3.0f}, {3, 0.5f}};
        keepTopN(v, 4);
        QCOMPARE(v, (std::vector<std::pair<std::int32_t, float>>{{2, 3.0f}, {7, 3.0f}, {1, 1.0f}, {5, 1.0f}}));
        std::vector<std::pair<std::int32_t, float>> few = {{4, 0.0f}, {2, 0.0f}};
        keepTopN(few, 10);
        QCOMPARE(few, (std::vector<std::pair<std::int32_t, float>>{{2, 0.0f}, {4, 0.0f}}));
    }
};

QTEST_APPLESS_MAIN(TestRecommenders)
#include "TestRecommenders.moc"
