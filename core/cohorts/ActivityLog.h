// ActivityLog: every customer's events in memory, grouped by customer and sorted by time, in the
// compact form the retention and survival engines scan (time, type, item, amount). Loaded once per
// analysis from the project's events table (one sequential scan, then a counting sort by customer).
// Built on a job's thread; read-only afterwards, so any thread may read it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "store/EventType.h"

namespace ss {

class Database;

struct ActivityEvent {
    std::int64_t ts = 0;     // unix seconds (UTC)
    std::int32_t item = 0;   // project item id
    float amount = 0.0f;     // purchase amount when the source had one (transactions), else 0
    EventType type = EventType::View;
};

class ActivityLog {
public:
    // One raw event of a fixture or an import, with the project user id it belongs to.
    struct Row {
        std::int64_t user = 0;
        ActivityEvent event;
        bool hasAmount = false;
    };

    // Scans events (and notes whether any purchase carries an amount); cancellable.
    static Result<ActivityLog> load(Database& db, const JobContext& job = {});
    static ActivityLog fromRows(std::vector<Row> rows);

    std::size_t customers() const { return userIds_.size(); }
    std::int64_t userId(std::size_t customer) const { return userIds_[customer]; }
    std::span<const ActivityEvent> events(std::size_t customer) const {
        return {events_.data() + offsets_[customer], events_.data() + offsets_[customer + 1]};
    }
    std::size_t eventCount() const { return events_.size(); }
    // The data's first and last event over all customers (0 when empty).
    std::int64_t firstEvent() const { return firstEvent_; }
    std::int64_t lastEvent() const { return lastEvent_; }
    bool hasAmounts() const { return hasAmounts_; }
    // Customer index of a project user id, or -1.
    std::int64_t customerOf(std::int64_t userId) const;

private:
    void finish(std::vector<Row>& rows);

    std::vector<std::int64_t> userIds_;  // ascending
    std::vector<std::size_t> offsets_;   // customers() + 1
    std::vector<ActivityEvent> events_;
    std::int64_t firstEvent_ = 0, lastEvent_ = 0;
    bool hasAmounts_ = false;
};

}  // namespace ss
