// BulkWriter: fast inserts for one import inside the caller's open transaction. Owns the
// external-id → compact-id maps (loaded once, extended as new ids appear), the batch being filled
// and the BatchInserter that stores full batches on its worker thread while the next one fills.
// Lives no longer than the transaction; use from the thread that owns the Database, and call
// flush() before using the Database directly (new users, items, events and rejects are stored
// in batches; the other methods store what is buffered first themselves).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <memory>

#include "BatchInserter.h"
#include "common/JobContext.h"
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
    // A named property of a customer (channel, region, experiment variant, ...); the latest value wins.
    Status setUserProperty(std::int64_t userId, std::string_view name, std::string_view value);
    // Time-stamped item properties: a value older than the stored one is ignored, so the latest
    // value wins whatever order files and imports come in.
    Status setItemCategoryAt(std::int64_t itemId, std::string_view category, std::int64_t time);
    Status setItemAvailableAt(std::int64_t itemId, bool available, std::int64_t time);
    Status addEvent(std::int64_t userId, std::int64_t itemId, EventType type, std::int64_t time,
                    std::optional<std::int64_t> quantity = {}, std::optional<double> value = {});
    // false when the same (user, item, time) review is already stored.
    Result<bool> addReview(const ReviewRecord& review);
    // A row of the import the writer was created for that was rejected (or only flagged).
    Status addReject(std::int64_t line, std::string_view field, std::string_view reason, bool flaggedOnly);

    // Stores everything buffered and waits for it, the events merged into their table in customer
    // and time order (EventTable); call before reading back or committing (the importer and the
    // sample shop do). Reports the merge's progress to job, which may cancel it.
    Status flush(const JobContext& job = {});
    // Stores everything buffered but leaves the events staged, for a caller that decides afterwards
    // whether they go in (flush) or not (EventTable::discardStaged): the importer, once a file is read.
    Status stage();

    std::int64_t newUsers() const { return newUsers_; }
    std::int64_t newItems() const { return newItems_; }

private:
    using IdMap = ExternalIdIndex;

    explicit BulkWriter(Database& db) : db_(&db) {}
    Status loadIds(std::string_view table, IdMap& map, std::int64_t& next);
    Status submitIfFull();

    Database* db_;
    std::optional<std::int64_t> importId_;
    IdMap users_, items_;
    // Sources are often grouped by user: remember the last lookup to skip the hash probe.
    std::string lastUserKey_;
    std::int64_t lastUserId_ = 0;
    std::int64_t nextUser_ = 1, nextItem_ = 1, newUsers_ = 0, newItems_ = 0;
    // Rows per hand-over: large enough that the worker's wake-up cost vanishes, small enough to
    // keep memory flat (about 1 MiB per batch).
    static constexpr std::size_t kBatchRows = 16384;
    InsertBatch batch_;
    std::unique_ptr<BatchInserter> inserter_;
    Statement updateItem_, insertReview_, updateSegment_, updateCategory_, updateAvailable_, upsertProperty_;
};

}  // namespace ss
