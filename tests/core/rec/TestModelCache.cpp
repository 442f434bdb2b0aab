// ModelState and ModelCache: trained models round-trip through bytes exactly (scores and
// explanations unchanged), damaged or mismatched states are refused, and a serving session reuses a
// model kept in the project only while nothing that decides it has changed.
#include <QtTest>

#include <random>

#include "../store/LegacyEventLayout.h"
#include "RecTestSupport.h"
#include "rec/Als.h"
#include "rec/ItemKnn.h"
#include "rec/ModelCache.h"
#include "rec/ModelState.h"
#include "rec/Session.h"
#include "rec/TwoTower.h"
#include "sample/SampleShop.h"
#include "store/BulkWriter.h"
#include "store/Project.h"

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

std::shared_ptr<const Interactions> interactions(int users, int items, std::uint64_t seed) {
    std::mt19937_64 g(seed);
    std::vector<Event> e;
    for (int u = 0; u < users; ++u)
        for (int i = 0; i < items; ++i)
            if (g() % 100 < ((u % 2) == (i % 2) ? 30 : 5)) e.push_back({u, i, g() % 5 ? EventType::View : EventType::Purchase, kT0 + u * kDay});
    return std::make_shared<Interactions>(Interactions::fromTriples(users, items, e, BehaviourWeights{}));
}

DenseMatrix vectorsFor(int items) {
    DenseMatrix v(items, 6);
    for (int i = 0; i < items; ++i)
        for (int k = 0; k < 6; ++k) v.row(i)[k] = float((i % 2 == k % 2) ? 1.0 : 0.1) + 0.01f * float((i * 7 + k) % 5);
    return v;
}

std::unique_ptr<Recommender> make(const QString& name, int items) {
    if (name == "als") return std::make_unique<AlsRecommender>(AlsOptions{.factors = 5, .iterations = 4});
    if (name == "itemknn") return std::make_unique<ItemKnnRecommender>(ItemKnnOptions{.neighbours = 6});
    TwoTowerOptions o;
    o.dim = 8;
    o.hidden = 16;
    o.maxEpochs = 3;
    o.historyLength = 5;
    return std::make_unique<TwoTowerRecommender>(std::make_shared<const ItemVectorTable>(ItemVectorTable::of(vectorsFor(items))), o, "test-vectors");
}

std::vector<float> allScores(const Recommender& m) {
    std::vector<std::int32_t> users(static_cast<std::size_t>(m.users()));
    for (std::size_t u = 0; u < users.size(); ++u) users[u] = static_cast<std::int32_t>(u);
    std::vector<float> out(users.size() * static_cast<std::size_t>(m.items()));
    m.scoreBlock(users, out.data());
    return out;
}

}  // namespace

class TestModelCache : public QObject {
    Q_OBJECT
private slots:
    void stateRoundTrip_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("als") << "als";
        QTest::newRow("itemknn") << "itemknn";
        if (TwoTowerRecommender::available()) QTest::newRow("twotower") << "twotower";
    }
    void stateRoundTrip() {
        QFETCH(QString, name);
        auto train = interactions(30, 16, 4);
        auto trained = make(name, 16);
        SS_VERIFY_OK(trained->fit(train, {.now = kT0 + 40 * kDay, .seed = 3}, {}));
        const auto state = trained->saveState();
        QVERIFY(!state.empty());
        auto restored = make(name, 16);
        QVERIFY(restored->restoreState(train, state));
        QCOMPARE(restored->users(), trained->users());
        QCOMPARE(allScores(*restored), allScores(*trained));
        const auto a = trained->explain(0, 3, 4), b = restored->explain(0, 3, 4);
        QCOMPARE(a.size(), b.size());
        for (std::size_t c = 0; c < a.size(); ++c) {
            QCOMPARE(a[c].item, b[c].item);
            QCOMPARE(a[c].value, b[c].value);
        }
        QCOMPARE(restored->trainingReport().device, std::string("cache"));
    }

    void damagedOrForeignStatesAreRefused_data() { stateRoundTrip_data(); }
    void damagedOrForeignStatesAreRefused() {
        QFETCH(QString, name);
        auto train = interactions(30, 16, 4);
        auto trained = make(name, 16);
        SS_VERIFY_OK(trained->fit(train, {.now = kT0 + 40 * kDay, .seed = 3}, {}));
        const auto state = trained->saveState();
        // Every truncation, and one byte too many.
        for (std::size_t cut = 0; cut < state.size(); cut += std::max<std::size_t>(1, state.size() / 97)) {
            auto m = make(name, 16);
            QVERIFY2(!m->restoreState(train, std::span(state).first(cut)), qPrintable(QString("cut at %1").arg(cut)));
            QCOMPARE(m->users(), 0);  // left untrained
        }
        auto longer = state;
        longer.push_back(std::byte{0});
        QVERIFY(!make(name, 16)->restoreState(train, longer));
        // Another model's state, and this model's state for other data (other users and items).
        const QString other = name == "itemknn" ? "als" : "itemknn";
        auto otherModel = make(other, 16);
        SS_VERIFY_OK(otherModel->fit(train, {.now = kT0 + 40 * kDay, .seed = 3}, {}));
        QVERIFY(!make(name, 16)->restoreState(train, otherModel->saveState()));
        // (A state knows its shapes, not the data: that it was trained on this data is the cache key's job.)
        auto smaller = interactions(20, 12, 5);
        QVERIFY(!make(name, 12)->restoreState(smaller, state));
    }

    void damagedSparseMatrixIsRefused() {
        CsrMatrix m;
        m.rows = 2;
        m.cols = 3;
        m.indptr = {0, 1, 2};
        m.indices = {0, 2};
        m.values = {1.0f, 2.0f};
        ModelState ok("t/1");
        ok.write(m);
        CsrMatrix back;
        QVERIFY(ModelState("t/1", ok.bytes()).read(back));
        QCOMPARE(back.indices, m.indices);
        QVERIFY(!ModelState("t/2", ok.bytes()).read(back));  // other layout version
        m.indices = {0, 3};                                   // column out of range
        ModelState bad("t/1");
        bad.write(m);
        QVERIFY(!ModelState("t/1", bad.bytes()).read(back));
        m.indices = {0, 2};
        m.indptr = {0, 2, 1};  // offsets going backwards
        ModelState backwards("t/1");
        backwards.write(m);
        QVERIFY(!ModelState("t/1", backwards.bytes()).read(back));
    }

    // A state larger than one part (SQLite stops a value at 1 GB) comes back byte for byte; storing
    // the key again or pruning old states leaves no parts behind.
    void statesInParts_data() {
        QTest::addColumn<int>("bytes");
        QTest::addColumn<int>("partBytes");
        QTest::addColumn<std::int64_t>("parts");  // rows in trained_model_parts (the first part is in trained_models)
        QTest::newRow("one part") << 1000 << 4096 << std::int64_t(0);
        QTest::newRow("exactly two parts") << 8192 << 4096 << std::int64_t(1);
        QTest::newRow("many parts, the last short") << 10'001 << 1000 << std::int64_t(10);
    }
    void statesInParts() {
        QFETCH(int, bytes);
        QFETCH(int, partBytes);
        QFETCH(std::int64_t, parts);
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 200, 100, 120);
        QVERIFY(!path.empty());
        std::vector<std::byte> state(static_cast<std::size_t>(bytes));
        for (std::size_t i = 0; i < state.size(); ++i) state[i] = std::byte((i * 131 + i / 977) & 0xFF);
        SS_VERIFY_OK(ModelCache::store(path, "k1", "als", state, static_cast<std::size_t>(partBytes)));
        QCOMPARE(count(path, "SELECT count(*) FROM trained_model_parts"), parts);
        auto found = ModelCache::find(path, "k1");
        SS_VERIFY_OK(found);
        QVERIFY(found->has_value());
        QVERIFY(**found == state);
        // The same key again, smaller: its old parts go.
        const std::vector<std::byte> small(3, std::byte{7});
        SS_VERIFY_OK(ModelCache::store(path, "k1", "als", small, static_cast<std::size_t>(partBytes)));
        QCOMPARE(count(path, "SELECT count(*) FROM trained_model_parts"), std::int64_t(0));
        SS_VERIFY_OK(ModelCache::store(path, "k1", "als", state, static_cast<std::size_t>(partBytes)));
        // Newer states of the same recommender push it out, with its parts (in the same second the
        // later row, by rowid, is the newer).
        for (int k = 2; k <= 1 + ModelCache::kKeepPerRecommender; ++k)
            SS_VERIFY_OK(ModelCache::store(path, "k" + std::to_string(k), "als", small, static_cast<std::size_t>(partBytes)));
        auto gone = ModelCache::find(path, "k1");
        SS_VERIFY_OK(gone);
        QVERIFY(!gone->has_value());
        QCOMPARE(count(path, "SELECT count(*) FROM trained_model_parts"), std::int64_t(0));
    }

    // A version-8 project (no parts table) keeps its models through the upgrade.
    void version8KeptModelsStillFound() {
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 200, 100, 120);
        QVERIFY(!path.empty());
        const std::vector<std::byte> state(5000, std::byte{42});
        SS_VERIFY_OK(ModelCache::store(path, "old", "als", state));
        {
            auto p = Project::open(path);
            SS_VERIFY_OK(p);
            SS_VERIFY_OK((*p)->db().exec(std::string(sstest::kUndoSharedVectors) + sstest::kUndoClusteredEvents + "DROP TABLE trained_model_parts; PRAGMA user_version=8;"));
        }
        QCOMPARE(count(path, "SELECT count(*) FROM sqlite_master WHERE name='trained_model_parts'"), std::int64_t(0));
        SS_VERIFY_OK(Project::open(path));  // upgraded
        QCOMPARE(count(path, "SELECT count(*) FROM sqlite_master WHERE name='trained_model_parts'"), std::int64_t(1));
        auto after = ModelCache::find(path, "old");
        SS_VERIFY_OK(after);
        QVERIFY(after->has_value() && **after == state);
    }

    void sessionReusesKeptModels() {
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 200, 100, 120);
        QVERIFY(!path.empty());
        RecommenderConfig config;
        config.als.factors = 6;
        std::vector<std::vector<std::int32_t>> first;
        {
            auto s = RecommendationSession::open(path, {}, {});
            SS_VERIFY_OK(s);
            SS_VERIFY_OK((*s)->train("als", config, {}));
            QVERIFY(!(*s)->fromCache("als"));
            for (std::int32_t u : {0, 5, 9}) {
                auto list = (*s)->recommend("als", u, 5);
                SS_VERIFY_OK(list);
                first.emplace_back();
                for (const auto& r : *list) first.back().push_back(r.item);
            }
        }
        QCOMPARE(count(path, "SELECT count(*) FROM trained_models WHERE recommender='als'"), std::int64_t(1));
        {
            auto s = RecommendationSession::open(path, {}, {});
            SS_VERIFY_OK(s);
            SS_VERIFY_OK((*s)->train("als", config, {}));
            QVERIFY((*s)->fromCache("als"));
            std::size_t n = 0;
            for (std::int32_t u : {0, 5, 9}) {
                auto list = (*s)->recommend("als", u, 5);
                SS_VERIFY_OK(list);
                std::vector<std::int32_t> items;
                for (const auto& r : *list) items.push_back(r.item);
                QCOMPARE(items, first[n++]);
            }
            // Other parameters: trained, and kept beside the first.
            RecommenderConfig other = config;
            other.als.factors = 7;
            SS_VERIFY_OK((*s)->train("als", other, {}));
            QVERIFY(!(*s)->fromCache("als"));
        }
        QCOMPARE(count(path, "SELECT count(*) FROM trained_models WHERE recommender='als'"), std::int64_t(2));
        {
            SessionOptions off;
            off.modelCache = false;
            auto s = RecommendationSession::open(path, off, {});
            SS_VERIFY_OK(s);
            SS_VERIFY_OK((*s)->train("als", config, {}));
            QVERIFY(!(*s)->fromCache("als"));
            // Other seed or behaviour weights: another model.
            SessionOptions seeded;
            seeded.seed = 7;
            auto t = RecommendationSession::open(path, seeded, {});
            SS_VERIFY_OK(t);
            SS_VERIFY_OK((*t)->train("als", config, {}));
            QVERIFY(!(*t)->fromCache("als"));
        }
        // New data: the kept model no longer applies.
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            Transaction tx((*project)->db());
            auto w = BulkWriter::create((*project)->db(), std::nullopt);
            SS_VERIFY_OK(w);
            auto u = w->userId("late-customer");
            auto i = w->itemId("late-item");
            SS_VERIFY_OK(u);
            SS_VERIFY_OK(i);
            SS_VERIFY_OK(w->addEvent(*u, *i, EventType::Purchase, kT0 + 400 * kDay));
            SS_VERIFY_OK(w->flush());
            SS_VERIFY_OK(tx.commit());
        }
        auto s = RecommendationSession::open(path, {}, {});
        SS_VERIFY_OK(s);
        SS_VERIFY_OK((*s)->train("als", config, {}));
        QVERIFY(!(*s)->fromCache("als"));
        // Only the newest three states of a recommender are kept.
        QCOMPARE(count(path, "SELECT count(*) FROM trained_models WHERE recommender='als'"), std::int64_t(3));
    }
};

QTEST_APPLESS_MAIN(TestModelCache)
#include "TestModelCache.moc"
