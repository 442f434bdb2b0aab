// The evaluation pipeline: a hand-checked popularity run (full ranking, training items removed,
// popularity fallback for a cold user), the DESIGN §3 JSON shape, runs and per-user values stored in the
// project, the same seed giving the same numbers, slices, offline rules; the recommendation session.
#include <QtTest>

#include <boost/json.hpp>

#include <cmath>
#include <map>

#include "RecTestSupport.h"
#include "cohorts/Segments.h"
#include "rec/Evaluation.h"
#include "store/Project.h"
#include "rec/Runs.h"
#include "rec/Session.h"
#include "sample/SampleShop.h"

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

// The shared split fixture (RecTestSupport): cut-off day 5; test U0 {I2}, U1 {I4}, U2 {I3} (U2 is a cold user).
Dataset fixture() { return splitFixture(); }

}  // namespace

class TestEvaluation : public QObject {
    Q_OBJECT
private slots:
    void handChecked() {
        const Dataset d = fixture();
        SplitOptions so;
        so.cutoff = kT0 + 5 * kDay;
        auto split = Split::make(d, so);
        SS_VERIFY_OK(split);
        EvaluationOptions o;
        o.recommenders = {"popularity"};
        o.k = 2;
        o.bootstrapResamples = 200;
        auto r = Evaluation::run(d, *split, o, {}, {}, {});
        SS_VERIFY_OK(r);
        // Popularity (weights view 1, purchase 5): I0 = 11, I1 = 2, the rest 0 (ties: smaller index).
        // U0 has I0, I1 → [I2, I3]: hit at rank 1. U1 has I1 → [I0, I2]: miss. U2 (cold) → [I0, I1]: miss.
        const MetricsReport& m = r->runs[0].report;
        QCOMPARE(m.users, std::size_t(3));
        QVERIFY(std::fabs(m.value(MetricId::Precision) - 0.5 / 3) < 1e-12);
        QVERIFY(std::fabs(m.value(MetricId::Recall) - 1.0 / 3) < 1e-12);
        QVERIFY(std::fabs(m.value(MetricId::Ndcg) - 1.0 / 3) < 1e-12);
        QVERIFY(std::fabs(m.value(MetricId::Hit) - 1.0 / 3) < 1e-12);
        // Slices: the cold user U2 alone scores 0; every test item is cold (no training interaction).
        bool sawColdUsers = false;
        for (const auto& s : r->runs[0].slices) {
            if (s.name == "cold_users") {
                sawColdUsers = true;
                QCOMPARE(s.report.users, std::size_t(1));
                QCOMPARE(s.report.value(MetricId::Ndcg), 0.0);
            }
            QVERIFY(s.name != "warm_items");
        }
        QVERIFY(sawColdUsers);
        const auto& ci = r->runs[0].ci95.at(MetricId::Ndcg);
        QVERIFY(ci.low <= 1.0 / 3 && ci.high >= 1.0 / 3);
    }

    void pipelineStoresAndRepeats() {
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 300, 150);
        QVERIFY(!path.empty());
        EvaluationOptions o;
        o.recommenders = {"popularity", "itemknn", "als"};
        o.config.als.iterations = 5;
        o.config.als.factors = 16;
        o.bootstrapResamples = 100;
        auto a = Evaluation::run(path, o, {});
        SS_VERIFY_OK(a);
        QCOMPARE(int(a->runs.size()), 3);
        QCOMPARE(count(path, "SELECT count(*) FROM runs"), std::int64_t(3));
        std::int64_t perUser = 0;
        for (const auto& run : a->runs) {
            QVERIFY(run.runId > 0);
            for (const auto& m : run.report.metrics) perUser += std::int64_t(m.perUser.size());
        }
        QCOMPARE(count(path, "SELECT count(*) FROM run_user_metrics"), perUser);
        QCOMPARE(count(path, "SELECT count(*) FROM runs WHERE seed=42 AND k=10 AND dataset_fingerprint LIKE 'events=%'"
                             " AND json_extract(split,'$.kind')='temporal' AND json_extract(parameters,'$.factors') IS NOT NULL"),
                 std::int64_t(1));
        // Comparisons: 3 pairs × 6 metrics; learned models beat popularity on this shop.
        QCOMPARE(int(a->comparisons.size()), 18);
        // And on the cold-item and cold-user slices, paired over those users only.
        int slices = 0;
        for (const auto& slice : a->runs[0].slices) slices += slice.name == "cold_items" || slice.name == "cold_users";
        QVERIFY(slices >= 1);
        QCOMPARE(int(a->sliceComparisons.size()), 18 * slices);
        for (const auto& c : a->sliceComparisons) {
            const SliceResult* slice = nullptr;
            for (const auto& s : a->runs[0].slices)
                if (s.name == c.slice) slice = &s;
            QVERIFY2(slice, c.slice.c_str());
            QCOMPARE(c.n, slice->report.metric(c.metric).perUser.size());
            QVERIFY(c.n < a->comparisons.front().n);
        }
        // The same seed: the same numbers (and the same stored per-user values).
        auto b = Evaluation::run(path, o, {});
        SS_VERIFY_OK(b);
        for (std::size_t r = 0; r < 3; ++r) {
            for (MetricId id : kAllMetrics) {
                QCOMPARE(a->runs[r].report.value(id), b->runs[r].report.value(id));
                QCOMPARE(a->runs[r].ci95.at(id).low, b->runs[r].ci95.at(id).low);
            }
        }
        QCOMPARE(count(path, "SELECT count(*) FROM (SELECT user_id, metric, value FROM run_user_metrics WHERE run_id IN (1,2,3)"
                             " EXCEPT SELECT user_id, metric, value FROM run_user_metrics WHERE run_id IN (4,5,6))"),
                 std::int64_t(0));
        // Stored runs read back: newest first, per-user values equal to the report's.
        auto reader = Project::open(path, Database::Mode::ReadOnly);
        SS_VERIFY_OK(reader);
        Database& db = (*reader)->db();
        auto stored = Runs::list(db);
        SS_VERIFY_OK(stored);
        QCOMPARE(int(stored->size()), 6);
        QCOMPARE(stored->front().id, b->runs[2].runId);
        QCOMPARE(stored->front().recommender, std::string("als"));
        QCOMPARE(stored->front().k, 10);
        // Typed as the evaluation reported it: metrics, split, timings and training read back equal.
        for (const auto& run : b->runs) {
            const auto found = std::find_if(stored->begin(), stored->end(), [&](const StoredRun& s) { return s.id == run.runId; });
            QVERIFY(found != stored->end());
            QCOMPARE(found->metric(MetricId::Ndcg).value_or(-1), run.report.value(MetricId::Ndcg));
            QCOMPARE(found->metric(MetricId::Recall).value_or(-1), run.report.value(MetricId::Recall));
            QVERIFY(found->split == b->split);
            QVERIFY(found->timings == run.timings());
            QVERIFY(found->training == run.training);
            QCOMPARE(found->convention, std::string(conventionName(b->convention)));
            QCOMPARE(found->parameters, run.parameters);
        }
        QVERIFY(b->split.cutoff.has_value());  // a temporal split says where it cut
        auto values = Runs::userValues(db, a->runs[1].runId, "ndcg@10");
        SS_VERIFY_OK(values);
        const auto& ndcgUsers = a->runs[1].report.metric(MetricId::Ndcg).perUser;
        QCOMPARE(values->size(), ndcgUsers.size());
        for (std::size_t i = 0; i < ndcgUsers.size(); ++i) {
            QCOMPARE((*values)[i].user, ndcgUsers[i].user);
            QCOMPARE((*values)[i].value, ndcgUsers[i].value);
        }
        // Two stored runs compared again from the file: the evaluation's own paired tests, exactly.
        StoredRun storedA, storedB;
        for (const auto& r : *stored) {
            if (r.id == a->runs[0].runId) storedA = r;
            if (r.id == a->runs[2].runId) storedB = r;
        }
        QVERIFY(Runs::sameSetting(storedA, storedB));
        auto again = Runs::compare(db, storedA, storedB, MetricId::Ndcg);
        SS_VERIFY_OK(again);
        for (const auto& c : a->comparisons)
            if (c.a == a->runs[0].recommender && c.b == a->runs[2].recommender && c.metric == MetricId::Ndcg) {
                QCOMPARE(again->n, c.n);
                QCOMPARE(again->meanDifference, c.meanDifference);
                QCOMPARE(again->tPValue, c.tPValue);
                QCOMPARE(again->wilcoxonPValue, c.wilcoxonPValue);
            }
        StoredRun otherSplit = storedB;
        otherSplit.split.kind = SplitKind::Random;
        QVERIFY(!Runs::sameSetting(storedA, otherSplit));
        // JSON shape (DESIGN §3).
        const boost::json::object j = toJson(*a);
        QVERIFY(j.at("split").is_object());
        const auto& run0 = j.at("runs").as_array().at(1).as_object();
        QCOMPARE(std::string(run0.at("recommender").as_string()), std::string("itemknn"));
        QVERIFY(run0.at("metrics").as_object().contains("ndcg@10"));
        QCOMPARE(run0.at("ci95").at("ndcg@10").as_array().size(), std::size_t(2));
        const auto& c0 = j.at("comparisons").as_array().at(0).as_object();
        for (const char* key : {"a", "b", "metric", "p_value", "wilcoxon_p", "significant"}) QVERIFY2(c0.contains(key), key);
        QVERIFY(!c0.contains("slice"));
        const auto& s0 = j.at("slice_comparisons").as_array().at(0).as_object();
        QCOMPARE(std::string(s0.at("slice").as_string()), a->sliceComparisons.front().slice);
        QVERIFY(j.at("dataset").at("fingerprint").is_string());
        // Without storing: nothing written.
        o.store = false;
        SS_VERIFY_OK(Evaluation::run(path, o, {}));
        QCOMPARE(count(path, "SELECT count(*) FROM runs"), std::int64_t(6));
    }

    void splitsAndRules_data() {
        QTest::addColumn<QString>("split");
        QTest::newRow("leave-last") << "leave-last";
        QTest::newRow("random") << "random";
    }
    void splitsAndRules() {
        QFETCH(QString, split);
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 200, 100);
        QVERIFY(!path.empty());
        EvaluationOptions o;
        o.recommenders = {"popularity", "itemknn"};
        o.split.kind = *parseSplitKind(split.toStdString());
        o.store = false;
        o.bootstrapResamples = 50;
        auto plain = Evaluation::run(path, o, {});
        SS_VERIFY_OK(plain);
        QVERIFY(plain->runs[0].report.users > 0);
        // Rules evaluated offline: only one category may be recommended → a different (lower) recall.
        auto data = Dataset::load(path);
        SS_VERIFY_OK(data);
        o.rules.includeCategories = {data->items()[0].category};
        auto ruled = Evaluation::run(path, o, {});
        SS_VERIFY_OK(ruled);
        QVERIFY(ruled->runs[1].report.value(MetricId::Recall) < plain->runs[1].report.value(MetricId::Recall));
        QVERIFY(ruled->runs[1].parameters.contains("rules"));
        // Errors are values.
        o.recommenders = {"nope"};
        QCOMPARE(Evaluation::run(path, o, {}).error().code, ErrorCode::Usage);
        o.recommenders = {"als", "als"};
        QCOMPARE(Evaluation::run(path, o, {}).error().code, ErrorCode::Usage);
    }

    void session() {
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 200, 100);
        QVERIFY(!path.empty());
        auto s = RecommendationSession::open(path, {}, {});
        SS_VERIFY_OK(s);
        RecommenderConfig config;
        SS_VERIFY_OK((*s)->train("itemknn", config, {}));
        // A user with history: 5 new items, each explained by items from that history.
        std::int32_t user = 0;
        while ((*s)->interactions().weights.rowSize(user) < 3) ++user;
        auto list = (*s)->recommend("itemknn", user, 5);
        SS_VERIFY_OK(list);
        QCOMPARE(int(list->size()), 5);
        for (const auto& r : *list) {
            QVERIFY(!(*s)->interactions().weights.contains(user, r.item));
            QVERIFY(!r.because.empty());
            for (const auto& c : r.because) QVERIFY((*s)->interactions().weights.contains(user, c.item));
            QVERIFY(!r.fallback);
        }
        for (std::size_t i = 1; i < list->size(); ++i) QVERIFY((*list)[i - 1].score >= (*list)[i].score);
        // Known items allowed: the list may now contain history items (and still 5 long).
        auto known = (*s)->recommend("itemknn", user, 5, {}, true);
        SS_VERIFY_OK(known);
        QCOMPARE(int(known->size()), 5);
        // Rules live: bury the first recommendation → it leaves the top 5.
        MerchandisingRules bury;
        bury.bury = {(*s)->data().items()[(*list)[0].item].externalId};
        bury.buryStrength = 100;
        auto buried = (*s)->recommend("itemknn", user, 5, bury);
        SS_VERIFY_OK(buried);
        for (const auto& r : *buried) QVERIFY(r.item != (*list)[0].item);
        // History in time order; audience of an item excludes users who already have it.
        const auto h = (*s)->history(user);
        QVERIFY(!h.empty());
        for (std::size_t i = 1; i < h.size(); ++i) QVERIFY(h[i - 1].time <= h[i].time);
        auto audience = (*s)->audience("itemknn", (*list)[0].item, 10);
        SS_VERIFY_OK(audience);
        QVERIFY(!audience->empty());
        for (const auto& [u, score] : *audience) QVERIFY(!(*s)->interactions().weights.contains(u, (*list)[0].item));
        QCOMPARE((*s)->recommend("als", user, 5).error().code, ErrorCode::Usage);  // not trained
    }

    // What a model shows a group of customers: the items counted over each member's own top k, as
    // recommend() gives it (rules included), most customers first, then the better mean place.
    void groupRecommendationsCountMembersLists_data() {
        QTest::addColumn<bool>("withRule");
        QTest::newRow("plain") << false;
        QTest::newRow("a category hidden") << true;
    }
    void groupRecommendationsCountMembersLists() {
        QFETCH(bool, withRule);
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 200, 100);
        QVERIFY(!path.empty());
        auto s = RecommendationSession::open(path, {}, {});
        SS_VERIFY_OK(s);
        SS_VERIFY_OK((*s)->train("itemknn", {}, {}));
        MerchandisingRules rules;
        if (withRule) rules.excludeCategories = {(*s)->data().items()[0].category};
        std::vector<std::int32_t> members;
        for (std::int32_t u = 0; u < 200; u += 3) members.push_back(u);  // some without history: popularity serves them
        std::map<std::int32_t, std::pair<std::int64_t, double>> expected;  // item → customers, sum of places
        for (auto u : members) {
            auto list = (*s)->recommend("itemknn", u, 5, rules);
            SS_VERIFY_OK(list);
            for (std::size_t p = 0; p < list->size(); ++p) {
                expected[(*list)[p].item].first += 1;
                expected[(*list)[p].item].second += double(p + 1);
            }
        }
        auto group = (*s)->recommendToGroup("itemknn", members, 5, 1000, rules);
        SS_VERIFY_OK(group);
        QCOMPARE(group->size(), expected.size());
        for (std::size_t i = 0; i < group->size(); ++i) {
            const auto& g = (*group)[i];
            QCOMPARE(g.customers, expected[g.item].first);
            QVERIFY(std::fabs(g.meanRank - expected[g.item].second / double(g.customers)) < 1e-9);
            if (withRule) QVERIFY((*s)->data().items()[static_cast<std::size_t>(g.item)].category != rules.excludeCategories.front());
            if (i) {
                const auto& before = (*group)[i - 1];
                QVERIFY(before.customers > g.customers || (before.customers == g.customers && before.meanRank <= g.meanRank));
            }
        }
        auto top3 = (*s)->recommendToGroup("itemknn", members, 5, 3, rules);
        SS_VERIFY_OK(top3);
        QCOMPARE(top3->size(), std::size_t(3));
        QCOMPARE(top3->front().item, group->front().item);
        QCOMPARE((*s)->recommendToGroup("als", members, 5, 3).error().code, ErrorCode::Usage);  // not trained
        const std::int32_t stranger[1] = {100000};
        QCOMPARE((*s)->recommendToGroup("itemknn", stranger, 5, 3).error().code, ErrorCode::Usage);
    }

    void savedSegmentsAreSlices() {
        // A saved segment becomes the slice "segment NAME", measured over its test users only.
        QTemporaryDir dir;
        const auto path = sampleShop(dir, 300, 150);
        QVERIFY(!path.empty());
        EvaluationOptions o;
        o.recommenders = {"popularity"};
        o.bootstrapResamples = 50;
        o.store = false;
        auto before = Evaluation::run(path, o, {});
        SS_VERIFY_OK(before);
        // Half of the test users (every other one) form the segment.
        const auto& ndcg = before->runs[0].report.metric(MetricId::Ndcg).perUser;
        std::vector<std::int64_t> members;
        for (std::size_t i = 0; i < ndcg.size(); i += 2) members.push_back(std::stoll(ndcg[i].user));
        {
            auto project = Project::open(path);
            SS_VERIFY_OK(project);
            SS_VERIFY_OK(Segments::save((*project)->db(), "every other", "", members, false, 1700000000));
        }
        auto after = Evaluation::run(path, o, {});
        SS_VERIFY_OK(after);
        const SliceResult* slice = nullptr;
        for (const auto& s : after->runs[0].slices)
            if (s.name == "segment every other") slice = &s;
        QVERIFY(slice);
        QCOMPARE(slice->report.metric(MetricId::Ndcg).perUser.size(), members.size());
        o.savedSegmentSlices = false;
        auto without = Evaluation::run(path, o, {});
        SS_VERIFY_OK(without);
        for (const auto& s : without->runs[0].slices) QVERIFY(s.name.rfind("segment ", 0) != 0);
    }
};

QTEST_APPLESS_MAIN(TestEvaluation)
#include "TestEvaluation.moc"
