#include "eval/Predictions.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace ss {

void Predictions::add(const std::string& user, std::string item, double score) {
    users_[user].push_back(ScoredItem{std::move(item), score});
}

void Predictions::setList(const std::string& user, std::vector<ScoredItem> items) {
    users_[user] = std::move(items);
}

const std::vector<ScoredItem>* Predictions::find(const std::string& user) const {
    const auto it = users_.find(user);
    return it == users_.end() ? nullptr : &it->second;
}

std::vector<std::string> Predictions::rank(const std::vector<ScoredItem>& items, int k) {
    std::vector<std::string> out;
    if (k <= 0 || items.empty()) return out;
    // Comparing (score, input index) makes the order total, so partial_sort gives exactly what a
    // stable full sort would give for the first positions, at O(n log k).
    const auto before = [&items](std::size_t a, std::size_t b) {
        const double sa = items[a].score, sb = items[b].score;
        const bool na = std::isnan(sa), nb = std::isnan(sb);
        if (na != nb) return nb;  // NaN ranks last
        if (!na && sa != sb) return sa > sb;
        return a < b;
    };
    std::vector<std::size_t> order(items.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    const auto want = static_cast<std::size_t>(k);

    std::size_t sorted = std::min(want, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(sorted), order.end(), before);
    std::unordered_set<std::string_view> seen;
    std::size_t next = 0;
    while (out.size() < want && next < order.size()) {
        if (next == sorted) {
            // Duplicates used up some of the sorted prefix: sort the rest too (rare, so simple).
            std::sort(order.begin() + static_cast<std::ptrdiff_t>(sorted), order.end(), before);
            sorted = order.size();
        }
        const std::string& item = items[order[next++]].item;
        if (seen.insert(item).second) out.push_back(item);
    }
    return out;
}

RankedLists Predictions::topK(int k) const {
    RankedLists lists;
    for (const auto& [user, items] : users_) lists.emplace(user, rank(items, k));
    return lists;
}

}  // namespace ss
