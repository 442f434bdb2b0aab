#include "rec/Split.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>
#include <utility>

#include "common/TimeUtil.h"

namespace ss::rec {

namespace {

using Pair = std::pair<std::int32_t, std::int32_t>;

// A uniform double in [0,1) from the top 53 bits: the same sequence with every standard library.
double unit(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }

std::string monthOf(std::int64_t t) {
    return isoDate(t).substr(0, 7);
}

}  // namespace

Result<Split> Split::make(const Dataset& data, const SplitOptions& options) {
    if (!(options.testFraction > 0.0 && options.testFraction < 1.0) && !(options.kind == SplitKind::Temporal && options.cutoff))
        return makeError(ErrorCode::Usage, "the test fraction must be between 0 and 1");
    if (data.events().empty()) return makeError(ErrorCode::InputData, "the project has no events to split");
    Split s;
    s.options = options;
    const auto& events = data.events();  // sorted by time
    const int users = static_cast<int>(data.userCount());
    const int items = static_cast<int>(data.itemCount());
    s.test.assign(static_cast<std::size_t>(users), {});

    switch (options.kind) {
    case SplitKind::Temporal:
    case SplitKind::Given: {
        if (options.cutoff) {
            s.cutoff = *options.cutoff;
        } else {
            // The time that leaves the last testFraction of events at or after it (robust to outliers).
            const auto at = static_cast<std::size_t>(std::floor(double(events.size()) * (1.0 - options.testFraction)));
            s.cutoff = events[std::min(at, events.size() - 1)].time;
        }
        s.train = Interactions::build(data, options.weights, [&](const Event& e) { return e.time < s.cutoff; });
        std::set<Pair> dropped;
        for (const Event& e : events) {
            if (e.time < s.cutoff || e.type != options.target) continue;
            if (options.dropKnownFromTest && s.train.weights.contains(e.user, e.item)) {
                if (dropped.insert({e.user, e.item}).second) ++s.droppedKnown;
                continue;
            }
            s.test[e.user].push_back(e.item);
        }
        s.now = s.cutoff;
        break;
    }
    case SplitKind::LeaveLast: {
        // Last target event per user (events are time-sorted; the last one wins ties).
        std::vector<std::int64_t> lastIndex(static_cast<std::size_t>(users), -1);
        for (std::size_t p = 0; p < events.size(); ++p)
            if (events[p].type == options.target) lastIndex[events[p].user] = static_cast<std::int64_t>(p);
        std::vector<std::int64_t> heldTime(static_cast<std::size_t>(users), 0);
        std::vector<std::int32_t> heldItem(static_cast<std::size_t>(users), -1);
        for (int u = 0; u < users; ++u)
            if (lastIndex[u] >= 0) {
                heldTime[u] = events[lastIndex[u]].time;
                heldItem[u] = events[lastIndex[u]].item;
                s.test[u].push_back(heldItem[u]);
            }
        s.train = Interactions::build(data, options.weights, [&](const Event& e) {
            if (heldItem[e.user] < 0) return true;
            return e.time < heldTime[e.user] && e.item != heldItem[e.user];
        });
        break;
    }
    case SplitKind::Random: {
        std::vector<Pair> pairs;
        for (const Event& e : events)
            if (e.type == options.target) pairs.emplace_back(e.user, e.item);
        std::sort(pairs.begin(), pairs.end());
        pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
        std::mt19937_64 g(options.seed);
        std::set<Pair> held;
        for (const Pair& p : pairs)
            if (unit(g) < options.testFraction) {
                held.insert(p);
                s.test[p.first].push_back(p.second);
            }
        s.train = Interactions::build(data, options.weights, [&](const Event& e) { return !held.count({e.user, e.item}); });
        break;
    }
    }
    if (options.kind != SplitKind::Temporal) {
        std::int64_t last = 0;
        for (std::size_t p = 0; p < s.train.lastTime.size(); ++p) last = std::max(last, s.train.lastTime[p]);
        s.now = last;
    }
    (void)items;
    s.finish(data);
    s.sampleTestUsers();
    return s;
}

void Split::sampleTestUsers() {
    testUsersBeforeSample = testUsers.size();
    const std::size_t want = options.testUserSample;
    if (want == 0 || want >= testUsers.size()) return;
    // A partial Fisher-Yates shuffle with the split's own generator: the same seed picks the same users
    // on any machine. The stream is offset from the random split's so the two choices are independent.
    std::mt19937_64 g(options.seed ^ 0x5eed5a3b1e7e57ULL);
    std::vector<std::int32_t> pool = testUsers;
    for (std::size_t p = 0; p < want; ++p) {
        const auto pick = p + static_cast<std::size_t>(unit(g) * double(pool.size() - p));
        std::swap(pool[p], pool[std::min(pick, pool.size() - 1)]);
    }
    std::vector<char> keep(test.size(), 0);
    for (std::size_t p = 0; p < want; ++p) keep[pool[p]] = 1;
    testUsers.clear();
    testPairs = 0;
    for (std::size_t u = 0; u < test.size(); ++u) {
        if (!keep[u]) {
            std::vector<std::int32_t>().swap(test[u]);
            continue;
        }
        if (test[u].empty()) continue;
        testUsers.push_back(static_cast<std::int32_t>(u));
        testPairs += test[u].size();
    }
}

Split Split::given(const Dataset& data, std::vector<Event> trainEvents, const std::vector<Pair>& testPairs,
                   const BehaviourWeights& weights) {
    Split s;
    s.options.kind = SplitKind::Given;
    s.options.weights = weights;
    s.train = Interactions::fromTriples(static_cast<int>(data.userCount()), static_cast<int>(data.itemCount()), std::move(trainEvents), weights);
    s.test.assign(data.userCount(), {});
    for (const auto& [u, i] : testPairs) s.test[u].push_back(i);
    for (std::size_t p = 0; p < s.train.lastTime.size(); ++p) s.now = std::max(s.now, s.train.lastTime[p]);
    s.finish(data);
    return s;
}

void Split::finish(const Dataset& data) {
    const int users = static_cast<int>(data.userCount());
    const int items = static_cast<int>(data.itemCount());
    testUsers.clear();
    testPairs = 0;
    for (int u = 0; u < users; ++u) {
        auto& t = test[u];
        std::sort(t.begin(), t.end());
        t.erase(std::unique(t.begin(), t.end()), t.end());
        if (!t.empty()) testUsers.push_back(u);
        testPairs += t.size();
    }
    coldItem.assign(static_cast<std::size_t>(items), 1);
    for (auto i : train.weights.indices) coldItem[i] = 0;
    coldUser.assign(static_cast<std::size_t>(users), 0);
    for (int u = 0; u < users; ++u) coldUser[u] = train.weights.rowSize(u) == 0 ? 1 : 0;
    cohort.assign(static_cast<std::size_t>(users), std::string());
    for (const Event& e : data.events())  // time-sorted: the first event seen per user is the earliest
        if (cohort[e.user].empty()) cohort[e.user] = monthOf(e.time);
}

std::size_t Split::coldItemTestPairs() const {
    std::size_t n = 0;
    for (auto u : testUsers)
        for (auto i : test[u]) n += coldItem[i] ? 1 : 0;
    return n;
}

SplitSummary Split::summary() const {
    SplitSummary s;
    s.kind = options.kind;
    s.target = options.target;
    s.weights = options.weights.describe();
    s.trainEvents = train.events;
    s.trainPairs = train.weights.nnz();
    s.testUsers = testUsers.size();
    s.testPairs = testPairs;
    for (char c : coldItem) s.coldItems += c ? 1 : 0;
    for (auto u : testUsers) s.coldUsers += coldUser[u] ? 1 : 0;
    s.coldItemTestPairs = coldItemTestPairs();
    if (testUsers.size() < testUsersBeforeSample) {
        s.testUsersSampledFrom = testUsersBeforeSample;
        s.seed = options.seed;
    }
    if (options.kind == SplitKind::Temporal) {
        s.cutoff = cutoff;
        s.droppedKnown = droppedKnown;
        if (!options.cutoff) s.testFraction = options.testFraction;
    } else if (options.kind == SplitKind::Random) {
        s.testFraction = options.testFraction;
        s.seed = options.seed;
    }
    return s;
}

}  // namespace ss::rec
