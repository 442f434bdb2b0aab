// IdIndex: a database id → dense index map. Project ids are compact (1, 2, 3, … in order of first
// appearance), so the ids usually index a plain array — one load per lookup instead of a hash-table
// probe, which made up a sixth of loading 20M events; sparse ids fall back to a hash table.
// Build once, then read from any number of threads.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace ss::rec {

class IdIndex {
public:
    IdIndex() = default;
    // ids[i] is the id of dense index i (any order, each at most once).
    explicit IdIndex(const std::vector<std::int64_t>& ids) {
        std::int64_t low = 0, high = -1;
        for (auto id : ids) low = std::min(low, id), high = std::max(high, id);
        // An array while it is at most ~4 entries per id (and the ids are not negative).
        if (low >= 0 && high < 4 * static_cast<std::int64_t>(ids.size()) + 1024) {
            dense_.assign(static_cast<std::size_t>(high + 1), -1);
            for (std::size_t i = 0; i < ids.size(); ++i) dense_[static_cast<std::size_t>(ids[i])] = static_cast<std::int32_t>(i);
        } else {
            sparse_.reserve(ids.size());
            for (std::size_t i = 0; i < ids.size(); ++i) sparse_.emplace(ids[i], static_cast<int>(i));
        }
    }

    std::optional<int> find(std::int64_t id) const {
        if (sparse_.empty()) {
            if (id < 0 || static_cast<std::uint64_t>(id) >= dense_.size() || dense_[static_cast<std::size_t>(id)] < 0) return std::nullopt;
            return dense_[static_cast<std::size_t>(id)];
        }
        const auto it = sparse_.find(id);
        if (it == sparse_.end()) return std::nullopt;
        return it->second;
    }

private:
    std::vector<std::int32_t> dense_;
    std::unordered_map<std::int64_t, int> sparse_;
};

}  // namespace ss::rec
