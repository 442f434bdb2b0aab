// Predictions: each user's scored candidate items as a recommender produced them, and the one ranking
// rule (score descending, stable on ties) every metric uses to turn them into a top-K list.
// Owns its lists; a plain value type. Build on one thread, then read from any number of threads.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace ss {

struct ScoredItem {
    std::string item;
    double score = 0.0;
};

// user -> ranked item ids, best first (already cut to K).
using RankedLists = std::map<std::string, std::vector<std::string>>;

class Predictions {
public:
    using Users = std::map<std::string, std::vector<ScoredItem>>;

    // Appends to the user's list; the order of calls is the tie-break order (see rankingRule()).
    void add(const std::string& user, std::string item, double score);
    void setList(const std::string& user, std::vector<ScoredItem> items);

    const Users& users() const { return users_; }
    const std::vector<ScoredItem>* find(const std::string& user) const;
    std::size_t userCount() const { return users_.size(); }
    bool empty() const { return users_.empty(); }

    // The first k distinct items by the ranking rule: score descending, ties in input order, NaN last;
    // a duplicated item counts once, at its best position. Costs O(n log k) for n candidates.
    static std::vector<std::string> rank(const std::vector<ScoredItem>& items, int k);
    RankedLists topK(int k) const;

private:
    Users users_;
};

}  // namespace ss
