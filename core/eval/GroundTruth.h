// GroundTruth: the relevant items of each user (the test set), with an optional graded rating per item.
// Owns its maps; a plain value type. Build it on one thread, then read it from any number of threads.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>

namespace ss {

class GroundTruth {
public:
    // item -> rating; an item given without a rating gets 1.0 (the binary gain), so graded NDCG on
    // unrated truth equals binary NDCG.
    using Items = std::unordered_map<std::string, double>;
    // Ordered by user id so per-user results come out in a stable, reproducible order.
    using Users = std::map<std::string, Items>;

    // A repeated (user, item) keeps one entry with the larger rating: the truth is a set of items.
    void add(const std::string& user, const std::string& item, std::optional<double> rating = std::nullopt);

    const Users& users() const { return users_; }
    const Items* find(const std::string& user) const;
    std::size_t userCount() const { return users_.size(); }
    std::size_t pairCount() const { return pairs_; }
    bool empty() const { return users_.empty(); }

private:
    Users users_;
    std::size_t pairs_ = 0;
};

}  // namespace ss
