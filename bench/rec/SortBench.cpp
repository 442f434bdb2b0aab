// ss-bench-sort: the two event sorts behind loading a project, on generated events of the Taobao
// shape (customers' events in (customer, time) order, as the project file clusters them; 10.4M
// seconds; 4M items), each timed by radix (bucketSort, the product's) and by the comparison sort it
// replaced (parallelSort), on every core. Prints one JSON object. Usage: ss-bench-sort [events]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <tuple>

#include "common/BucketSort.h"
#include "common/HugePages.h"
#include "common/Parallel.h"
#include "rec/Dataset.h"

using ss::rec::Event;

namespace {

double seconds(const auto& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100'000'000;
    constexpr int kUsers = 1'000'000, kItems = 4'000'000;
    constexpr std::int64_t kSpan = 10'400'000, kFirst = 1'501'000'000;
    std::mt19937_64 g(7);
    std::vector<Event> stored;
    ss::reserveHugePages(stored, n);
    for (int u = 0; u < kUsers && stored.size() < n; ++u) {
        std::int64_t t = static_cast<std::int64_t>(g() % kSpan);
        for (std::size_t k = 0; k < n / kUsers; ++k) {
            t = std::min<std::int64_t>(kSpan - 1, t + static_cast<std::int64_t>(g() % 20000));
            stored.push_back({u, static_cast<std::int32_t>(g() % kItems), static_cast<ss::EventType>(1 + g() % 4), kFirst + t});
        }
    }
    const auto byTime = [](const Event& a, const Event& b) { return std::tie(a.time, a.user, a.item, a.type) < std::tie(b.time, b.user, b.item, b.type); };
    const auto byPair = [](const Event& a, const Event& b) { return std::tie(a.user, a.item, a.time) < std::tie(b.user, b.item, b.time); };
    const auto timeKey = [](const Event& e) { return static_cast<std::uint64_t>(e.time - kFirst); };
    const auto pairKey = [](const Event& e) { return static_cast<std::uint64_t>(e.user) * kItems + static_cast<std::uint64_t>(e.item); };
    // Each sort gets its own copy, made (and paged in) before the clock starts; three rounds, as the
    // first touch of fresh memory varies a lot in a virtual machine. Reported: each round's seconds.
    std::string out = "{\"events\": " + std::to_string(n);
    bool same = true;
    for (const bool byTimeRound : {true, false}) {
        std::vector<double> comparison, radix;
        for (int round = 0; round < 3; ++round) {
            std::vector<Event> a = stored;
            if (!byTimeRound) ss::parallelSort(a, byTime);  // time order, as Interactions::build gets the events
            std::vector<Event> b = a;
            comparison.push_back(seconds([&] { byTimeRound ? ss::parallelSort(a, byTime) : ss::parallelSort(a, byPair); }));
            radix.push_back(seconds([&] {
                byTimeRound ? ss::bucketSort(b, kSpan, timeKey, byTime) : ss::bucketSort(b, std::uint64_t(kUsers) * kItems, pairKey, byPair);
            }));
            // By (customer, item, time) events of one pair in one second may differ in behaviour only.
            same = same && std::equal(a.begin(), a.end(), b.begin(), [byTimeRound](const Event& x, const Event& y) {
                       return x.user == y.user && x.item == y.item && x.time == y.time && (x.type == y.type || !byTimeRound);
                   });
        }
        const auto list = [](const std::vector<double>& v) {
            std::string t = "[";
            for (std::size_t i = 0; i < v.size(); ++i) t += (i ? ", " : "") + std::to_string(v[i]);
            return t + "]";
        };
        out += std::string(", \"") + (byTimeRound ? "by_time" : "by_customer_item") + "\": {\"comparison_seconds\": " + list(comparison) +
               ", \"radix_seconds\": " + list(radix) + "}";
    }
    out += std::string(", \"same_order\": ") + (same ? "true" : "false") + "}";
    std::printf("%s\n", out.c_str());
    return same ? 0 : 1;
}
