// ActivityLog: every customer's events in a compact, read-only form — grouped by customer, sorted by
// time, each event a varint of (time delta, behaviour, has-amount) followed by the amount where the
// source had one (about 2–3 bytes an event) — which the retention and survival engines scan. It is
// built from the events table (in passes of bounded memory), and kept in the project as the activity
// summary (ActivitySummary) so that reading it back takes one pass over a few blobs.
// Built on one thread; read-only afterwards, so any thread may read it.
#pragma once

#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "EventType.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

class Database;

struct ActivityEvent {
    std::int64_t ts = 0;    // unix seconds (UTC)
    float amount = 0.0f;    // a purchase's amount where the source had one (transactions), else 0
    EventType type = EventType::View;
};

class ActivityLog {
public:
    // One raw event (fixtures and the builder): project user and item ids.
    struct Row {
        std::int64_t user = 0;
        std::int64_t ts = 0;
        EventType type = EventType::View;
        std::int32_t item = 0;
        float amount = 0.0f;
        bool hasAmount = false;
    };

    // One customer's events, decoded as they are walked (oldest first; ties keep their stored order).
    class Events {
    public:
        class Iterator {
        public:
            using value_type = ActivityEvent;
            using difference_type = std::ptrdiff_t;
            Iterator() = default;
            Iterator(const std::uint8_t* p, std::uint32_t left, std::int64_t ts) : p_(p), left_(left), ts_(ts) {
                if (left_) decode();
            }
            const ActivityEvent& operator*() const { return current_; }
            const ActivityEvent* operator->() const { return &current_; }
            Iterator& operator++() {
                if (--left_) decode();
                return *this;
            }
            void operator++(int) { ++*this; }
            bool operator==(std::default_sentinel_t) const { return left_ == 0; }

        private:
            // Inline: the engines call it once per event of every customer.
            void decode() {
                std::uint64_t v = 0;
                int shift = 0;
                for (;;) {
                    const std::uint8_t b = *p_++;
                    v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
                    if (b < 0x80) break;
                    shift += 7;
                }
                ts_ += static_cast<std::int64_t>(v >> 3);
                current_.ts = ts_;
                current_.type = static_cast<EventType>((v & 3) + 1);
                current_.amount = 0.0f;
                if (v & 4) {
                    std::memcpy(&current_.amount, p_, sizeof(float));
                    p_ += sizeof(float);
                }
            }
            const std::uint8_t* p_ = nullptr;
            std::uint32_t left_ = 0;
            std::int64_t ts_ = 0;
            ActivityEvent current_;
        };

        Events(const std::uint8_t* p, std::uint32_t count, std::int64_t firstTs) : p_(p), count_(count), firstTs_(firstTs) {}
        Iterator begin() const { return Iterator(p_, count_, firstTs_); }
        std::default_sentinel_t end() const { return {}; }
        std::size_t size() const { return count_; }
        bool empty() const { return count_ == 0; }
        std::int64_t firstTime() const { return firstTs_; }

    private:
        const std::uint8_t* p_;
        std::uint32_t count_;
        std::int64_t firstTs_;
    };

    // From the activity summary when it is current, else by scanning the events table; cancellable.
    static Result<ActivityLog> load(Database& db, const JobContext& job = {});
    // By scanning the events table alone (what the summary is built from), in passes over ranges of
    // users that hold at most about `rowsPerPass` raw events in memory at once (24 bytes each).
    static constexpr std::size_t kRowsPerPass = 40'000'000;
    static Result<ActivityLog> scan(Database& db, const JobContext& job = {}, std::size_t rowsPerPass = kRowsPerPass);
    static ActivityLog fromRows(std::vector<Row> rows);

    std::size_t customers() const { return customers_.size(); }
    std::int64_t userId(std::size_t c) const { return customers_[c].userId; }
    Events events(std::size_t c) const {
        const auto& k = customers_[c];
        return Events(bytes_.data() + k.offset, k.count, k.firstTs);
    }
    std::int32_t firstItem(std::size_t c) const { return customers_[c].firstItem; }
    std::size_t eventCount() const { return events_; }
    std::size_t encodedBytes() const { return bytes_.size(); }
    // The data's first and last event over all customers (0 when empty).
    std::int64_t firstEvent() const { return firstEvent_; }
    std::int64_t lastEvent() const { return lastEvent_; }
    bool hasAmounts() const { return amounts_; }
    // Customer index of a project user id, or -1.
    std::int64_t customerOf(std::int64_t userId) const;

private:
    friend class ActivitySummary;
    struct Customer {
        std::int64_t userId = 0;
        std::int64_t firstTs = 0;
        std::uint64_t offset = 0;  // into bytes_
        std::uint32_t count = 0;
        std::uint32_t bytes = 0;
        std::int32_t firstItem = 0;
    };
    // Appends the customers of `rows` (sorted by user here; users must be above any already added).
    void append(std::vector<Row>& rows);
    void finish();

    std::vector<Customer> customers_;  // ascending user id
    std::vector<std::uint8_t> bytes_;
    std::size_t events_ = 0;
    std::int64_t firstEvent_ = 0, lastEvent_ = 0;
    bool amounts_ = false;
};

}  // namespace ss
