#include "ActivitySummary.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <limits>
#include <mutex>
#include <thread>

#include "common/JobStages.h"

#include <sqlite3.h>

#include "Database.h"
#include "EventTable.h"
#include "Project.h"
#include "Varint.h"
#include "common/Parallel.h"

namespace ss {
namespace {

constexpr const char* kFingerprintKey = "activity.summary";

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

}  // namespace

Result<std::string> ActivitySummary::fingerprint(Database& db) {
    // Events change by imports (each adds an imports row) and otherwise only through SQL, which the
    // count's triggers follow: the number of events and the last import identify the table.
    auto events = EventTable::count(db);
    if (!events) return events.error();
    auto import = db.queryInt("SELECT coalesce(max(id), 0) FROM imports");
    if (!import) return import.error();
    // v2: customer headers carry the last time and the amount and purchase flags; purchases follow
    // each customer's events on their own. v3: event_days is written with the summary. v4: events
    // counted, not numbered by rowid (they are clustered by customer and time).
    return "v4:" + std::to_string(*events) + ":" + std::to_string(*import);
}

Result<bool> ActivitySummary::current(Database& db) {
    auto now = fingerprint(db);
    if (!now) return now.error();
    auto stored = db.prepare("SELECT value FROM settings WHERE key = ?1");
    if (!stored) return stored.error();
    stored->bind(1, kFingerprintKey);
    auto row = stored->step();
    if (!row) return row.error();
    return *row && stored->columnText(0) == *now;
}

Result<bool> ActivitySummary::ensureCurrent(const std::filesystem::path& path, const JobContext& job) {
    {
        auto project = Project::open(path, Database::Mode::ReadOnly);
        if (!project) return project.error();
        auto isCurrent = current((*project)->db());
        if (!isCurrent) return isCurrent.error();
        if (*isCurrent) return false;
    }
    auto project = Project::open(path);
    if (!project) return project.error();
    SS_TRY(rebuild((*project)->db(), job));
    return true;
}

Status ActivitySummary::rebuild(Database& db, const JobContext& job, std::size_t blobBytes) {
    auto log = ActivityLog::scan(db, job);
    if (!log) return log.error();
    return write(db, *log, blobBytes);
}

Status ActivitySummary::write(Database& db, const ActivityLog& log, std::size_t blobBytes) {
    auto fp = fingerprint(db);
    if (!fp) return fp.error();
    // Inside an import's (or the sample shop's) transaction the summary commits with it; alone, in its own.
    std::optional<Transaction> tx;
    if (sqlite3_get_autocommit(db.handle())) {
        tx.emplace(db);
        if (!tx->begun()) return tx->begun();
    }
    SS_TRY(db.exec("DELETE FROM activity_summary"));
    auto insert = db.prepare("INSERT INTO activity_summary(chunk, data) VALUES(?1, ?2)");
    if (!insert) return insert.error();
    std::vector<std::uint8_t> blob;
    std::int64_t chunk = 0;
    std::int64_t previousUser = 0;
    auto flush = [&]() -> Status {
        if (blob.empty()) return {};
        insert->reset();
        insert->bind(1, chunk++).bind(2, std::as_bytes(std::span(blob)));
        SS_TRY(insert->run());
        blob.clear();
        previousUser = 0;
        return {};
    };
    for (const auto& k : log.customers_) {
        // Customer header: user id (delta within the blob), events (with two flags: some event has
        // an amount, some is a purchase), first item, first time, last time (after the first), bytes.
        putVarint(blob, static_cast<std::uint64_t>(k.userId - previousUser));
        previousUser = k.userId;
        putVarint(blob, (static_cast<std::uint64_t>(k.count) << 2) | (k.purchases ? 2u : 0u) | (k.amounts ? 1u : 0u));
        putVarint(blob, zigzag(k.firstItem));
        putVarint(blob, zigzag(k.firstTs));
        putVarint(blob, static_cast<std::uint64_t>(k.lastTs - k.firstTs));
        putVarint(blob, k.bytes);
        if (k.purchases) {  // then the purchases' count and bytes
            putVarint(blob, k.purchaseCount);
            putVarint(blob, k.purchaseBytes);
        }
        blob.insert(blob.end(), log.bytes_.begin() + static_cast<std::ptrdiff_t>(k.offset),
                    log.bytes_.begin() + static_cast<std::ptrdiff_t>(k.offset + k.bytes + k.purchaseBytes));
        if (blob.size() >= blobBytes) SS_TRY(flush());
    }
    SS_TRY(flush());
    SS_TRY(writeEventDays(db, log));
    SS_TRY(storeFingerprint(db, *fp));
    return tx ? tx->commit() : Status{};
}

Status ActivitySummary::storeFingerprint(Database& db, const std::string& fingerprint) {
    auto setting = db.prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!setting) return setting.error();
    setting->bind(1, kFingerprintKey).bind(2, fingerprint);
    return setting->run();
}

Status ActivitySummary::keepForUnchangedEvents(Database& db) {
    auto fp = fingerprint(db);
    if (!fp) return fp.error();
    return storeFingerprint(db, *fp);
}

Status ActivitySummary::writeEventDays(Database& db, const ActivityLog& log) {
    SS_TRY(db.exec("DELETE FROM event_days"));
    if (log.eventCount() == 0) return {};
    // A cell per day and behaviour from the first day to the last; days as the daily-activity query
    // counts them (ts / 86400, truncated like SQLite's integer division).
    struct Cell {
        std::int64_t events = 0, first = std::numeric_limits<std::int64_t>::max(), last = std::numeric_limits<std::int64_t>::min();
    };
    const std::int64_t firstDay = log.firstEvent() / 86400, lastDay = log.lastEvent() / 86400;
    const auto span = static_cast<std::size_t>(lastDay - firstDay + 1);
    std::vector<Cell> cells(span * 4);
    for (std::size_t c = 0; c < log.customers(); ++c)
        for (const ActivityEvent& e : log.events(c)) {
            Cell& cell = cells[static_cast<std::size_t>(e.ts / 86400 - firstDay) * 4 + (static_cast<int>(e.type) - 1)];
            ++cell.events;
            cell.first = std::min(cell.first, e.ts);
            cell.last = std::max(cell.last, e.ts);
        }
    auto insert = db.prepare("INSERT INTO event_days(day, type, events, first_ts, last_ts) VALUES(?1, ?2, ?3, ?4, ?5)");
    if (!insert) return insert.error();
    for (std::size_t p = 0; p < cells.size(); ++p) {
        const Cell& cell = cells[p];
        if (cell.events == 0) continue;
        insert->reset();
        insert->bind(1, (firstDay + static_cast<std::int64_t>(p / 4)) * 86400).bind(2, static_cast<std::int64_t>(p % 4 + 1));
        insert->bind(3, cell.events).bind(4, cell.first).bind(5, cell.last);
        SS_TRY(insert->run());
    }
    return {};
}

// One blob of the summary, parsed: its customers' headers, each customer's events checked.
struct ActivitySummary::ParsedBlob {
    std::vector<ActivityLog::Customer> customers;
    std::size_t events = 0;
    bool ok = true, amounts = false;
    std::int64_t first = 0, last = 0;  // the blob's first and last event (when it has customers)
};

namespace {

// Walks `count` events from p, which must end exactly at `end`, and leaves the last one's time in
// `ts`. The 8-byte loads may read past `end`, never past the log's padding.
bool checkEvents(const std::uint8_t* p, const std::uint8_t* end, std::uint64_t count, std::int64_t& ts, bool& purchaseAmounts) {
    for (; count > 0; --count) {
        std::uint64_t v;
        if (const unsigned length = readVarint8(p, v)) {
            if (length > static_cast<std::size_t>(end - p)) return false;
            p += length;
        } else if (!getVarint(p, end, v)) {
            return false;
        }
        if (__builtin_add_overflow(ts, static_cast<std::int64_t>(v >> 3), &ts)) return false;
        if (v & 4) {
            if (end - p < static_cast<std::ptrdiff_t>(sizeof(float))) return false;
            p += sizeof(float);
            purchaseAmounts = purchaseAmounts || (v & 3) + 1 == static_cast<std::uint64_t>(EventType::Purchase);
        }
    }
    return p == end;
}

}  // namespace

ActivitySummary::ParsedBlob ActivitySummary::parseBlob(const std::uint8_t* base, std::size_t from, std::size_t to) {
    ParsedBlob out;
    const std::uint8_t* p = base + from;
    const std::uint8_t* end = base + to;
    std::int64_t user = 0;
    auto damaged = [&]() {
        out.ok = false;
        return out;
    };
    while (p < end) {
        std::uint64_t delta, countAndFlags, item, first, span, size;
        if (!getVarint(p, end, delta) || !getVarint(p, end, countAndFlags) || !getVarint(p, end, item) || !getVarint(p, end, first) ||
            !getVarint(p, end, span) || !getVarint(p, end, size))
            return damaged();
        const std::uint64_t count = countAndFlags >> 2;
        ActivityLog::Customer k;
        if (delta > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
            __builtin_add_overflow(user, static_cast<std::int64_t>(delta), &user))
            return damaged();
        k.userId = user;
        k.firstItem = static_cast<std::int32_t>(unzigzag(item));
        k.firstTs = unzigzag(first);
        k.amounts = (countAndFlags & 1) != 0;
        k.purchases = (countAndFlags & 2) != 0;
        if (count == 0 || count > size || (!out.customers.empty() && user <= out.customers.back().userId) ||
            span > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) ||
            __builtin_add_overflow(k.firstTs, static_cast<std::int64_t>(span), &k.lastTs))
            return damaged();
        std::uint64_t purchaseCount = 0, purchaseBytes = 0;
        if (k.purchases && (!getVarint(p, end, purchaseCount) || !getVarint(p, end, purchaseBytes) || purchaseCount == 0 ||
                            purchaseCount > purchaseBytes || purchaseCount > count))
            return damaged();
        if (size > static_cast<std::uint64_t>(end - p) || purchaseBytes > static_cast<std::uint64_t>(end - p) - size) return damaged();
        k.count = static_cast<std::uint32_t>(count);
        k.offset = static_cast<std::uint64_t>(p - base);
        k.bytes = static_cast<std::uint32_t>(size);
        k.purchaseCount = static_cast<std::uint32_t>(purchaseCount);
        k.purchaseBytes = static_cast<std::uint32_t>(purchaseBytes);
        // Decoding a customer must stay inside their bytes. Without amounts every event is one
        // varint, so counting where varints end checks that (fast: no decoding); with amounts the
        // events are walked.
        auto fits = [&](const std::uint8_t* from, std::uint64_t n, std::uint64_t events, std::int64_t* last) {
            if (n == 0) return events == 0;
            if (!k.amounts) return varintEnds(from, n) == events && from[n - 1] < 0x80;
            std::int64_t ts = k.firstTs;
            return checkEvents(from, from + n, events, ts, out.amounts) && (!last || ts == *last);
        };
        if (!fits(p, size, count, &k.lastTs) || !fits(p + size, purchaseBytes, purchaseCount, nullptr)) return damaged();
        p += size + purchaseBytes;
        if (out.customers.empty() || k.firstTs < out.first) out.first = k.firstTs;
        if (out.customers.empty() || k.lastTs > out.last) out.last = k.lastTs;
        out.events += k.count;
        out.customers.push_back(k);
    }
    return out;
}

namespace {

// A read transaction for the scope (when none is open): the fingerprint, the blob sizes and the
// blobs are then read from one snapshot even while another process writes.
class ReadSnapshot {
public:
    explicit ReadSnapshot(Database& db) : db_(db), open_(sqlite3_get_autocommit(db.handle()) && db.exec("BEGIN").ok()) {}
    ~ReadSnapshot() {
        if (open_) (void)db_.exec("COMMIT");
    }
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

private:
    Database& db_;
    bool open_;
};

}  // namespace

Result<std::optional<ActivityLog>> ActivitySummary::read(Database& db, const JobContext& job) {
    ReadSnapshot snapshot(db);
    auto isCurrent = current(db);
    if (!isCurrent) return isCurrent.error();
    if (!*isCurrent) return std::optional<ActivityLog>();
    auto damaged = [&]() { return makeError(ErrorCode::InputData, "the activity summary is damaged; rebuild it", db.path().string()); };

    // Each blob gets its place in the log's bytes first (length() reads no blob), so that blobs can
    // be parsed and checked on a second thread while the next ones are still being copied.
    std::vector<std::pair<std::size_t, std::size_t>> blobs;  // [from, to) in log.bytes_
    std::vector<std::int64_t> rowids;
    {
        auto sizes = db.prepare("SELECT rowid, length(data) FROM activity_summary ORDER BY chunk");
        if (!sizes) return sizes.error();
        std::size_t total = 0;
        for (;;) {
            auto more = sizes->step();
            if (!more) return more.error();
            if (!*more) break;
            const auto length = static_cast<std::size_t>(std::max<std::int64_t>(0, sizes->columnInt(1)));
            rowids.push_back(sizes->columnInt(0));
            blobs.emplace_back(total, total + length);
            total += length;
        }
    }
    ActivityLog log;
    log.bytes_.resize((blobs.empty() ? 0 : blobs.back().second) + ActivityLog::kDecodePadding);

    std::vector<ParsedBlob> parsed(blobs.size());
    std::mutex mutex;
    std::condition_variable copiedMore;
    std::size_t copied = 0;              // blobs [0, copied) are in place (guarded by mutex)
    bool stop = false;                   // copying failed or was cancelled (guarded by mutex)
    std::atomic<std::size_t> nextToParse{0};
    // Takes the next blob not yet taken, waits until it is copied, parses it; until none is left.
    auto parseBlobs = [&]() {
        for (std::size_t b; (b = nextToParse.fetch_add(1)) < blobs.size();) {
            {
                std::unique_lock lock(mutex);
                copiedMore.wait(lock, [&] { return copied > b || stop; });
                if (stop) return;
            }
            parsed[b] = parseBlob(log.bytes_.data(), blobs[b].first, blobs[b].second);
        }
    };
    std::optional<std::thread> helper;
    if (blobs.size() > 1) helper.emplace(parseBlobs);
    // Incremental blob reads put each blob straight into its place (no intermediate buffer).
    sqlite3_blob* handle = nullptr;
    auto copyBlobs = [&]() -> Status {
        for (std::size_t b = 0; b < blobs.size(); ++b) {
            if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while reading the activity summary");
            const int opened = handle ? sqlite3_blob_reopen(handle, rowids[b])
                                      : sqlite3_blob_open(db.handle(), "main", "activity_summary", "data", rowids[b], 0, &handle);
            if (opened != SQLITE_OK) return db.lastError("reading the activity summary");
            const auto size = blobs[b].second - blobs[b].first;
            if (static_cast<std::size_t>(sqlite3_blob_bytes(handle)) != size) return damaged();
            if (size > 0 && sqlite3_blob_read(handle, log.bytes_.data() + blobs[b].first, static_cast<int>(size), 0) != SQLITE_OK)
                return db.lastError("reading the activity summary");
            {
                std::lock_guard lock(mutex);
                copied = b + 1;
            }
            copiedMore.notify_all();
            job.report(-1, stages::kReadingActivitySummary);
        }
        return {};
    };
    const Status copiedAll = copyBlobs();
    if (handle) sqlite3_blob_close(handle);
    if (!copiedAll) {
        {
            std::lock_guard lock(mutex);
            stop = true;
        }
        copiedMore.notify_all();
    }
    parseBlobs();  // this thread helps with what is left
    if (helper) helper->join();
    if (!copiedAll) return copiedAll.error();

    if (!assemble(log, parsed)) return damaged();
    return std::optional<ActivityLog>(std::move(log));
}

bool ActivitySummary::assemble(ActivityLog& log, std::vector<ParsedBlob>& parsed) {
    std::size_t customers = 0;
    for (const auto& blob : parsed) customers += blob.customers.size();
    log.customers_.reserve(customers);
    for (auto& blob : parsed) {
        if (!blob.ok) return false;
        if (blob.customers.empty()) continue;
        if (!log.customers_.empty() && blob.customers.front().userId <= log.customers_.back().userId) return false;
        if (log.customers_.empty() || blob.first < log.firstEvent_) log.firstEvent_ = blob.first;
        if (log.customers_.empty() || blob.last > log.lastEvent_) log.lastEvent_ = blob.last;
        log.amounts_ = log.amounts_ || blob.amounts;
        log.events_ += blob.events;
        log.customers_.insert(log.customers_.end(), blob.customers.begin(), blob.customers.end());
    }
    return true;
}

Result<ActivityLog> ActivitySummary::fromBlobs(const std::vector<std::vector<std::uint8_t>>& blobs) {
    ActivityLog log;
    std::vector<ParsedBlob> parsed;
    for (const auto& blob : blobs) log.bytes_.insert(log.bytes_.end(), blob.begin(), blob.end());
    log.bytes_.insert(log.bytes_.end(), ActivityLog::kDecodePadding, 0);
    std::size_t from = 0;
    for (const auto& blob : blobs) {
        parsed.push_back(parseBlob(log.bytes_.data(), from, from + blob.size()));
        from += blob.size();
    }
    if (!assemble(log, parsed)) return makeError(ErrorCode::InputData, "the activity summary is damaged; rebuild it");
    return log;
}

}  // namespace ss
