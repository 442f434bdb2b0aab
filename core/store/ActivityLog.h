// ActivityLog: every customer's events in a compact, read-only form — grouped by customer, sorted by
// time, each event a varint of (time delta, behaviour, has-amount) followed by the amount where the
// source had one (about 2–3 bytes an event), then the customer's purchases again on their own — which
// the retention and survival engines scan. Each customer's first and last time are kept beside the
// bytes. It is built from the events table (in passes of bounded memory), and kept in the project as
// the activity summary (ActivitySummary) so that reading it back takes one pass over a few blobs.
// Built on one thread; read-only afterwards, so any thread may read it.
#pragma once

#include <cstdint>
#include <cstring>
#include <iterator>
#include <vector>

#include "EventType.h"
#include "Varint.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

class Database;

struct ActivityEvent {
    std::int64_t ts = 0;    // unix seconds (UTC)
    float amount = 0.0f;    // a purchase's amount where the source had one (transactions), else 0
    EventType type = EventType::View;
};

// Decodes the event at p (time delta from `ts`, behaviour, amount) and moves p past it. Unchecked: the
// bytes were checked when the log was read, and at least 8 readable bytes follow any event's start.
// `amounts`: whether the customer's events carry amounts (without, the amount bit is never followed).
inline void decodeActivityEvent(const std::uint8_t*& p, std::int64_t& ts, ActivityEvent& out, bool amounts) {
    std::uint64_t v = 0;
    if (const unsigned length = readVarint8(p, v)) {
        p += length;
    } else {  // longer than 8 bytes: byte by byte (bits past 64 are dropped)
        for (int shift = 0;; shift += 7) {
            const std::uint8_t b = *p++;
            if (shift < 64) v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (b < 0x80) break;
        }
    }
    // Unsigned: times in a damaged summary wrap around instead of overflowing.
    ts = static_cast<std::int64_t>(static_cast<std::uint64_t>(ts) + (v >> 3));
    out.ts = ts;
    out.type = static_cast<EventType>((v & 3) + 1);
    out.amount = 0.0f;
    if ((v & 4) && amounts) {
        std::memcpy(&out.amount, p, sizeof(float));
        p += sizeof(float);
    }
}

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
            Iterator(const std::uint8_t* p, std::uint32_t left, std::int64_t ts, bool amounts)
                : p_(p), left_(left), ts_(ts), amounts_(amounts) {
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
            void decode() { decodeActivityEvent(p_, ts_, current_, amounts_); }
            const std::uint8_t* p_ = nullptr;
            std::uint32_t left_ = 0;
            std::int64_t ts_ = 0;
            bool amounts_ = false;
            ActivityEvent current_;
        };

        Events(const std::uint8_t* p, std::uint32_t count, std::int64_t firstTs, std::int64_t lastTs, bool amounts, bool purchases)
            : p_(p), count_(count), firstTs_(firstTs), lastTs_(lastTs), amounts_(amounts), purchases_(purchases) {}
        Iterator begin() const { return Iterator(p_, count_, firstTs_, amounts_); }
        std::default_sentinel_t end() const { return {}; }
        std::size_t size() const { return count_; }
        bool empty() const { return count_ == 0; }
        std::int64_t firstTime() const { return firstTs_; }
        std::int64_t lastTime() const { return lastTs_; }  // without decoding
        bool hasPurchases() const { return purchases_; }  // without decoding

    private:
        const std::uint8_t* p_;
        std::uint32_t count_;
        std::int64_t firstTs_, lastTs_;
        bool amounts_, purchases_;
    };

    // From the activity summary when it is current, else by scanning the events table; cancellable.
    static Result<ActivityLog> load(Database& db, const JobContext& job = {});
    // By scanning the events table alone (what the summary is built from), in passes over ranges of
    // users that hold at most about `rowsPerPass` raw events in memory at once (24 bytes each).
    static constexpr std::size_t kRowsPerPass = 12'000'000;
    static Result<ActivityLog> scan(Database& db, const JobContext& job = {}, std::size_t rowsPerPass = kRowsPerPass);
    static ActivityLog fromRows(std::vector<Row> rows);

    std::size_t customers() const { return customers_.size(); }
    std::int64_t userId(std::size_t c) const { return customers_[c].userId; }
    Events events(std::size_t c) const {
        const auto& k = customers_[c];
        return Events(bytes_.data() + k.offset, k.count, k.firstTs, k.lastTs, k.amounts, k.purchases);
    }
    // The customer's purchases alone (what purchase measures need, without walking every event);
    // firstTime() and lastTime() are still the customer's.
    Events purchases(std::size_t c) const {
        const auto& k = customers_[c];
        return Events(bytes_.data() + k.offset + k.bytes, k.purchaseCount, k.firstTs, k.lastTs, k.amounts, k.purchases);
    }
    std::int32_t firstItem(std::size_t c) const { return customers_[c].firstItem; }
    std::size_t eventCount() const { return events_; }
    std::size_t encodedBytes() const { return bytes_.size(); }
    // Zero bytes after the last customer's, so that a varint can be read with one 8-byte load.
    static constexpr std::size_t kDecodePadding = 8;
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
        std::int64_t lastTs = 0;
        std::uint32_t purchaseCount = 0;  // the purchases again, encoded alone after the events
        std::uint32_t purchaseBytes = 0;
        bool amounts = false;    // some event carries an amount
        bool purchases = false;  // some event is a purchase
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
