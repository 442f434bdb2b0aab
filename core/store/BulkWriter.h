// BulkWriter: fast inserts for one import inside the caller's open transaction. Owns the prepared
// statements and the external-id → compact-id maps (loaded once, extended as new ids appear).
// Lives no longer than the transaction; use from the thread that owns the Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Database.h"
#include "EventType.h"
#include "ExternalIdIndex.h"
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
    // Time-stamped item properties: a value older than the stored one is ignored, so the latest
    // value wins whatever order files and imports come in.
    Status setItemCategoryAt(std::int64_t itemId, std::string_view category, std::int64_t time);
    Status setItemAvailableAt(std::int64_t itemId, bool available, std::int64_t time);
    Status addEvent(std::int64_t userId, std::int64_t itemId, EventType type, std::int64_t time,
                    std::optional<std::int64_t> quantity = {}, std::optional<double> value = {});
    // false when the same (user, item, time) review is already stored.
    Result<bool> addReview(const ReviewRecord& review);

    // Events are buffered and written in multi-row INSERTs; call flush() before reading them back
    // or committing (the importer and the sample shop do).
    Status flush();

    std::int64_t newUsers() const { return newUsers_; }
    std::int64_t newItems() const { return newItems_; }

private:
    using IdMap = ExternalIdIndex;

    BulkWriter(Database& db) : db_(&db) {}
    Status loadIds(std::string_view table, IdMap& map, std::int64_t& next);

    Database* db_;
    std::optional<std::int64_t> importId_;
    IdMap users_, items_;
    // Sources are often grouped by user: remember the last lookup to skip the hash probe.
    std::string lastUserKey_;
    std::int64_t lastUserId_ = 0;
    std::int64_t nextUser_ = 1, nextItem_ = 1, newUsers_ = 0, newItems_ = 0;
    struct PendingEvent {
        std::int64_t user, item, type, time;
        std::optional<std::int64_t> quantity;
        std::optional<double> value;
    };
    static constexpr std::size_t kEventBatch = 128;
    std::vector<PendingEvent> pending_;
    Statement insertUser_, insertItem_, updateItem_, insertEvent_, insertEventBatch_, insertReview_, updateSegment_,
        updateCategory_, updateAvailable_;
};

}  // namespace ss
