// BulkWriter: fast inserts for one import inside the caller's open transaction. Owns the prepared
// statements and the external-id → compact-id maps (loaded once, extended as new ids appear).
// Lives no longer than the transaction; use from the thread that owns the Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "Database.h"
#include "EventType.h"
#include "ItemRecord.h"

namespace ss {

class BulkWriter {
public:
    static Result<BulkWriter> create(Database& db, std::optional<std::int64_t> importId);

    // Compact id for an external id, inserting a new row the first time it is seen.
    Result<std::int64_t> userId(std::string_view externalId);
    Result<std::int64_t> itemId(std::string_view externalId, std::string_view categoryIfNew = {});
    std::optional<std::int64_t> findItem(std::string_view externalId) const;

    // Inserts the item or fills in the fields the record has (fields it lacks are kept).
    Result<std::int64_t> upsertItem(const ItemRecord& item);
    Status setUserSegment(std::int64_t userId, std::string_view segment);
    Status addEvent(std::int64_t userId, std::int64_t itemId, EventType type, std::int64_t time,
                    std::optional<std::int64_t> quantity = {}, std::optional<double> value = {});
    // false when the same (user, item, time) review is already stored.
    Result<bool> addReview(const ReviewRecord& review);

    std::int64_t newUsers() const { return newUsers_; }
    std::int64_t newItems() const { return newItems_; }

private:
    struct StringHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    using IdMap = std::unordered_map<std::string, std::int64_t, StringHash, std::equal_to<>>;

    BulkWriter(Database& db) : db_(&db) {}
    Status loadIds(std::string_view table, IdMap& map, std::int64_t& next);

    Database* db_;
    std::optional<std::int64_t> importId_;
    IdMap users_, items_;
    std::int64_t nextUser_ = 1, nextItem_ = 1, newUsers_ = 0, newItems_ = 0;
    Statement insertUser_, insertItem_, updateItem_, insertEvent_, insertReview_, updateSegment_;
};

}  // namespace ss
