// Dataset loading and splits: temporal (explicit date and event share), leave-last, random (seeded);
// known items dropped from the test, cold items and users, cohorts; the one-scan load from a project
// gives the same events as the in-memory fixture.
#include <QtTest>

#include <set>

#include <boost/json.hpp>

#include "RecTestSupport.h"
#include "rec/Split.h"

using namespace ss;
using namespace ss::rec;
using namespace rectest;

namespace {

Dataset fixture() { return splitFixture(); }  // RecTestSupport: 4 users, 6 items, cut-off day 5

std::vector<int> toInts(const std::vector<std::int32_t>& v) { return {v.begin(), v.end()}; }

}  // namespace

class TestSplit : public QObject {
    Q_OBJECT
private slots:
    void interactionsAggregate() {
        BehaviourWeights w;
        w.view = 1, w.cart = 3, w.favourite = 0, w.purchase = 5;
        Dataset d = dataset(2, 3, {{0, 1, V, 1}, {0, 1, P, 2}, {0, 1, V, 3}, {0, 2, F, 1}, {1, 0, C, 4}, {0, 0, V, 5}});
        Interactions x = Interactions::build(d, w, [](const Event&) { return true; });
        QCOMPARE(x.weights.rows, 2);
        QCOMPARE(x.weights.cols, 3);
        QCOMPARE(int(x.weights.nnz()), 3);  // favourite has weight 0: dropped
        QCOMPARE(x.weights.value(0, 1), 7.0f);
        QCOMPARE(x.weights.value(0, 0), 1.0f);
        QCOMPARE(x.weights.value(1, 0), 3.0f);
        QCOMPARE(x.weights.value(0, 2), 0.0f);
        QCOMPARE(x.firstTime[1], kT0 + 1 * kDay);
        QCOMPARE(x.lastTime[1], kT0 + 3 * kDay);
        QCOMPARE(toInts(x.historyByTime(0)), (std::vector<int>{1, 0}));
        const CsrMatrix t = x.weights.transposed();
        QCOMPARE(t.value(1, 0), 7.0f);
        QCOMPARE(t.value(0, 1), 3.0f);
        QCOMPARE(QString::fromStdString(w.describe()), QStringLiteral("view=1,cart=3,favourite=0,purchase=5"));
    }

    void temporalWithDate() {
        const Dataset d = fixture();
        SplitOptions o;
        o.cutoff = kT0 + 5 * kDay;
        auto s = Split::make(d, o);
        SS_VERIFY_OK(s);
        QCOMPARE(s->cutoff, kT0 + 5 * kDay);
        QCOMPARE(s->train.events, std::int64_t(5));
        QCOMPARE(toInts(s->test[0]), (std::vector<int>{2}));  // I1 was known (viewed on day 2)
        QCOMPARE(s->droppedKnown, std::size_t(1));
        QCOMPARE(toInts(s->test[1]), (std::vector<int>{4}));
        QCOMPARE(toInts(s->test[2]), (std::vector<int>{3}));
        QVERIFY(s->test[3].empty());
        QCOMPARE(toInts(s->testUsers), (std::vector<int>{0, 1, 2}));
        QCOMPARE(s->testPairs, std::size_t(3));
        QCOMPARE(toInts(std::vector<std::int32_t>(s->coldItem.begin(), s->coldItem.end())), (std::vector<int>{0, 0, 1, 1, 1, 1}));
        QCOMPARE(toInts(std::vector<std::int32_t>(s->coldUser.begin(), s->coldUser.end())), (std::vector<int>{0, 0, 1, 0}));
        QCOMPARE(s->coldItemTestPairs(), std::size_t(3));
        QCOMPARE(s->now, kT0 + 5 * kDay);
        QCOMPARE(QString::fromStdString(s->cohort[0]), QStringLiteral("2023-11"));
        QCOMPARE(QString::fromStdString(s->cohort[2]), QStringLiteral("2023-11"));
        const auto j = s->summary().toJson();
        QCOMPARE(QString::fromStdString(std::string(j.at("kind").as_string())), QStringLiteral("temporal"));
        QCOMPARE(j.at("test_pairs").to_number<int>(), 3);
        QCOMPARE(j.at("cold_users").to_number<int>(), 1);
        QCOMPARE(QString::fromStdString(std::string(j.at("cutoff").as_string())), QStringLiteral("2023-11-19T22:13:20Z"));
    }

    void temporalKeepKnown() {
        SplitOptions o;
        o.cutoff = kT0 + 5 * kDay;
        o.dropKnownFromTest = false;
        auto s = Split::make(fixture(), o);
        SS_VERIFY_OK(s);
        QCOMPARE(toInts(s->test[0]), (std::vector<int>{1, 2}));
        QCOMPARE(s->droppedKnown, std::size_t(0));
    }

    void temporalByShare_data() {
        QTest::addColumn<double>("fraction");
        QTest::addColumn<int>("trainEvents");
        QTest::addColumn<double>("cutDay");
        // 11 events: floor(11 · 0.8) = 8 → the 9th event (day 7) is the first after the cut.
        QTest::newRow("0.2") << 0.2 << 8 << 7.0;
        // floor(11 · 0.5) = 5 → the 6th event (day 6) starts the test.
        QTest::newRow("0.5") << 0.5 << 5 << 6.0;
    }
    void temporalByShare() {
        QFETCH(double, fraction);
        QFETCH(int, trainEvents);
        QFETCH(double, cutDay);
        SplitOptions o;
        o.testFraction = fraction;
        auto s = Split::make(fixture(), o);
        SS_VERIFY_OK(s);
        QCOMPARE(s->cutoff, kT0 + static_cast<std::int64_t>(cutDay * kDay));
        QCOMPARE(int(s->train.events), trainEvents);
    }

    void leaveLast() {
        auto s = Split::make(fixture(), SplitOptions{.kind = SplitKind::LeaveLast});
        SS_VERIFY_OK(s);
        // U0's last purchase is I2 (day 7.01): history = events before it on other items: I0, I1 (to day 6).
        QCOMPARE(toInts(s->test[0]), (std::vector<int>{2}));
        QCOMPARE(toInts(std::vector<std::int32_t>(s->train.weights.rowIndices(0).begin(), s->train.weights.rowIndices(0).end())),
                 (std::vector<int>{0, 1}));
        QCOMPARE(toInts(s->test[1]), (std::vector<int>{4}));
        QCOMPARE(toInts(s->test[2]), (std::vector<int>{3}));
        QCOMPARE(toInts(s->test[3]), (std::vector<int>{0}));
        QVERIFY(s->coldUser[2]);  // only events on the held-out item
        QVERIFY(s->coldUser[3]);
        QVERIFY(!s->coldUser[1]);
        QCOMPARE(s->now, kT0 + 6 * kDay);  // U0's purchase of I1 on day 6 is the last training event
        for (auto u : s->testUsers)
            for (auto i : s->test[u]) QVERIFY(!s->train.weights.contains(u, i));
    }

    void randomSeeded() {
        // 60 users × 40 items, each user buys 10 items: 600 target pairs.
        std::vector<Row> rows;
        for (int u = 0; u < 60; ++u)
            for (int k = 0; k < 10; ++k) {
                rows.push_back({u, (u * 7 + k * 3) % 40, V, double(k)});
                rows.push_back({u, (u * 7 + k * 3) % 40, P, k + 0.5});
            }
        const Dataset d = dataset(60, 40, rows);
        SplitOptions o{.kind = SplitKind::Random, .testFraction = 0.3, .seed = 7};
        auto a = Split::make(d, o);
        auto b = Split::make(d, o);
        SS_VERIFY_OK(a);
        SS_VERIFY_OK(b);
        QCOMPARE(a->test, b->test);
        QVERIFY(a->testPairs > 150 && a->testPairs < 210);  // 600 · 0.3 = 180, sd ≈ 11
        for (auto u : a->testUsers)
            for (auto i : a->test[u]) QVERIFY(!a->train.weights.contains(u, i));
        QCOMPARE(a->train.weights.nnz() + a->testPairs, std::size_t(600));
        o.seed = 8;
        auto c = Split::make(d, o);
        SS_VERIFY_OK(c);
        QVERIFY(c->test != a->test);
    }

    void sampleOfTestUsers_data() {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("sample");
        QTest::newRow("temporal, 25") << int(SplitKind::Temporal) << 25;
        QTest::newRow("random, 1") << int(SplitKind::Random) << 1;
        QTest::newRow("leave-last, 59") << int(SplitKind::LeaveLast) << 59;
        QTest::newRow("more than there are: all") << int(SplitKind::Temporal) << 500;
        QTest::newRow("0: all") << int(SplitKind::Temporal) << 0;
    }
    void sampleOfTestUsers() {
        QFETCH(int, kind);
        QFETCH(int, sample);
        // 60 users × 40 items, each buys 10 items over 10 days.
        std::vector<Row> rows;
        for (int u = 0; u < 60; ++u)
            for (int k = 0; k < 10; ++k) rows.push_back({u, (u * 7 + k * 3) % 40, P, k + u / 100.0});
        const Dataset d = dataset(60, 40, rows);
        SplitOptions o{.kind = SplitKind(kind), .testFraction = 0.3, .seed = 11};
        auto full = Split::make(d, o);
        SS_VERIFY_OK(full);
        const std::size_t population = full->testUsers.size();
        QVERIFY(population > 50);
        const std::size_t expected = sample == 0 ? population : std::min<std::size_t>(std::size_t(sample), population);
        o.testUserSample = std::size_t(sample);
        auto a = Split::make(d, o);
        auto b = Split::make(d, o);
        SS_VERIFY_OK(a);
        SS_VERIFY_OK(b);
        QCOMPARE(a->testUsers.size(), expected);
        QCOMPARE(a->testUsers, b->testUsers);  // seeded
        QCOMPARE(a->testUsersBeforeSample, population);
        // Training is untouched; a sampled user keeps every held-out item, the others keep none.
        QCOMPARE(a->train.weights.nnz(), full->train.weights.nnz());
        QCOMPARE(a->train.events, full->train.events);
        const std::set<std::int32_t> chosen(a->testUsers.begin(), a->testUsers.end());
        std::size_t pairs = 0;
        for (int u = 0; u < 60; ++u) {
            if (chosen.count(u)) QCOMPARE(a->test[u], full->test[u]);
            else QVERIFY(a->test[u].empty());
            pairs += a->test[u].size();
        }
        QCOMPARE(a->testPairs, pairs);
        const SplitSummary summary = a->summary();
        QCOMPARE(summary.testUsers, expected);
        if (expected < population) {
            QCOMPARE(summary.testUsersSampledFrom, std::optional<std::size_t>(population));
            QCOMPARE(summary.seed, std::optional<std::uint64_t>(11));
            // Another seed, another sample (the same one by chance: 1 in 50 or rarer).
            o.seed = 12;
            auto c = Split::make(d, o);
            SS_VERIFY_OK(c);
            if (kind != int(SplitKind::Random)) QVERIFY(c->testUsers != a->testUsers);  // a random split's seed moves its test too
        } else {
            QVERIFY(!summary.testUsersSampledFrom);
        }
    }

    void errors() {
        const Dataset empty = dataset(1, 1, {});
        QCOMPARE(Split::make(empty, {}).error().code, ErrorCode::InputData);
        SplitOptions o;
        o.testFraction = 1.5;
        QCOMPARE(Split::make(fixture(), o).error().code, ErrorCode::Usage);
        QCOMPARE(parseSplitKind("leave-last"), std::optional<SplitKind>(SplitKind::LeaveLast));
        QVERIFY(!parseSplitKind("bogus"));
    }

    void loadFromProject() {
        QTemporaryDir dir;
        const auto path = file(dir, "p.shelfsense");
        const Dataset want = fixture();
        SS_VERIFY_OK(writeProject(path, want));
        auto got = Dataset::load(path);
        SS_VERIFY_OK(got);
        QCOMPARE(got->userCount(), want.userCount());
        QCOMPARE(got->itemCount(), want.itemCount());
        QCOMPARE(got->events().size(), want.events().size());
        for (std::size_t p = 0; p < want.events().size(); ++p) {
            const Event& a = got->events()[p];
            const Event& b = want.events()[p];
            QCOMPARE(got->users()[a.user].externalId, want.users()[b.user].externalId);
            QCOMPARE(got->items()[a.item].externalId, want.items()[b.item].externalId);
            QCOMPARE(a.type, b.type);
            QCOMPARE(a.time, b.time);
        }
        QCOMPARE(got->items()[1].category, std::string("Odd / 奇"));
        QCOMPARE(*got->items()[1].price, 20.0);
        QCOMPARE(*got->items()[3].available, false);
        QCOMPARE(got->userByExternalId("U3"), std::optional<int>(2));
        QVERIFY(!got->userByExternalId("nobody"));
        // Same events → same fingerprint; another event → another.
        auto again = Dataset::load(path);
        SS_VERIFY_OK(again);
        QCOMPARE(again->fingerprint(), got->fingerprint());
        QVERIFY(got->fingerprint().rfind("events=11 users=4 items=6 fnv64w=", 0) == 0);
        QCOMPARE(Dataset::load(file(dir, "missing.shelfsense")).error().code, ErrorCode::Io);
    }
};

QTEST_APPLESS_MAIN(TestSplit)
#include "TestSplit.moc"
