#include "ActivitySummary.h"

#include <algorithm>
#include <cstring>

#include "common/JobStages.h"

#include <sqlite3.h>

#include "Database.h"
#include "Project.h"
#include "Varint.h"
#include "common/Parallel.h"

namespace ss {
namespace {

constexpr const char* kFingerprintKey = "activity.summary";
constexpr std::size_t kBlobBytes = 4 << 20;  // customers are cut into blobs of about this size

std::uint64_t zigzag(std::int64_t v) { return (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63); }
std::int64_t unzigzag(std::uint64_t v) { return static_cast<std::int64_t>(v >> 1) ^ -static_cast<std::int64_t>(v & 1); }

}  // namespace

Result<std::string> ActivitySummary::fingerprint(Database& db) {
    // Events are only ever appended (or removed again inside the import that added them, which
    // rebuilds the summary before it commits): the last rowid and the last import identify the table.
    auto rowid = db.queryInt("SELECT coalesce(max(rowid), 0) FROM events");
    if (!rowid) return rowid.error();
    auto import = db.queryInt("SELECT coalesce(max(id), 0) FROM imports");
    if (!import) return import.error();
    return "v1:" + std::to_string(*rowid) + ":" + std::to_string(*import);
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

Status ActivitySummary::rebuild(Database& db, const JobContext& job) {
    auto log = ActivityLog::scan(db, job);
    if (!log) return log.error();
    return write(db, *log);
}

Status ActivitySummary::write(Database& db, const ActivityLog& log) {
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
        // Customer header: user id (delta within the blob), events, first item, first time, bytes.
        putVarint(blob, static_cast<std::uint64_t>(k.userId - previousUser));
        previousUser = k.userId;
        putVarint(blob, k.count);
        putVarint(blob, zigzag(k.firstItem));
        putVarint(blob, zigzag(k.firstTs));
        putVarint(blob, k.bytes);
        blob.insert(blob.end(), log.bytes_.begin() + static_cast<std::ptrdiff_t>(k.offset),
                    log.bytes_.begin() + static_cast<std::ptrdiff_t>(k.offset + k.bytes));
        if (blob.size() >= kBlobBytes) SS_TRY(flush());
    }
    SS_TRY(flush());
    auto setting = db.prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!setting) return setting.error();
    setting->bind(1, kFingerprintKey).bind(2, *fp);
    SS_TRY(setting->run());
    return tx ? tx->commit() : Status{};
}

Result<std::optional<ActivityLog>> ActivitySummary::read(Database& db, const JobContext& job) {
    auto isCurrent = current(db);
    if (!isCurrent) return isCurrent.error();
    if (!*isCurrent) return std::optional<ActivityLog>();
    auto stmt = db.prepare("SELECT data FROM activity_summary ORDER BY chunk");
    if (!stmt) return stmt.error();
    ActivityLog log;
    // Blobs are about kBlobBytes each: reserve once instead of growing (and faulting pages) repeatedly.
    if (auto blobs = db.queryInt("SELECT count(*) FROM activity_summary"); blobs)
        log.bytes_.reserve(static_cast<std::size_t>(*blobs) * (kBlobBytes + (kBlobBytes >> 2)));
    auto damaged = [&]() { return makeError(ErrorCode::InputData, "the activity summary is damaged; rebuild it", db.path().string()); };
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while reading the activity summary");
        const auto bytes = stmt->columnBlob(0);
        const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
        const auto* end = p + bytes.size();
        std::int64_t user = 0;
        while (p < end) {
            std::uint64_t delta, count, item, first, size;
            if (!getVarint(p, end, delta) || !getVarint(p, end, count) || !getVarint(p, end, item) || !getVarint(p, end, first) ||
                !getVarint(p, end, size) || size > static_cast<std::uint64_t>(end - p) || count == 0 || count > size)
                return damaged();
            user += static_cast<std::int64_t>(delta);
            if (!log.customers_.empty() && user <= log.customers_.back().userId) return damaged();
            ActivityLog::Customer k;
            k.userId = user;
            k.count = static_cast<std::uint32_t>(count);
            k.firstItem = static_cast<std::int32_t>(unzigzag(item));
            k.firstTs = unzigzag(first);
            k.offset = log.bytes_.size();
            k.bytes = static_cast<std::uint32_t>(size);
            log.bytes_.insert(log.bytes_.end(), p, p + size);
            p += size;
            log.events_ += k.count;
            log.customers_.push_back(k);
        }
        job.report(-1, stages::kReadingActivitySummary);
    }
    // Every customer's encoding is walked once, in parallel shares: it checks the bytes and finds
    // the data's span.
    struct Share {
        bool ok = true, amounts = false, any = false;
        std::int64_t first = 0, last = 0;
    };
    const std::size_t workers = workersFor(log.customers_.size(), 50000);
    std::vector<Share> shares(workers);
    forEachShare(log.customers_.size(), workers, [&](std::size_t w, std::size_t from, std::size_t to) {
        Share& out = shares[w];
        for (std::size_t c = from; c < to; ++c) {
            const auto& k = log.customers_[c];
            const std::uint8_t* p = log.bytes_.data() + k.offset;
            const std::uint8_t* end = p + k.bytes;
            std::int64_t ts = k.firstTs;
            for (std::uint32_t e = 0; e < k.count; ++e) {
                std::uint64_t v;
                if (!getVarint(p, end, v)) {
                    out.ok = false;
                    return;
                }
                ts += static_cast<std::int64_t>(v >> 3);
                if (v & 4) {
                    if (end - p < static_cast<std::ptrdiff_t>(sizeof(float))) {
                        out.ok = false;
                        return;
                    }
                    p += sizeof(float);
                    out.amounts = out.amounts || (v & 3) + 1 == static_cast<std::uint64_t>(EventType::Purchase);
                }
            }
            if (p != end) {
                out.ok = false;
                return;
            }
            if (!out.any || k.firstTs < out.first) out.first = k.firstTs;
            if (!out.any || ts > out.last) out.last = ts;
            out.any = true;
        }
    });
    bool anyCustomer = false;
    for (const auto& share : shares) {
        if (!share.ok) return damaged();
        log.amounts_ = log.amounts_ || share.amounts;
        if (!share.any) continue;
        if (!anyCustomer || share.first < log.firstEvent_) log.firstEvent_ = share.first;
        if (!anyCustomer || share.last > log.lastEvent_) log.lastEvent_ = share.last;
        anyCustomer = true;
    }
    return std::optional<ActivityLog>(std::move(log));
}

}  // namespace ss
