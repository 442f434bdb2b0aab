// EventTable: how events are laid out in the project file, and the bulk steps that keep them so.
// Events are clustered by customer and time — a WITHOUT ROWID table keyed (user_id, ts, seq), where
// seq numbers one customer's events of the same second in the order they arrived — with no secondary
// index unless the data browser made one: at 100 million events each index costs a gigabyte, and a
// customer's history, the activity summary and every model's loading read in key order anyway.
// Bulk loads stage their rows unsorted in a temporary table and merge them once, in key order
// (mergeStaged); rows written any other way go straight in. Triggers keep event_count exact for any
// writer, so count() never scans. Call from the thread that owns the Database; the bulk steps inside
// the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Database.h"
#include "common/JobContext.h"

namespace ss {

class EventTable {
public:
    // Staged rows: user_id, ts, item_id, type, quantity, value, in arrival order (rowid).
    static constexpr const char* kStagingTable = "temp.staged_events";
    static constexpr const char* kStagingColumns = "user_id, item_id, type, ts, quantity, value";

    // The table, its count and the triggers that keep the count, from the old rowid layout
    // (schema version 10): same-second events of a customer numbered in their old row order.
    static Status migrateToClustered(Database& db);
    // Makes the staging table if needed (it lives as long as the connection), empty.
    static Status prepareStaging(Database& db);
    // Moves every staged row into events in key order, each tagged with importId; returns how many.
    // Cancellable between blocks (the caller rolls back, which also restores the count trigger).
    static Result<std::int64_t> mergeStaged(Database& db, std::optional<std::int64_t> importId, const JobContext& job);
    static Status discardStaged(Database& db);

    // Exact number of events, from event_count (kept by triggers and by mergeStaged).
    static Result<std::int64_t> count(Database& db);

    // The secondary indexes on events that exist now (the data browser's), dropped; their CREATE
    // statements, to be made again once a large load is in.
    static Result<std::vector<std::string>> dropIndexes(Database& db);
    static Status createIndexes(Database& db, const std::vector<std::string>& statements);
    // Whether an index on events starts with this column (the browser's filter uses it to decide
    // whether counting one item's events is a seek or a scan).
    static Result<bool> indexedBy(Database& db, const std::string& column);
};

}  // namespace ss
