// Dataset and Interactions in memory, and read from a project on one connection or two (the same
// users, items, events and fingerprint either way): id → index lookups on compact and sparse ids, events in
// (time, user, item, type) order whatever their input order (sorted on several threads when large),
// and customers' interaction rows against a brute-force grouping of random events with duplicates.
#include <QtTest>

#include <limits>
#include <map>
#include <random>
#include <tuple>

#include "RecTestSupport.h"
#include "rec/Dataset.h"
#include "rec/IdIndex.h"
#include "rec/Interactions.h"

using namespace ss;
using namespace ss::rec;

namespace {

std::vector<Event> randomEvents(std::size_t n, int users, int items, std::uint64_t seed) {
    std::mt19937_64 g(seed);
    std::vector<Event> events;
    for (std::size_t e = 0; e < n; ++e)
        events.push_back({int(g() % users), int(g() % items), static_cast<EventType>(1 + g() % 4), std::int64_t(1'700'000'000 + g() % 50)});
    return events;
}

}  // namespace

class TestDataset : public QObject {
    Q_OBJECT
private slots:
    void readsTheSameOnOneOrTwoConnections_data() {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("items");
        QTest::newRow("sample shop") << 300 << 80;
        QTest::newRow("two customers") << 2 << 30;
    }
    void readsTheSameOnOneOrTwoConnections() {
        QFETCH(int, users);
        QFETCH(int, items);
        QTemporaryDir dir;
        const auto path = rectest::sampleShop(dir, users, items);
        auto one = Dataset::load(path, {}, std::numeric_limits<std::int64_t>::max());
        auto two = Dataset::load(path, {}, 1);
        SS_VERIFY_OK(one);
        SS_VERIFY_OK(two);
        QVERIFY(!one->events().empty());
        QCOMPARE(two->fingerprint(), one->fingerprint());
        QCOMPARE(two->events().size(), one->events().size());
        for (std::size_t e = 0; e < one->events().size(); ++e) {
            const Event &a = one->events()[e], &b = two->events()[e];
            QVERIFY(a.user == b.user && a.item == b.item && a.type == b.type && a.time == b.time);
        }
        QCOMPARE(two->userCount(), one->userCount());
        QCOMPARE(two->itemCount(), one->itemCount());
        // Both customers' halves arrive: the count in the file is what was read.
        QCOMPARE(std::int64_t(two->events().size()), rectest::count(path, "SELECT count(*) FROM events WHERE type BETWEEN 1 AND 4"));
    }

    void idIndex_data() {
        QTest::addColumn<std::vector<std::int64_t>>("ids");
        QTest::newRow("compact, in order") << std::vector<std::int64_t>{1, 2, 3, 4, 5};
        QTest::newRow("compact, shuffled, with gaps") << std::vector<std::int64_t>{7, 3, 1, 10, 4};
        QTest::newRow("sparse") << std::vector<std::int64_t>{5'000'000'000LL, 3, 900'000'000'000LL};
        QTest::newRow("negative") << std::vector<std::int64_t>{-4, 2, 8};
        QTest::newRow("none") << std::vector<std::int64_t>{};
    }
    void idIndex() {
        QFETCH(std::vector<std::int64_t>, ids);
        const IdIndex index(ids);
        for (std::size_t i = 0; i < ids.size(); ++i) QCOMPARE(index.find(ids[i]), std::optional<int>(int(i)));
        for (std::int64_t unknown : {std::int64_t(0), std::int64_t(6), std::int64_t(-1), std::int64_t(1) << 40})
            if (std::find(ids.begin(), ids.end(), unknown) == ids.end()) QCOMPARE(index.find(unknown), std::optional<int>());
    }

    void eventsInTimeOrder_data() {
        QTest::addColumn<int>("events");
        QTest::newRow("small: one thread") << 2'000;
        QTest::newRow("large: sorted on several threads") << 1'500'000;
    }
    void eventsInTimeOrder() {
        QFETCH(int, events);
        std::vector<UserFacts> users;
        std::vector<ItemFacts> items;
        for (int u = 0; u < 300; ++u) users.push_back({u + 1, "U" + std::to_string(u)});
        for (int i = 0; i < 200; ++i) items.push_back({1000 + i * 3, "I" + std::to_string(i), "", {}, {}});
        auto input = randomEvents(static_cast<std::size_t>(events), 300, 200, 11);
        auto expected = input;
        std::sort(expected.begin(), expected.end(), [](const Event& a, const Event& b) {
            return std::tie(a.time, a.user, a.item, a.type) < std::tie(b.time, b.user, b.item, b.type);
        });
        const auto d = Dataset::fromParts(users, items, input);
        QCOMPARE(d.events().size(), expected.size());
        for (std::size_t e = 0; e < expected.size(); ++e) {
            const Event& a = d.events()[e];
            const Event& b = expected[e];
            QVERIFY(a.time == b.time && a.user == b.user && a.item == b.item && a.type == b.type);
        }
        // The same events in another order: the same fingerprint.
        std::reverse(input.begin(), input.end());
        QCOMPARE(Dataset::fromParts(users, items, input).fingerprint(), d.fingerprint());
        // Any one event changed in any field: another fingerprint.
        if (!input.empty()) {
            for (int field = 0; field < 4; ++field) {
                auto changed = input;
                Event& e = changed[changed.size() / 2];
                if (field == 0) e.user = (e.user + 1) % 300;
                if (field == 1) e.item = (e.item + 1) % 200;
                if (field == 2) e.type = e.type == EventType::View ? EventType::Purchase : EventType::View;
                if (field == 3) e.time += 1;
                QVERIFY2(Dataset::fromParts(users, items, changed).fingerprint() != d.fingerprint(), qPrintable(QString("field %1").arg(field)));
            }
        }
        QCOMPARE(d.itemIndex(1000 + 3 * 17), std::optional<int>(17));
        QCOMPARE(d.userIndex(301), std::optional<int>());
    }

    void interactionRows_data() {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("items");
        QTest::addColumn<int>("events");
        QTest::newRow("dense duplicates") << 5 << 4 << 400;
        QTest::newRow("customers without events") << 60 << 30 << 50;
        QTest::newRow("many") << 500 << 300 << 40'000;
        QTest::newRow("none") << 3 << 3 << 0;
    }
    void interactionRows() {
        QFETCH(int, users);
        QFETCH(int, items);
        QFETCH(int, events);
        const auto input = randomEvents(static_cast<std::size_t>(events), users, items, 3);
        const BehaviourWeights weights;
        // Brute force: per (user, item), the summed weight and the first and last time.
        std::map<std::pair<int, int>, std::tuple<float, std::int64_t, std::int64_t>> want;
        for (const Event& e : input) {
            auto [it, fresh] = want.try_emplace({e.user, e.item}, 0.0f, e.time, e.time);
            auto& [w, first, last] = it->second;
            w += weights.of(e.type);
            first = std::min(first, e.time);
            last = std::max(last, e.time);
        }
        const auto x = Interactions::fromTriples(users, items, input, weights);
        QCOMPARE(x.events, std::int64_t(events));
        QCOMPARE(x.weights.rows, users);
        QCOMPARE(std::size_t(x.weights.indptr.back()), want.size());
        auto it = want.begin();
        for (int u = 0; u < users; ++u) {
            for (auto p = x.weights.indptr[u]; p < x.weights.indptr[u + 1]; ++p, ++it) {
                QCOMPARE(it->first, std::make_pair(u, int(x.weights.indices[p])));  // rows by user, then item
                QCOMPARE(x.weights.values[p], std::get<0>(it->second));
                QCOMPARE(x.firstTime[p], std::get<1>(it->second));
                QCOMPARE(x.lastTime[p], std::get<2>(it->second));
            }
        }
        QVERIFY(it == want.end());
    }
};

QTEST_GUILESS_MAIN(TestDataset)
#include "TestDataset.moc"
