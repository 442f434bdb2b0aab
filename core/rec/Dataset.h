// Dataset: a project's events, users and catalogue facts in memory, read in one scan of each table and
// mapped to dense indices (users and items in id order), so splits, models and metrics work on
// contiguous integer ranges. Build once (on a worker thread), then read from any number of threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/IdIndex.h"
#include "store/EventType.h"

namespace ss::rec {

struct ItemFacts {
    std::int64_t id = 0;  // items.id
    std::string externalId;
    std::string category;
    std::optional<double> price;
    std::optional<bool> available;
};

struct UserFacts {
    std::int64_t id = 0;  // users.id
    std::string externalId;
};

// One event with dense user/item indices.
struct Event {
    std::int32_t user = 0;
    std::int32_t item = 0;
    EventType type = EventType::View;
    std::int64_t time = 0;
};

class Dataset {
public:
    // Reads users, items and events (one sequential scan each). Events come out sorted by
    // (time, user, item, type), so every later step is independent of the file's row order.
    // From `parallelFrom` events on, the second half of the customers is read on a second connection
    // and thread (tests lower it to read small files both ways).
    static Result<Dataset> load(const std::filesystem::path& project, const JobContext& context = {},
                                std::int64_t parallelFrom = std::int64_t(1) << 20);

    // For tests and benchmarks: facts and events given directly (indices must be in range).
    static Dataset fromParts(std::vector<UserFacts> users, std::vector<ItemFacts> items, std::vector<Event> events);

    const std::vector<UserFacts>& users() const { return users_; }
    const std::vector<ItemFacts>& items() const { return items_; }
    const std::vector<Event>& events() const { return events_; }
    std::size_t userCount() const { return users_.size(); }
    std::size_t itemCount() const { return items_.size(); }

    // Dense index of a database id / external id; nullopt when unknown.
    std::optional<int> userIndex(std::int64_t id) const;
    std::optional<int> itemIndex(std::int64_t id) const;
    std::optional<int> userByExternalId(const std::string& externalId) const;
    std::optional<int> itemByExternalId(const std::string& externalId) const;

    // "events=N users=N items=N fnv64w=HEX": changes whenever any event, user or item id changes.
    const std::string& fingerprint() const { return fingerprint_; }

private:
    void finish();
    std::vector<UserFacts> users_;
    std::vector<ItemFacts> items_;
    std::vector<Event> events_;
    void indexIds();
    IdIndex userIndex_, itemIndex_;
    std::string fingerprint_;
};

}  // namespace ss::rec
