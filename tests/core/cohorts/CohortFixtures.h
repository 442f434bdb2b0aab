// Small hand-made shops for the cohort and survival tests: every expected number in the tests was
// counted by hand from these events (see the comments).
#pragma once

#include <cstdint>
#include <vector>

#include "store/ActivityLog.h"

namespace sstest {

constexpr std::int64_t kMonday = 1704067200;  // 2024-01-01T00:00:00Z, a Monday

inline std::int64_t at(int day, int hour, int minute = 0) {
    return kMonday + day * 86400LL + hour * 3600LL + minute * 60LL;
}

inline ss::ActivityLog::Row row(std::int64_t user, std::int64_t ts, ss::EventType type, float amount = 0.0f, std::int32_t item = 1) {
    ss::ActivityLog::Row r;
    r.user = user;
    r.ts = ts;
    r.type = type;
    r.item = item;
    r.amount = amount;
    r.hasAmount = amount != 0.0f;
    return r;
}

// Five customers over days 0–4 of the week of 2024-01-01 (UTC); the data ends on day 4 at 22:00.
//   u1: view d0 10h, view d1 9h, purchase d3 12h (10.0)
//   u2: view d0 23h, cart d2 1h
//   u3: view d1 8h, view d1 20h, purchase d2 8h (5.0), view d4 8h
//   u4: purchase d1 12h (20.0)
//   u5: view d4 22h
inline ss::ActivityLog smallShop() {
    using ss::EventType;
    std::vector<ss::ActivityLog::Row> rows = {
        row(3, at(4, 8), EventType::View),  // rows deliberately out of order: the log sorts them
        row(1, at(0, 10), EventType::View),
        row(1, at(1, 9), EventType::View),
        row(1, at(3, 12), EventType::Purchase, 10.0f),
        row(2, at(0, 23), EventType::View),
        row(2, at(2, 1), EventType::Cart),
        row(3, at(1, 8), EventType::View),
        row(3, at(1, 20), EventType::View),
        row(3, at(2, 8), EventType::Purchase, 5.0f),
        row(4, at(1, 12), EventType::Purchase, 20.0f),
        row(5, at(4, 22), EventType::View),
    };
    return ss::ActivityLog::fromRows(std::move(rows));
}

}  // namespace sstest
