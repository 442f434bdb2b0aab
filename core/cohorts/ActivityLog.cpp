#include "ActivityLog.h"

#include <algorithm>

#include "store/Database.h"

namespace ss {

ActivityLog ActivityLog::fromRows(std::vector<Row> rows) {
    ActivityLog log;
    log.finish(rows);
    return log;
}

Result<ActivityLog> ActivityLog::load(Database& db, const JobContext& job) {
    auto total = db.queryInt("SELECT count(*) FROM events");
    if (!total) return total.error();
    auto stmt = db.prepare("SELECT user_id, item_id, type, ts, value FROM events");
    if (!stmt) return stmt.error();
    std::vector<Row> rows;
    rows.reserve(static_cast<std::size_t>(*total));
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        Row r;
        r.user = stmt->columnInt(0);
        r.event.item = static_cast<std::int32_t>(stmt->columnInt(1));
        const auto type = stmt->columnInt(2);
        r.event.type = type >= 1 && type <= 4 ? static_cast<EventType>(type) : EventType::View;
        r.event.ts = stmt->columnInt(3);
        if (!stmt->columnIsNull(4)) {
            r.event.amount = static_cast<float>(stmt->columnDouble(4));
            r.hasAmount = true;
        }
        rows.push_back(r);
        if ((rows.size() & 0xFFFFF) == 0) {
            if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled while reading events");
            job.report(*total > 0 ? 0.9 * static_cast<double>(rows.size()) / static_cast<double>(*total) : -1.0,
                       "Reading events");
        }
    }
    ActivityLog log;
    log.finish(rows);
    job.report(1.0, "Reading events");
    return log;
}

void ActivityLog::finish(std::vector<Row>& rows) {
    // Counting sort by user (ids are compact), then each customer's events by time (stable).
    std::int64_t maxUser = -1;
    for (const auto& r : rows) maxUser = std::max(maxUser, r.user);
    std::vector<std::size_t> countByUser(static_cast<std::size_t>(maxUser + 1), 0);
    for (const auto& r : rows) {
        if (r.user >= 0) ++countByUser[static_cast<std::size_t>(r.user)];
        hasAmounts_ = hasAmounts_ || (r.hasAmount && r.event.type == EventType::Purchase);
    }
    std::vector<std::size_t> start(countByUser.size() + 1, 0);
    for (std::size_t u = 0; u < countByUser.size(); ++u) {
        start[u + 1] = start[u] + countByUser[u];
        if (countByUser[u] > 0) userIds_.push_back(static_cast<std::int64_t>(u));
    }
    events_.resize(start.back());
    std::vector<std::size_t> next(start.begin(), start.end() - 1);
    for (const auto& r : rows)
        if (r.user >= 0) events_[next[static_cast<std::size_t>(r.user)]++] = r.event;
    rows.clear();
    rows.shrink_to_fit();
    offsets_.reserve(userIds_.size() + 1);
    for (auto u : userIds_) offsets_.push_back(start[static_cast<std::size_t>(u)]);
    offsets_.push_back(events_.size());
    for (std::size_t c = 0; c < userIds_.size(); ++c) {
        auto first = events_.begin() + static_cast<std::ptrdiff_t>(offsets_[c]);
        auto last = events_.begin() + static_cast<std::ptrdiff_t>(offsets_[c + 1]);
        if (!std::is_sorted(first, last, [](const auto& a, const auto& b) { return a.ts < b.ts; }))
            std::stable_sort(first, last, [](const auto& a, const auto& b) { return a.ts < b.ts; });
    }
    if (!events_.empty()) {
        firstEvent_ = events_.front().ts;
        lastEvent_ = events_.front().ts;
        for (const auto& e : events_) {
            firstEvent_ = std::min(firstEvent_, e.ts);
            lastEvent_ = std::max(lastEvent_, e.ts);
        }
    }
}

std::int64_t ActivityLog::customerOf(std::int64_t userId) const {
    const auto it = std::lower_bound(userIds_.begin(), userIds_.end(), userId);
    if (it == userIds_.end() || *it != userId) return -1;
    return it - userIds_.begin();
}

}  // namespace ss
