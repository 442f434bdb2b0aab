#include "EventTable.h"

#include <algorithm>
#include <memory>
#include <thread>

#include "common/JobStages.h"

namespace ss {
namespace {

constexpr const char* kCountTriggers = R"SQL(
CREATE TRIGGER IF NOT EXISTS events_counted_insert AFTER INSERT ON events
BEGIN
  UPDATE event_count SET events = events + 1;
END;
CREATE TRIGGER IF NOT EXISTS events_counted_delete AFTER DELETE ON events
BEGIN
  UPDATE event_count SET events = events - 1;
END;
)SQL";

// The old rowid table (and with it its three indexes) is replaced by the clustered one; rows of one
// customer in one second keep their old relative order as seq 0, 1, ...
constexpr const char* kMigrate = R"SQL(
CREATE TABLE events_clustered(
  user_id INTEGER NOT NULL REFERENCES users(id),
  ts INTEGER NOT NULL,
  seq INTEGER NOT NULL DEFAULT 0,
  item_id INTEGER NOT NULL REFERENCES items(id),
  type INTEGER NOT NULL,
  quantity INTEGER, value REAL,
  import_id INTEGER,
  PRIMARY KEY(user_id, ts, seq)) WITHOUT ROWID;
INSERT INTO events_clustered
  SELECT user_id, ts, row_number() OVER (PARTITION BY user_id, ts ORDER BY rowid) - 1, item_id, type, quantity, value, import_id
  FROM events ORDER BY user_id, ts, rowid;
DROP TABLE events;
ALTER TABLE events_clustered RENAME TO events;
CREATE TABLE event_count(events INTEGER NOT NULL);
INSERT INTO event_count SELECT count(*) FROM events;
)SQL";

// Rows per multi-row INSERT: the statement's set-up is paid once for this many.
constexpr std::size_t kBlock = 128;
constexpr int kColumns = 8;
constexpr const char* kInsert = "INSERT INTO main.events(user_id, ts, seq, item_id, type, quantity, value, import_id) VALUES";

struct Row {
    std::int64_t user, ts, seq, item, type;
    std::optional<std::int64_t> quantity;
    std::optional<double> value;
};

std::string insertSql(std::size_t rows) {
    std::string sql = kInsert;
    for (std::size_t i = 0; i < rows; ++i) sql += i ? ",(?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?)";
    return sql;
}

Status insertRows(Statement& stmt, const std::vector<Row>& rows, std::size_t from, std::size_t count,
                  const std::optional<std::int64_t>& importId) {
    int p = 1;
    for (std::size_t i = from; i < from + count; ++i, p += kColumns) {
        const Row& r = rows[i];
        stmt.bind(p, r.user).bind(p + 1, r.ts).bind(p + 2, r.seq).bind(p + 3, r.item).bind(p + 4, r.type)
            .bind(p + 5, r.quantity).bind(p + 6, r.value).bind(p + 7, importId);
    }
    return stmt.run();
}

// SQLite's sorter with a helper thread per core, and optionally a larger page cache (it spills to
// temporary files beyond it, so memory stays bounded); the connection's settings back when done.
class SortingPragmas {
public:
    static Result<std::unique_ptr<SortingPragmas>> set(Database& db, std::optional<int> cacheKiB) {
        auto cache = db.queryInt("PRAGMA cache_size");
        if (!cache) return cache.error();
        std::unique_ptr<SortingPragmas> pragmas(new SortingPragmas(db, *cache));
        std::string sql = "PRAGMA threads=" + std::to_string(std::max(1u, std::thread::hardware_concurrency())) + ";";
        if (cacheKiB) sql += "PRAGMA cache_size=-" + std::to_string(*cacheKiB) + ";";
        SS_TRY(db.exec(sql));
        return pragmas;
    }
    ~SortingPragmas() { (void)db_.exec("PRAGMA threads=0; PRAGMA cache_size=" + std::to_string(cache_)); }
    SortingPragmas(const SortingPragmas&) = delete;
    SortingPragmas& operator=(const SortingPragmas&) = delete;

private:
    SortingPragmas(Database& db, std::int64_t cache) : db_(db), cache_(cache) {}
    Database& db_;
    std::int64_t cache_;
};

}  // namespace

Status EventTable::migrateToClustered(Database& db) {
    SS_TRY(db.exec(kMigrate));
    return db.exec(kCountTriggers);
}

Status EventTable::prepareStaging(Database& db) {
    SS_TRY(db.exec(std::string("CREATE TEMP TABLE IF NOT EXISTS staged_events(") + kStagingColumns + ")"));
    return discardStaged(db);
}

Status EventTable::discardStaged(Database& db) { return db.exec(std::string("DELETE FROM ") + kStagingTable); }

Result<std::int64_t> EventTable::count(Database& db) { return db.queryInt("SELECT events FROM event_count"); }

Result<std::int64_t> EventTable::mergeStaged(Database& db, std::optional<std::int64_t> importId, const JobContext& job) {
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled before sorting events");
    auto staged = db.queryInt(std::string("SELECT coalesce(max(rowid), 0) FROM ") + kStagingTable);
    if (!staged) return staged.error();
    if (*staged == 0) return std::int64_t(0);
    auto before = count(db);
    if (!before) return before.error();
    // Same-second events of a customer already stored continue their numbering; an empty table
    // (every first import) needs no look-up at all.
    const bool lookUpSeq = *before > 0;

    auto sorting = SortingPragmas::set(db, 65536);  // 64 MiB of cache for the sort
    if (!sorting) return sorting.error();
    // The count is added once below; the trigger comes back with it (or with the caller's rollback).
    SS_TRY(db.exec("DROP TRIGGER IF EXISTS events_counted_insert"));

    std::int64_t merged = 0;
    {
        auto sorted = db.prepare(std::string("SELECT user_id, ts, item_id, type, quantity, value FROM ") + kStagingTable +
                                 " ORDER BY user_id, ts, rowid");
        auto lastSeq = db.prepare("SELECT coalesce(max(seq) + 1, 0) FROM main.events WHERE user_id=?1 AND ts=?2");
        auto block = db.prepare(insertSql(kBlock));
        auto single = db.prepare(insertSql(1));
        for (auto* s : {&sorted, &lastSeq, &block, &single})
            if (!*s) return s->error();

        std::vector<Row> rows;
        rows.reserve(kBlock);
        bool first = true;
        std::int64_t user = 0, ts = 0, seq = 0;
        for (;;) {
            auto more = sorted->step();
            if (!more) return more.error();
            if (!*more) break;
            Row r;
            r.user = sorted->columnInt(0);
            r.ts = sorted->columnInt(1);
            r.item = sorted->columnInt(2);
            r.type = sorted->columnInt(3);
            if (!sorted->columnIsNull(4)) r.quantity = sorted->columnInt(4);
            if (!sorted->columnIsNull(5)) r.value = sorted->columnDouble(5);
            if (first || r.user != user || r.ts != ts) {
                user = r.user;
                ts = r.ts;
                first = false;
                seq = 0;
                if (lookUpSeq) {
                    // Rows still pending belong to earlier keys: this key's stored rows are all from before.
                    lastSeq->reset();
                    lastSeq->bind(1, user).bind(2, ts);
                    auto found = lastSeq->step();
                    if (!found) return found.error();
                    seq = lastSeq->columnInt(0);
                    lastSeq->reset();
                }
            }
            r.seq = seq++;
            rows.push_back(r);
            if (rows.size() == kBlock) {
                SS_TRY(insertRows(*block, rows, 0, kBlock, importId));
                rows.clear();
            }
            if ((++merged & 0xFFFFF) == 0) {
                if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while sorting events");
                job.report(static_cast<double>(merged) / static_cast<double>(*staged), stages::kSortingEvents);
            }
        }
        for (std::size_t i = 0; i < rows.size(); ++i) SS_TRY(insertRows(*single, rows, i, 1, importId));
    }
    SS_TRY(discardStaged(db));
    SS_TRY(db.exec("UPDATE event_count SET events = events + " + std::to_string(merged)));
    SS_TRY(db.exec(kCountTriggers));
    return merged;
}

Result<std::vector<std::string>> EventTable::dropIndexes(Database& db) {
    std::vector<std::string> names, statements;
    {
        auto stmt = db.prepare("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='events' AND sql IS NOT NULL");
        if (!stmt) return stmt.error();
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row) break;
            names.push_back(stmt->columnText(0));
            statements.push_back(stmt->columnText(1));
        }
    }
    for (const auto& name : names) SS_TRY(db.exec("DROP INDEX \"" + name + "\""));
    return statements;
}

Status EventTable::createIndexes(Database& db, const std::vector<std::string>& statements) {
    if (statements.empty()) return {};
    auto sorting = SortingPragmas::set(db, std::nullopt);
    if (!sorting) return sorting.error();
    for (const auto& sql : statements) SS_TRY(db.exec(sql));
    return {};
}

Result<bool> EventTable::indexedBy(Database& db, const std::string& column) {
    auto stmt = db.prepare(
        "SELECT count(*) FROM sqlite_master m, pragma_index_info(m.name) i"
        " WHERE m.type='index' AND m.tbl_name='events' AND m.sql IS NOT NULL AND i.seqno=0 AND i.name=?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, column);
    auto row = stmt->step();
    if (!row) return row.error();
    return stmt->columnInt(0) > 0;
}

}  // namespace ss
