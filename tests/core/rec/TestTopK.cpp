// The batched top-K engine against a brute-force full sort (block sizes, threads, exclusion, k larger
// than the catalogue), deterministic ties, the fallback for uncovered users, NaN handling, and the
// merchandising rules: category include/exclude, price range, in stock, boost/bury, MMR diversity.
#include <QtTest>

#include <algorithm>
#include <mutex>
#include <numeric>
#include <random>

#include "RecTestSupport.h"
#include "common/BlasThreads.h"
#include "rec/DistinctRows.h"
#include "rec/FusedScoring.h"
#include "rec/Popularity.h"
#include "rec/TopK.h"

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

// Scores straight from a users × items table (what a factor model produces after its product).
class TableModel final : public Recommender {
public:
    explicit TableModel(DenseMatrix table) : table_(std::move(table)) {}
    std::string name() const override { return "table"; }
    boost::json::object parameters() const override { return {}; }
    Status fit(std::shared_ptr<const Interactions> train, const FitContext&, const JobContext&) override {
        train_ = std::move(train);
        return {};
    }
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override {
        for (std::size_t r = 0; r < users.size(); ++r)
            std::copy(table_.row(users[r]), table_.row(users[r]) + table_.cols, out + r * table_.cols);
    }

private:
    DenseMatrix table_;
};

// A dense model: score = query row · item row, scored by the engine tile by tile.
class FactorModel final : public Recommender {
public:
    // shareRows: items with identical rows are scored once (as the content model does).
    FactorModel(DenseMatrix queries, DenseMatrix items, bool shareRows = false)
        : x_(std::move(queries)), y_(std::move(items)), distinct_(shareRows ? DistinctRows::of(y_, 0.0) : std::nullopt) {}
    std::string name() const override { return "factors"; }
    boost::json::object parameters() const override { return {}; }
    Status fit(std::shared_ptr<const Interactions> train, const FitContext&, const JobContext&) override {
        train_ = std::move(train);
        return {};
    }
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override { scoreDense(users, out); }
    const DenseMatrix* denseItems() const override { return &y_; }
    const DistinctRows* denseDistinctRows() const override { return distinct_ ? &*distinct_ : nullptr; }
    void denseQueries(std::span<const std::int32_t> users, float* out) const override {
        {
            std::lock_guard lock(seenMutex_);
            blasThreadsSeen.push_back(BlasThreads::current());
        }
        gatherRows(x_, users, out);
    }
    mutable std::vector<int> blasThreadsSeen;  // the OpenBLAS thread count at each block's queries

private:
    DenseMatrix x_, y_;
    std::optional<DistinctRows> distinct_;
    mutable std::mutex seenMutex_;
};

struct Fixture {
    std::shared_ptr<const Interactions> train;
    DenseMatrix table;
};

Fixture randomFixture(int users, int items, std::uint64_t seed, bool coarse) {
    std::mt19937_64 g(seed);
    Fixture f;
    f.table = DenseMatrix(users, items);
    // coarse: few distinct values, so ties are everywhere
    for (auto& v : f.table.data) v = coarse ? float(g() % 4) : float(double(g() >> 11) * 0x1.0p-53);
    std::vector<Event> e;
    for (int u = 0; u < users; ++u)
        for (int i = 0; i < items; ++i)
            if (g() % 5 == 0) e.push_back({u, i, EventType::View, kT0});
    f.train = std::make_shared<Interactions>(Interactions::fromTriples(users, items, e, BehaviourWeights{}));
    return f;
}

std::vector<int> bruteForce(const float* row, int n, const Interactions& train, int user, bool exclude, std::size_t k) {
    std::vector<int> idx;
    for (int i = 0; i < n; ++i)
        if (!exclude || !train.weights.contains(user, i)) idx.push_back(i);
    std::stable_sort(idx.begin(), idx.end(), [&](int a, int b) { return row[a] > row[b]; });
    if (idx.size() > k) idx.resize(k);
    return idx;
}

std::vector<int> items(const std::vector<Scored>& list) {
    std::vector<int> out;
    for (const auto& s : list) out.push_back(s.item);
    return out;
}

std::vector<std::int32_t> allUsers(int n) {
    std::vector<std::int32_t> u(static_cast<std::size_t>(n));
    std::iota(u.begin(), u.end(), 0);
    return u;
}

}  // namespace

class TestTopK : public QObject {
    Q_OBJECT
private slots:
    void matchesBruteForce_data() {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("block");
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<bool>("coarse");
        QTest::newRow("k10 auto") << 10 << 0 << 1 << true << false;
        QTest::newRow("k1 block1") << 1 << 1 << 1 << true << false;
        QTest::newRow("k7 block7 3 threads") << 7 << 7 << 3 << true << false;
        QTest::newRow("keep training items") << 10 << 16 << 2 << false << false;
        QTest::newRow("k > items") << 500 << 0 << 1 << true << false;
        QTest::newRow("ties") << 12 << 5 << 4 << true << true;
    }
    void matchesBruteForce() {
        QFETCH(int, k);
        QFETCH(int, block);
        QFETCH(int, threads);
        QFETCH(bool, exclude);
        QFETCH(bool, coarse);
        const int users = 53, n = 211;
        Fixture f = randomFixture(users, n, 17, coarse);
        TableModel model(f.table);
        SS_VERIFY_OK(model.fit(f.train, {}, {}));
        TopKOptions o;
        o.k = static_cast<std::size_t>(k);
        o.blockUsers = static_cast<std::size_t>(block);
        o.threads = threads;
        o.excludeTraining = exclude;
        const auto ids = allUsers(users);
        TopKStats stats;
        auto got = TopKEngine::recommend(model, ids, o, {}, &stats);
        SS_VERIFY_OK(got);
        QCOMPARE(stats.users, std::size_t(users));
        for (int u = 0; u < users; ++u) {
            const auto want = bruteForce(f.table.row(u), n, *f.train, u, exclude, o.k);
            QCOMPARE(items((*got)[u]), want);
            for (const auto& s : (*got)[u]) QCOMPARE(s.score, f.table.row(u)[s.item]);
        }
    }

    // Tiles of any width, blocks of any size, threads, exclusions and rules give exactly the whole-row
    // answer. Small integer factors keep every product exact whatever order the BLAS sums in.
    void denseTilesMatchWholeRows_data() {
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("tile");
        QTest::addColumn<int>("block");
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<bool>("filter");
        QTest::addColumn<int>("slices");  // the catalogue's parts when there are fewer blocks than threads
        QTest::addColumn<int>("patterns");  // > 0: the 211 items share this many distinct rows, scored once each
        QTest::newRow("auto tile, one tile") << 10 << 0 << 0 << 1 << true << false << 1 << 0;
        QTest::newRow("tile 1") << 5 << 1 << 0 << 1 << true << false << 1 << 0;
        QTest::newRow("tile 7, block 3, 2 threads") << 10 << 7 << 3 << 2 << true << false << 1 << 0;
        QTest::newRow("tile 64 keeps training items") << 10 << 64 << 16 << 1 << false << false << 1 << 0;
        QTest::newRow("one block, 3 threads, category filter: 3 slices") << 8 << 50 << 0 << 3 << true << true << 3 << 0;
        QTest::newRow("k > items, tile 13") << 500 << 13 << 0 << 1 << true << false << 1 << 0;
        QTest::newRow("k > items, one block, 2 threads: 2 slices") << 500 << 13 << 0 << 2 << true << false << 2 << 0;
        QTest::newRow("one block, 2 threads, tile 7: 2 slices") << 10 << 7 << 64 << 2 << true << false << 2 << 0;
        QTest::newRow("two blocks, 5 threads, tile 1: 3 slices each") << 5 << 1 << 21 << 5 << true << true << 3 << 0;
        QTest::newRow("tile wider than the catalogue, 2 threads: one slice") << 10 << 1000 << 0 << 2 << true << false << 1 << 0;
        QTest::newRow("tile wider than the catalogue") << 10 << 1000 << 5 << 1 << true << false << 1 << 0;
        QTest::newRow("shared rows, auto tile") << 10 << 0 << 0 << 1 << true << false << 1 << 23;
        QTest::newRow("shared rows, tile 1") << 5 << 1 << 0 << 1 << true << false << 1 << 23;
        QTest::newRow("shared rows, tile 4, block 3, 2 threads") << 10 << 4 << 3 << 2 << true << false << 1 << 23;
        QTest::newRow("shared rows keep training items") << 10 << 5 << 16 << 1 << false << false << 1 << 23;
        QTest::newRow("shared rows, one block, 3 threads, category filter: 3 slices") << 8 << 5 << 0 << 3 << true << true << 3 << 23;
        QTest::newRow("shared rows, k > items, one block, 2 threads: 2 slices") << 500 << 3 << 0 << 2 << true << false << 2 << 23;
        QTest::newRow("120 shared rows, auto tile") << 10 << 0 << 0 << 1 << true << false << 1 << 120;
        QTest::newRow("120 shared rows, tile 64, 2 threads, filter: 2 slices") << 7 << 64 << 0 << 2 << true << true << 2 << 120;
        QTest::newRow("shared rows, two blocks, 5 threads, tile 1: 3 slices each") << 5 << 1 << 21 << 5 << true << true << 3 << 23;
    }
    void denseTilesMatchWholeRows() {
        QFETCH(int, k);
        QFETCH(int, tile);
        QFETCH(int, block);
        QFETCH(int, threads);
        QFETCH(bool, exclude);
        QFETCH(bool, filter);
        QFETCH(int, slices);
        QFETCH(int, patterns);
        const bool shared = patterns > 0;
        const int users = 41, n = 211, d = 6;
        Fixture f = randomFixture(users, n, 23, false);
        std::mt19937_64 g(5);
        DenseMatrix x(users, d), y(n, d);
        for (auto& v : x.data) v = float(int(g() % 5) - 2);
        for (auto& v : y.data) v = float(int(g() % 5) - 2);  // many ties: the smaller item must win each
        if (shared) {  // each later item a copy of one of the first rows, spread over the catalogue; one is zero
            std::fill_n(y.row(7), d, 0.0f);
            for (int i = patterns; i < n; ++i) std::copy_n(y.row(int(g() % unsigned(patterns))), d, y.row(i));
        }
        FactorModel model(x, y, shared);
        QCOMPARE(model.denseDistinctRows() != nullptr, shared);
        if (shared) QVERIFY(model.denseDistinctRows()->rows.rows <= patterns);
        SS_VERIFY_OK(model.fit(f.train, {}, {}));
        DenseMatrix whole(users, n);
        const auto ids = allUsers(users);
        model.scoreBlock(ids, whole.data.data());
        std::vector<char> allowed(static_cast<std::size_t>(n), 1);
        for (int i = 0; i < n; ++i) allowed[i] = filter ? char(i % 3 != 0) : 1;
        CompiledRules rules;
        if (filter) rules.allowed = allowed;
        TopKOptions o;
        o.k = static_cast<std::size_t>(k);
        o.tileItems = static_cast<std::size_t>(tile);
        o.blockUsers = static_cast<std::size_t>(block);
        o.threads = threads;
        o.excludeTraining = exclude;
        o.rules = filter ? &rules : nullptr;
        // Every block through the fused kernel (where the CPU has it), then none: the same lists.
        for (const std::size_t fusedMinUsers : {std::size_t(1), std::size_t(1000)}) {
            o.fusedMinUsers = fusedMinUsers;
            TopKStats stats;
            auto got = TopKEngine::recommend(model, ids, o, {}, &stats);
            SS_VERIFY_OK(got);
            QCOMPARE(stats.tileItems, std::size_t(tile ? tile : 8192));
            QCOMPARE(stats.catalogueSlices, std::size_t(slices));
            QCOMPARE(stats.scoredRows, std::size_t(shared ? model.denseDistinctRows()->rows.rows : n));
            QCOMPARE(stats.fusedBlocks > 0, fusedMinUsers == 1 && FusedScoring::available() && cpuScoringMayFuse());
            for (int u = 0; u < users; ++u) {
                const auto excluded = exclude ? f.train->weights.rowIndices(u) : std::span<const std::int32_t>();
                const auto want = TopKEngine::selectTopK(whole.row(u), n, excluded, filter ? allowed.data() : nullptr, o.k);
                QCOMPARE(items((*got)[u]), items(want));
                for (const auto& s : (*got)[u]) QCOMPARE(s.score, whole.row(u)[s.item]);
            }
        }
    }

    // Several workers each multiply their own tiles with one OpenBLAS thread; one worker leaves the
    // count alone; either way it is restored afterwards.
    void blasThreadsWhileScoring_data() {
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("expected");
        QTest::newRow("one worker") << 1 << 2;
        QTest::newRow("two workers") << 2 << 1;
        QTest::newRow("three workers") << 3 << 1;
    }
    void blasThreadsWhileScoring() {
        QFETCH(int, threads);
        QFETCH(int, expected);
        if (!BlasThreads::available()) QSKIP("this LibTorch does not use OpenBLAS");
        const int users = 40, n = 30, d = 4;
        Fixture f = randomFixture(users, n, 3, false);
        DenseMatrix x(users, d), y(n, d);
        for (std::size_t i = 0; i < x.data.size(); ++i) x.data[i] = float(i % 7);
        for (std::size_t i = 0; i < y.data.size(); ++i) y.data[i] = float(i % 5);
        FactorModel model(x, y);
        SS_VERIFY_OK(model.fit(f.train, {}, {}));
        QVERIFY(BlasThreads::set(2));
        TopKOptions o;
        o.threads = threads;
        o.blockUsers = 4;  // ten blocks, shared by the workers
        SS_VERIFY_OK(TopKEngine::recommend(model, allUsers(users), o));
        QCOMPARE(model.blasThreadsSeen.size(), std::size_t(10));
        for (int seen : model.blasThreadsSeen) QCOMPARE(seen, expected);
        QCOMPARE(BlasThreads::current(), 2);
    }

    void boostNeedsWholeRows() {
        // A boost is scaled by the spread of the user's whole row: a dense model is then scored by rows.
        Fixture f = randomFixture(6, 30, 3, false);
        DenseMatrix x(6, 4), y(30, 4);
        for (std::size_t p = 0; p < x.data.size(); ++p) x.data[p] = float(p % 3);
        for (std::size_t p = 0; p < y.data.size(); ++p) y.data[p] = float(p % 7);
        FactorModel model(x, y);
        SS_VERIFY_OK(model.fit(f.train, {}, {}));
        CompiledRules rules;
        rules.shift.assign(30, 0.0f);
        rules.shift[4] = 2.0f;
        TopKOptions o;
        o.rules = &rules;
        TopKStats stats;
        SS_VERIFY_OK(TopKEngine::recommend(model, allUsers(6), o, {}, &stats));
        QCOMPARE(stats.tileItems, std::size_t(0));
        o.rules = nullptr;
        SS_VERIFY_OK(TopKEngine::recommend(model, allUsers(6), o, {}, &stats));
        QVERIFY(stats.tileItems > 0);
    }

    void accumulatorIsTheSameInPieces() {
        // NaN, an exclusion at a piece's edge, ties across pieces.
        const float row[9] = {2.0f, std::nanf(""), 5.0f, 5.0f, 1.0f, 5.0f, 0.0f, 2.0f, 7.0f};
        const std::int32_t excluded[2] = {3, 4};
        for (int piece = 1; piece <= 9; ++piece) {
            TopKAccumulator top(4, excluded, nullptr);
            for (int begin = 0; begin < 9; begin += piece) top.offer(row + begin, begin, std::min(9, begin + piece));
            QCOMPARE(items(top.take()), (std::vector<int>{8, 2, 5, 0}));
        }
    }

    // Scores shared by groups of items, offered group by group in any order, pick what one pass over
    // every item's score in item order picks: ties to the smaller item, exclusions, filters, NaN.
    void sharedScoresInAnyOrder() {
        const float groupScore[5] = {5.0f, 2.0f, std::nanf(""), 5.0f, 7.0f};
        const std::vector<std::vector<std::int32_t>> groups = {{2, 3, 9}, {0, 7, 11}, {1}, {5, 6, 10}, {4, 8}};
        std::vector<float> row(12);
        for (std::size_t g = 0; g < groups.size(); ++g)
            for (auto i : groups[g]) row[static_cast<std::size_t>(i)] = groupScore[g];
        const std::int32_t excluded[2] = {3, 4};
        std::vector<char> allowed(12, 1);
        allowed[6] = 0;
        std::vector<int> order = {0, 1, 2, 3, 4};
        for (std::size_t k : {std::size_t(0), std::size_t(1), std::size_t(3), std::size_t(5), std::size_t(20)}) {
            const auto want = items(TopKEngine::selectTopK(row.data(), 12, excluded, allowed.data(), k));
            do {
                TopKAccumulator top(k, excluded, allowed.data());
                for (int g : order) top.offerShared(groupScore[g], groups[static_cast<std::size_t>(g)]);
                QCOMPARE(items(top.take()), want);
            } while (std::next_permutation(order.begin(), order.end()));
        }
    }

    void nanAndEmpty() {
        const float row[5] = {1.0f, std::nanf(""), 3.0f, 3.0f, -1.0f};
        const std::int32_t excluded[1] = {2};
        QCOMPARE(items(TopKEngine::selectTopK(row, 5, excluded, nullptr, 3)), (std::vector<int>{3, 0, 4}));
        const char allowed[5] = {1, 1, 1, 0, 1};
        QCOMPARE(items(TopKEngine::selectTopK(row, 5, {}, allowed, 2)), (std::vector<int>{2, 0}));
        QVERIFY(TopKEngine::selectTopK(row, 5, {}, nullptr, 0).empty());
    }

    void fallbackForUsersWithoutHistory() {
        // User 1 has no history: the table model "does not cover" them, popularity does.
        std::vector<Event> e = {{0, 0, EventType::View, kT0}, {0, 1, EventType::View, kT0}, {2, 1, EventType::Purchase, kT0}};
        auto train = std::make_shared<Interactions>(Interactions::fromTriples(3, 4, e, BehaviourWeights{}));
        DenseMatrix t(3, 4);
        t.data = {0, 0, 1, 2, 0, 0, 1, 2, 0, 0, 1, 2};
        TableModel model(t);
        SS_VERIFY_OK(model.fit(train, {}, {}));
        PopularityRecommender pop;
        SS_VERIFY_OK(pop.fit(train, {}, {}));
        TopKOptions o;
        o.k = 2;
        o.fallback = &pop;
        TopKStats stats;
        auto got = TopKEngine::recommend(model, allUsers(3), o, {}, &stats);
        SS_VERIFY_OK(got);
        QCOMPARE(stats.fallbackUsers, std::size_t(1));
        QCOMPARE(items((*got)[0]), (std::vector<int>{3, 2}));
        QCOMPARE(items((*got)[1]), (std::vector<int>{1, 0}));  // popularity: I1 (1+5) > I0 (1)
        QCOMPARE(items((*got)[2]), (std::vector<int>{3, 2}));
    }

    // Popularity's list does not depend on the user: ranked once for every user without excluded
    // items, and still exactly what each user's own row gives, with a filter and a boost too.
    void popularityRankedOnceIsEveryonesOwnList_data() {
        QTest::addColumn<bool>("exclude");
        QTest::addColumn<bool>("rules");
        QTest::addColumn<int>("users");
        QTest::addColumn<std::size_t>("sortedOnce");  // catalogues sorted once (TopKStats::sharedRankings)
        QTest::newRow("excluding training items") << true << false << 90 << std::size_t(1);
        QTest::newRow("keeping them: one list for all") << false << false << 90 << std::size_t(1);
        QTest::newRow("filter and boost: row by row") << true << true << 90 << std::size_t(0);
        QTest::newRow("few users: row by row") << true << false << 30 << std::size_t(0);
    }
    void popularityRankedOnceIsEveryonesOwnList() {
        QFETCH(bool, exclude);
        QFETCH(bool, rules);
        QFETCH(int, users);
        QFETCH(std::size_t, sortedOnce);
        const int n = 50;
        Fixture f = randomFixture(users, n, 31, true);  // every third user ends up with no history below
        std::vector<Event> e;
        for (int u = 0; u < users; ++u)
            if (u % 3 != 0)
                for (auto i : f.train->weights.rowIndices(u)) e.push_back({u, i, EventType::View, kT0});
        auto train = std::make_shared<Interactions>(Interactions::fromTriples(users, n, e, BehaviourWeights{}));
        PopularityRecommender pop;
        SS_VERIFY_OK(pop.fit(train, {}, {}));
        QVERIFY(pop.sameForEveryUser());
        CompiledRules compiled;
        if (rules) {
            compiled.allowed.assign(n, 1);
            for (int i = 0; i < n; i += 4) compiled.allowed[i] = 0;
            compiled.shift.assign(n, 0.0f);
            compiled.shift[7] = 1.5f;
        }
        TopKOptions o;
        o.k = 6;
        o.excludeTraining = exclude;
        o.rules = rules ? &compiled : nullptr;
        TopKStats stats;
        auto got = TopKEngine::recommend(pop, allUsers(users), o, {}, &stats);
        SS_VERIFY_OK(got);
        QCOMPARE(stats.sharedRankings, sortedOnce);
        // Each user's own row through the row path of a model that is not "the same for everyone".
        DenseMatrix table(users, n);
        for (int u = 0; u < users; ++u) std::copy(pop.popularity().begin(), pop.popularity().end(), table.row(u));
        TableModel own(table);
        SS_VERIFY_OK(own.fit(train, {}, {}));
        auto want = TopKEngine::recommend(own, allUsers(users), o);
        SS_VERIFY_OK(want);
        for (int u = 0; u < users; ++u) {
            QCOMPARE(items((*got)[u]), items((*want)[u]));
            for (std::size_t p = 0; p < (*got)[u].size(); ++p) QCOMPARE((*got)[u][p].score, (*want)[u][p].score);
        }
    }

    void rules_data() {
        QTest::addColumn<QStringList>("include");
        QTest::addColumn<QStringList>("exclude");
        QTest::addColumn<double>("minPrice");
        QTest::addColumn<double>("maxPrice");
        QTest::addColumn<bool>("inStock");
        QTest::addColumn<QStringList>("boost");
        QTest::addColumn<QStringList>("bury");
        QTest::addColumn<QList<int>>("expected");
        // 8 items; scores for the user: item i scores 8 − i (I1 best). Categories alternate Even/Odd;
        // price 10·(i+1); I4 (index 3) is out of stock.
        const QList<int> plain = {0, 1, 2, 3, 4};
        QTest::newRow("no rules") << QStringList() << QStringList() << -1.0 << -1.0 << false << QStringList() << QStringList() << plain;
        QTest::newRow("include Odd (bilingual prefix)") << QStringList{"Odd"} << QStringList() << -1.0 << -1.0 << false << QStringList()
                                                        << QStringList() << QList<int>{1, 3, 5, 7};
        QTest::newRow("exclude full name") << QStringList() << QStringList{"Even / 偶"} << -1.0 << -1.0 << false << QStringList()
                                           << QStringList() << QList<int>{1, 3, 5, 7};
        QTest::newRow("price 25..60") << QStringList() << QStringList() << 25.0 << 60.0 << false << QStringList() << QStringList()
                                      << QList<int>{2, 3, 4, 5};
        QTest::newRow("in stock") << QStringList() << QStringList() << -1.0 << -1.0 << true << QStringList() << QStringList()
                                  << QList<int>{0, 1, 2, 4, 5};
        // +1 sd (√5.25 ≈ 2.29) lifts I6 (index 5) from 3 to 5.29, past index 3 (5); I8 (1 → 3.29) stays out.
        QTest::newRow("boost I6, I8") << QStringList() << QStringList() << -1.0 << -1.0 << false << QStringList{"I6", "I8"}
                                      << QStringList() << QList<int>{0, 1, 2, 5, 3};
        QTest::newRow("bury I1") << QStringList() << QStringList() << -1.0 << -1.0 << false << QStringList() << QStringList{"I1", "nope"}
                                 << QList<int>{1, 2, 3, 4, 5};
    }
    void rules() {
        QFETCH(QStringList, include);
        QFETCH(QStringList, exclude);
        QFETCH(double, minPrice);
        QFETCH(double, maxPrice);
        QFETCH(bool, inStock);
        QFETCH(QStringList, boost);
        QFETCH(QStringList, bury);
        QFETCH(QList<int>, expected);
        const Dataset d = dataset(1, 8, {});
        MerchandisingRules r;
        for (const auto& s : include) r.includeCategories.push_back(s.toStdString());
        for (const auto& s : exclude) r.excludeCategories.push_back(s.toStdString());
        if (minPrice >= 0) r.minPrice = minPrice;
        if (maxPrice >= 0) r.maxPrice = maxPrice;
        r.inStockOnly = inStock;
        for (const auto& s : boost) r.boost.push_back(s.toStdString());
        for (const auto& s : bury) r.bury.push_back(s.toStdString());
        const CompiledRules compiled = CompiledRules::compile(r, d);
        if (bury.contains("nope")) QCOMPARE(compiled.unknownItems, std::vector<std::string>{"nope"});
        DenseMatrix t(1, 8);
        for (int i = 0; i < 8; ++i) t.data[i] = float(8 - i);
        TableModel model(t);
        SS_VERIFY_OK(model.fit(std::make_shared<Interactions>(Interactions::fromTriples(1, 8, {}, BehaviourWeights{})), {}, {}));
        TopKOptions o;
        o.k = 5;
        o.rules = &compiled;
        auto got = TopKEngine::recommend(model, allUsers(1), o);
        SS_VERIFY_OK(got);
        QCOMPARE(items((*got)[0]), std::vector<int>(expected.begin(), expected.end()));
        for (const auto& s : (*got)[0]) QCOMPARE(s.score, float(8 - s.item));  // model scores are reported unshifted
        QCOMPARE(r.empty(), include.isEmpty() && exclude.isEmpty() && minPrice < 0 && maxPrice < 0 && !inStock && boost.isEmpty() && bury.isEmpty());
    }

    void diversity() {
        // Items 0..3 point the same way, items 4..5 elsewhere. Scores: 6,5,4,3,2,1.
        DenseMatrix vectors(6, 2);
        vectors.data = {1, 0, 1, 0.01f, 1, 0.02f, 1, 0.03f, 0, 1, -1, 0};
        const ItemVectorTable table = ItemVectorTable::of(vectors);
        DenseMatrix t(1, 6);
        t.data = {6, 5, 4, 3, 2, 1};
        const auto nothingBought = std::make_shared<Interactions>(Interactions::fromTriples(1, 6, {}, BehaviourWeights{}));
        TableModel model(t);
        SS_VERIFY_OK(model.fit(nothingBought, {}, {}));
        const Dataset d = dataset(1, 6, {});
        // The same scores as a dense model (user (1, 0) against items scored 6..1) scored in tiles of
        // one item, and with two threads in two catalogue slices: MMR re-ranks the merged pool alike.
        DenseMatrix one(1, 2), scoresAsRows(6, 2);
        one.data = {1, 0};
        for (int i = 0; i < 6; ++i) scoresAsRows.row(i)[0] = t.data[static_cast<std::size_t>(i)];
        FactorModel dense(one, scoresAsRows);
        SS_VERIFY_OK(dense.fit(nothingBought, {}, {}));
        auto run = [&](double lambda, const Recommender& m, int threads) {
            MerchandisingRules r;
            r.mmrLambda = lambda;
            const CompiledRules c = CompiledRules::compile(r, d);
            TopKOptions o;
            o.k = 3;
            o.rules = &c;
            o.similarity = &table;
            o.tileItems = 1;
            o.threads = threads;
            TopKStats stats;
            auto got = TopKEngine::recommend(m, allUsers(1), o, {}, &stats);
            if (&m == &dense && threads == 2 && stats.catalogueSlices != 2) return std::vector<int>{-1};
            return got.ok() ? items((*got)[0]) : std::vector<int>{};
        };
        for (const Recommender* m : {static_cast<const Recommender*>(&model), static_cast<const Recommender*>(&dense)})
            for (int threads : {1, 2}) {
                QCOMPARE(run(1.0, *m, threads), (std::vector<int>{0, 1, 2}));  // relevance only
                QCOMPARE(run(0.3, *m, threads), (std::vector<int>{0, 5, 4}));  // the most dissimilar items follow the best one
                // λ = 0.7: after item 0, item 5 (cosine −1 to it) beats item 1 (.7·.8 − .3·1 < .7·0 + .3), then item 1.
                QCOMPARE(run(0.7, *m, threads), (std::vector<int>{0, 5, 1}));
            }
        // MMR without vectors is a usage error.
        MerchandisingRules r;
        r.mmrLambda = 0.5;
        const CompiledRules c = CompiledRules::compile(r, d);
        TopKOptions o;
        o.rules = &c;
        QCOMPARE(TopKEngine::recommend(model, allUsers(1), o).error().code, ErrorCode::Usage);
    }

    void cancelled() {
        Fixture f = randomFixture(10, 20, 1, false);
        TableModel model(f.table);
        SS_VERIFY_OK(model.fit(f.train, {}, {}));
        std::stop_source stop;
        stop.request_stop();
        JobContext job;
        job.stop = stop.get_token();
        QCOMPARE(TopKEngine::recommend(model, allUsers(10), {}, job).error().code, ErrorCode::Cancelled);
    }
};

QTEST_APPLESS_MAIN(TestTopK)
#include "TestTopK.moc"
