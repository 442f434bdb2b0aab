// TimeZone: an IANA time zone (e.g. "Asia/Shanghai", "Europe/Berlin") read from the system's
// compiled zone files (TZif, RFC 8536, Debian's tzdata), giving the UTC offset at any instant,
// daylight-saving changes included; instants past the file's last transition follow its POSIX rule.
// Core needs calendar days, weeks and months in the shop's own zone (retention cohorts), and
// GCC 12's standard library has no std::chrono::tzdb. Immutable after load: any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/Result.h"

namespace ss {

class TimeZone {
public:
    static TimeZone utc();
    // "UTC" (and "Etc/UTC") needs no file; other names are looked up under zoneinfoDir.
    static Result<TimeZone> load(std::string_view ianaName,
                                 const std::filesystem::path& zoneinfoDir = "/usr/share/zoneinfo");
    // Parses TZif bytes (version 1 to 4); `name` is used in messages and by name().
    static Result<TimeZone> fromTzif(std::span<const std::byte> data, std::string name);
    // A POSIX TZ rule alone, e.g. "CET-1CEST,M3.5.0,M10.5.0/3" (also the footer of TZif v2+ files).
    static Result<TimeZone> fromPosixRule(std::string_view rule, std::string name);

    const std::string& name() const { return name_; }
    // Seconds east of UTC in force at the UTC instant `utc` (Shanghai: 28800).
    int offsetAt(std::int64_t utc) const { return transitions_.empty() && !rule_ ? initialOffset_ : lookup(utc); }
    // Wall-clock seconds since 1970-01-01T00:00 local (utc + offset): local day = floor(local / 86400).
    std::int64_t toLocal(std::int64_t utc) const { return utc + offsetAt(utc); }

    // True only when the offset is surely the same at every instant of [from, to]: no transition of
    // the zone's table inside, and past the table a rule without daylight saving. Then local time
    // rises with UTC over that span, and whatever is monotone in one is monotone in the other.
    bool offsetConstantBetween(std::int64_t from, std::int64_t to) const;

    struct PosixRule;  // parsed footer rule (defined in the .cpp)

private:
    int lookup(std::int64_t utc) const;

    std::string name_ = "UTC";
    std::vector<std::int64_t> transitions_;  // UTC instants, ascending
    std::vector<int> offsetAfter_;           // offset in force from transitions_[i] on
    int initialOffset_ = 0;                  // before the first transition
    std::shared_ptr<const PosixRule> rule_;  // after the last transition (may be null)
};

}  // namespace ss
