#include "rec/Interactions.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <tuple>

#include "common/BucketSort.h"
#include "common/Numbers.h"

namespace ss::rec {

std::string BehaviourWeights::describe() const {
    char buf[128];
    std::snprintf(buf, sizeof buf, "view=%g,cart=%g,favourite=%g,purchase=%g", double(view), double(cart), double(favourite),
                  double(purchase));
    return buf;
}

Result<BehaviourWeights> BehaviourWeights::parse(const std::string& text, BehaviourWeights base) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        const std::string part = text.substr(start, end - start);
        start = end + 1;
        if (part.empty()) continue;
        const auto eq = part.find('=');
        const auto type = eq == std::string::npos ? std::nullopt : parseEventType(part.substr(0, eq));
        if (!type) return makeError(ErrorCode::Usage, "behaviour weights look like view=1,cart=3,favourite=2,purchase=5; got '" + part + "'");
        const auto parsed = parseFiniteDouble(std::string_view(part).substr(eq + 1));
        if (!parsed || *parsed < 0 || *parsed > std::numeric_limits<float>::max())
            return makeError(ErrorCode::Usage, "a behaviour weight must be a number >= 0; got '" + part + "'");
        const auto value = static_cast<float>(*parsed);
        switch (*type) {
        case EventType::View: base.view = value; break;
        case EventType::Cart: base.cart = value; break;
        case EventType::Favourite: base.favourite = value; break;
        case EventType::Purchase: base.purchase = value; break;
        }
    }
    return base;
}

Result<BehaviourWeights> BehaviourWeights::parse(const std::string& text) { return parse(text, BehaviourWeights{}); }

bool CsrMatrix::contains(int r, int c) const {
    auto idx = rowIndices(r);
    return std::binary_search(idx.begin(), idx.end(), c);
}

float CsrMatrix::value(int r, int c) const {
    auto idx = rowIndices(r);
    auto it = std::lower_bound(idx.begin(), idx.end(), c);
    if (it == idx.end() || *it != c) return 0.0f;
    return values[static_cast<std::size_t>(indptr[r] + (it - idx.begin()))];
}

CsrMatrix CsrMatrix::transposed() const {
    CsrMatrix t;
    t.rows = cols;
    t.cols = rows;
    t.indptr.assign(static_cast<std::size_t>(cols) + 1, 0);
    for (auto c : indices) ++t.indptr[static_cast<std::size_t>(c) + 1];
    for (int c = 0; c < cols; ++c) t.indptr[c + 1] += t.indptr[c];
    t.indices.resize(indices.size());
    t.values.resize(values.size());
    std::vector<std::int64_t> next(t.indptr.begin(), t.indptr.end() - 1);
    for (int r = 0; r < rows; ++r)
        for (auto p = indptr[r]; p < indptr[r + 1]; ++p) {
            const auto at = next[indices[p]]++;
            t.indices[at] = r;
            t.values[at] = values[p];
        }
    return t;
}

Interactions Interactions::fromTriples(int users, int items, std::vector<Event> events, const BehaviourWeights& weights) {
    // By (customer, item) with a radix sort, stable, so each pair's events keep their (time) order, then
    // any run of one pair out of time order by the full order: at 100M events 7.2-7.4 s against the
    // comparison sort's 10.1-10.5 s here (ss-bench-sort, bench/scale/README.md).
    const auto itemCount = static_cast<std::uint64_t>(std::max(items, 1));
    bucketSort(events, static_cast<std::uint64_t>(std::max(users, 0)) * itemCount,
               [itemCount](const Event& e) { return static_cast<std::uint64_t>(e.user) * itemCount + static_cast<std::uint64_t>(e.item); },
               [](const Event& a, const Event& b) { return std::tie(a.user, a.item, a.time) < std::tie(b.user, b.item, b.time); });
    Interactions x;
    x.events = static_cast<std::int64_t>(events.size());
    x.weights.rows = users;
    x.weights.cols = items;
    x.weights.indptr.assign(static_cast<std::size_t>(users) + 1, 0);
    // Sized once: at 100M events the pairs' four arrays are gigabytes, and growing them copies as much.
    std::size_t pairs = events.empty() ? 0 : 1;
    for (std::size_t i = 1; i < events.size(); ++i) pairs += events[i].user != events[i - 1].user || events[i].item != events[i - 1].item;
    x.weights.indices.reserve(pairs);
    x.weights.values.reserve(pairs);
    x.firstTime.reserve(pairs);
    x.lastTime.reserve(pairs);
    for (std::size_t i = 0; i < events.size();) {
        std::size_t j = i;
        float w = 0;
        while (j < events.size() && events[j].user == events[i].user && events[j].item == events[i].item) w += weights.of(events[j++].type);
        x.weights.indices.push_back(events[i].item);
        x.weights.values.push_back(w);
        x.firstTime.push_back(events[i].time);
        x.lastTime.push_back(events[j - 1].time);
        ++x.weights.indptr[static_cast<std::size_t>(events[i].user) + 1];
        i = j;
    }
    for (int u = 0; u < users; ++u) x.weights.indptr[u + 1] += x.weights.indptr[u];
    return x;
}

std::vector<std::int32_t> Interactions::historyByTime(int user) const {
    const auto begin = weights.indptr[user], end = weights.indptr[user + 1];
    std::vector<std::int64_t> order(static_cast<std::size_t>(end - begin));
    std::iota(order.begin(), order.end(), begin);
    std::sort(order.begin(), order.end(), [this](std::int64_t a, std::int64_t b) {
        return std::tie(firstTime[a], weights.indices[a]) < std::tie(firstTime[b], weights.indices[b]);
    });
    std::vector<std::int32_t> out;
    out.reserve(order.size());
    for (auto p : order) out.push_back(weights.indices[p]);
    return out;
}

std::vector<float> Interactions::recencyWeights(int user, std::int64_t now, double halfLifeDays) const {
    std::vector<float> a;
    a.reserve(weights.rowSize(user));
    for (auto p = weights.indptr[user]; p < weights.indptr[user + 1]; ++p) {
        double decay = 1.0;
        if (halfLifeDays > 0) {
            const double ageDays = std::max<double>(0.0, double(now - lastTime[p]) / 86400.0);
            decay = std::exp2(-ageDays / halfLifeDays);
        }
        a.push_back(static_cast<float>(weights.values[p] * decay));
    }
    return a;
}

}  // namespace ss::rec
