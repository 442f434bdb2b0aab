#include "ActivityLog.h"

#include <algorithm>
#include <cstring>

#include "ActivitySummary.h"
#include "Database.h"
#include "EventTable.h"
#include "Varint.h"
#include "common/JobStages.h"

namespace ss {

ActivityLog ActivityLog::fromRows(std::vector<Row> rows) {
    ActivityLog log;
    log.append(rows);
    log.finish();
    return log;
}

void ActivityLog::append(std::vector<Row>& rows) {
    // Stable: events of one customer at the same second keep the order they were stored in. Read through
    // the (user, time) index the rows already are in that order, and a stable sort would only cost a
    // buffer as large as the rows.
    auto before = [](const Row& a, const Row& b) { return a.user != b.user ? a.user < b.user : a.ts < b.ts; };
    if (!std::is_sorted(rows.begin(), rows.end(), before)) std::stable_sort(rows.begin(), rows.end(), before);
    for (std::size_t i = 0; i < rows.size();) {
        std::size_t j = i;
        while (j < rows.size() && rows[j].user == rows[i].user) ++j;
        Customer k;
        k.userId = rows[i].user;
        k.firstTs = rows[i].ts;
        k.firstItem = rows[i].item;
        k.offset = bytes_.size();
        k.count = static_cast<std::uint32_t>(j - i);
        // The events, then the purchases again on their own (what the purchase measures walk).
        auto encode = [&](const Row& r, std::int64_t& previous) {
            const bool withAmount = r.hasAmount && r.amount != 0.0f;
            const auto delta = static_cast<std::uint64_t>(r.ts - previous);
            previous = r.ts;
            putVarint(bytes_, (delta << 3) | (withAmount ? 4u : 0u) | static_cast<std::uint64_t>(static_cast<int>(r.type) - 1));
            if (withAmount) {
                std::uint8_t raw[sizeof(float)];
                std::memcpy(raw, &r.amount, sizeof(float));
                bytes_.insert(bytes_.end(), raw, raw + sizeof(float));
                amounts_ = amounts_ || r.type == EventType::Purchase;
            }
            k.amounts = k.amounts || withAmount;
        };
        std::int64_t previous = k.firstTs;
        for (std::size_t e = i; e < j; ++e) encode(rows[e], previous);
        k.bytes = static_cast<std::uint32_t>(bytes_.size() - k.offset);
        k.lastTs = previous;
        previous = k.firstTs;
        for (std::size_t e = i; e < j; ++e) {
            if (rows[e].type != EventType::Purchase) continue;
            encode(rows[e], previous);
            ++k.purchaseCount;
        }
        k.purchases = k.purchaseCount > 0;
        k.purchaseBytes = static_cast<std::uint32_t>(bytes_.size() - k.offset - k.bytes);
        events_ += k.count;
        customers_.push_back(k);
        i = j;
    }
    rows.clear();
}

void ActivityLog::finish() {
    bytes_.insert(bytes_.end(), kDecodePadding, 0);
    for (std::size_t c = 0; c < customers_.size(); ++c) {
        if (c == 0 || customers_[c].firstTs < firstEvent_) firstEvent_ = customers_[c].firstTs;
        if (c == 0 || customers_[c].lastTs > lastEvent_) lastEvent_ = customers_[c].lastTs;
    }
    bytes_.shrink_to_fit();
}

Result<ActivityLog> ActivityLog::scan(Database& db, const JobContext& job, std::size_t rowsPerPass) {
    // Passes over ranges of user ids keep the raw events in memory bounded (about 400 MB a pass): each
    // pass's buffer is reserved for its share of the rows (users are spread evenly over the passes), so
    // it does not grow by doubling to twice that.
    auto rows = EventTable::count(db);
    if (!rows) return rows.error();
    auto maxUser = db.queryInt("SELECT coalesce(max(id), 0) FROM users");
    if (!maxUser) return maxUser.error();
    const auto perPass = static_cast<std::int64_t>(std::max<std::size_t>(1, rowsPerPass));
    const std::int64_t passes = std::max<std::int64_t>(1, (*rows + perPass - 1) / perPass);
    const std::int64_t usersPerPass = *maxUser / passes + 1;
    auto stmt = db.prepare("SELECT user_id, ts, type, item_id, value FROM events WHERE user_id >= ?1 AND user_id < ?2");
    if (!stmt) return stmt.error();
    ActivityLog log;
    std::vector<Row> raw;
    raw.reserve(static_cast<std::size_t>(std::min<std::int64_t>(*rows, *rows / passes + *rows / passes / 8 + 1024)));
    std::int64_t seen = 0;
    for (std::int64_t pass = 0; pass < passes; ++pass) {
        stmt->reset();
        stmt->bind(1, pass * usersPerPass).bind(2, pass + 1 == passes ? *maxUser + 1 : (pass + 1) * usersPerPass);
        for (;;) {
            auto more = stmt->step();
            if (!more) return more.error();
            if (!*more) break;
            Row r;
            r.user = stmt->columnInt(0);
            r.ts = stmt->columnInt(1);
            const auto type = stmt->columnInt(2);
            r.type = type >= 1 && type <= 4 ? static_cast<EventType>(type) : EventType::View;
            r.item = static_cast<std::int32_t>(stmt->columnInt(3));
            if (!stmt->columnIsNull(4)) {
                r.amount = static_cast<float>(stmt->columnDouble(4));
                r.hasAmount = true;
            }
            raw.push_back(r);
            if ((++seen & 0xFFFFF) == 0) {
                if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while reading events");
                job.report(*rows > 0 ? 0.95 * static_cast<double>(seen) / static_cast<double>(*rows) : -1.0, stages::kReadingEvents);
            }
        }
        log.append(raw);  // empties raw, keeping its capacity for the next pass
    }
    log.finish();
    job.report(1.0, stages::kReadingEvents);
    return log;
}

Result<ActivityLog> ActivityLog::load(Database& db, const JobContext& job) {
    auto summary = ActivitySummary::read(db, job);
    if (!summary) return summary.error();
    if (*summary) return std::move(**summary);
    return scan(db, job);
}

std::int64_t ActivityLog::customerOf(std::int64_t userId) const {
    const auto it = std::lower_bound(customers_.begin(), customers_.end(), userId, [](const Customer& k, std::int64_t u) { return k.userId < u; });
    if (it == customers_.end() || it->userId != userId) return -1;
    return it - customers_.begin();
}

}  // namespace ss
