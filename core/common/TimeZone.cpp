#include "TimeZone.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <cctype>
#include <fstream>
#include <iterator>

#include "TimeUtil.h"

namespace ss {

// std, dst: seconds east of UTC. A rule date is one of POSIX's three forms; time is seconds after local
// midnight (may be negative or beyond 24 h in TZif v3+).
struct TimeZone::PosixRule {
    struct Date {
        char kind = 'M';  // 'J': 1..365 without Feb 29; 'N': 0..365 with it; 'M': month.week.weekday
        int a = 0, b = 0, c = 0;
        int time = 7200;
    };
    int stdOffset = 0;
    bool hasDst = false;
    int dstOffset = 0;
    Date start, end;
};

namespace {

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Day number (days since 1970-01-01) of a rule date in `year`.
std::int64_t ruleDay(const TimeZone::PosixRule::Date& d, int year) {
    const std::int64_t jan1 = daysFromCivil(year, 1, 1);
    if (d.kind == 'J') return jan1 + d.a - 1 + (isLeap(year) && d.a >= 60 ? 1 : 0);
    if (d.kind == 'N') return jan1 + d.a;
    const auto month = static_cast<unsigned>(d.a);
    const std::int64_t first = daysFromCivil(year, month, 1);
    const int firstWeekday = static_cast<int>(((first % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
    std::int64_t day = first + (d.c - firstWeekday + 7) % 7 + 7 * (d.b - 1);
    const unsigned nextMonth = month == 12 ? 1 : month + 1;
    const std::int64_t monthEnd = daysFromCivil(month == 12 ? year + 1 : year, nextMonth, 1);
    while (day >= monthEnd) day -= 7;  // week 5 means the last such weekday
    return day;
}

class RuleParser {
public:
    explicit RuleParser(std::string_view s) : s_(s) {}

    Result<TimeZone::PosixRule> parse() {
        TimeZone::PosixRule r;
        if (!name()) return fail("a zone abbreviation");
        auto std = offset();
        if (!std) return fail("the standard offset");
        r.stdOffset = -*std;  // POSIX offsets count hours west of UTC
        if (done()) return r;
        if (!name()) return fail("a daylight-saving abbreviation");
        r.hasDst = true;
        r.dstOffset = r.stdOffset + 3600;
        if (!done() && peek() != ',') {
            auto dst = offset();
            if (!dst) return fail("the daylight-saving offset");
            r.dstOffset = -*dst;
        }
        if (done()) {  // no rule given: POSIX's default is the US rule
            r.start = {'M', 3, 2, 0, 7200};
            r.end = {'M', 11, 1, 0, 7200};
            return r;
        }
        if (!eat(',') || !date(r.start) || !eat(',') || !date(r.end) || !done()) return fail("the transition rule");
        return r;
    }

private:
    Error fail(const std::string& what) const {
        return makeError(ErrorCode::InputData, "cannot read " + what + " in the time-zone rule '" + std::string(s_) + "'");
    }
    bool done() const { return i_ >= s_.size(); }
    char peek() const { return done() ? '\0' : s_[i_]; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++i_;
        return true;
    }
    bool name() {
        if (eat('<')) {
            const auto close = s_.find('>', i_);
            if (close == std::string_view::npos || close == i_) return false;
            i_ = close + 1;
            return true;
        }
        const auto start = i_;
        while (!done() && std::isalpha(static_cast<unsigned char>(peek()))) ++i_;
        return i_ - start >= 3;
    }
    bool number(int& out, int maxDigits) {
        int digits = 0;
        out = 0;
        while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && digits < maxDigits) {
            out = out * 10 + (s_[i_++] - '0');
            ++digits;
        }
        return digits > 0;
    }
    // [+-]hh[:mm[:ss]] as signed seconds.
    std::optional<int> offset() {
        int sign = 1;
        if (eat('-')) sign = -1;
        else eat('+');
        int h = 0, m = 0, sec = 0;
        if (!number(h, 3)) return std::nullopt;
        if (eat(':')) {
            if (!number(m, 2)) return std::nullopt;
            if (eat(':') && !number(sec, 2)) return std::nullopt;
        }
        return sign * (h * 3600 + m * 60 + sec);
    }
    bool date(TimeZone::PosixRule::Date& d) {
        if (eat('M')) {
            d.kind = 'M';
            if (!number(d.a, 2) || !eat('.') || !number(d.b, 1) || !eat('.') || !number(d.c, 1)) return false;
            if (d.a < 1 || d.a > 12 || d.b < 1 || d.b > 5 || d.c > 6) return false;
        } else if (eat('J')) {
            d.kind = 'J';
            if (!number(d.a, 3) || d.a < 1 || d.a > 365) return false;
        } else {
            d.kind = 'N';
            if (!number(d.a, 3) || d.a > 365) return false;
        }
        d.time = 7200;
        if (eat('/')) {
            auto t = offset();
            if (!t) return false;
            d.time = *t;
        }
        return true;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

int ruleOffset(const TimeZone::PosixRule& r, std::int64_t utc) {
    if (!r.hasDst) return r.stdOffset;
    int year;
    unsigned m, d;
    civilFromDays(floorDiv(utc + r.stdOffset, 86400), year, m, d);
    // Transition instants in UTC: the start is given in standard time, the end in daylight time.
    const std::int64_t start = ruleDay(r.start, year) * 86400 + r.start.time - r.stdOffset;
    const std::int64_t end = ruleDay(r.end, year) * 86400 + r.end.time - r.dstOffset;
    const bool inDst = start < end ? (utc >= start && utc < end) : !(utc >= end && utc < start);
    return inDst ? r.dstOffset : r.stdOffset;
}

std::int64_t readBigEndian(const std::byte* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<std::uint8_t>(p[i]);
    if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

}  // namespace

TimeZone TimeZone::utc() { return TimeZone(); }

Result<TimeZone> TimeZone::fromPosixRule(std::string_view rule, std::string name) {
    auto parsed = RuleParser(rule).parse();
    if (!parsed) return parsed.error();
    TimeZone tz;
    tz.name_ = std::move(name);
    tz.initialOffset_ = parsed->stdOffset;
    tz.rule_ = std::make_shared<const PosixRule>(*parsed);
    return tz;
}

Result<TimeZone> TimeZone::fromTzif(std::span<const std::byte> data, std::string name) {
    auto bad = [&](const std::string& why) {
        return makeError(ErrorCode::InputData, "not a valid compiled time-zone file: " + why, name);
    };
    struct Counts {
        std::int64_t isut, isstd, leap, time, type, chars;
    };
    auto header = [&](std::size_t at, Counts& c) -> bool {
        if (data.size() < at + 44) return false;
        if (std::memcmp(data.data() + at, "TZif", 4) != 0) return false;
        const std::byte* p = data.data() + at + 20;
        c = {readBigEndian(p, 4), readBigEndian(p + 4, 4), readBigEndian(p + 8, 4),
             readBigEndian(p + 12, 4), readBigEndian(p + 16, 4), readBigEndian(p + 20, 4)};
        return c.isut >= 0 && c.isstd >= 0 && c.leap >= 0 && c.time >= 0 && c.type >= 1 && c.type <= 256 && c.chars >= 0;
    };
    auto blockSize = [](const Counts& c, int timeBytes) {
        return c.time * timeBytes + c.time + c.type * 6 + c.chars + c.leap * (timeBytes + 4) + c.isstd + c.isut;
    };
    Counts c{};
    if (!header(0, c)) return bad("bad header");
    const char version = static_cast<char>(data[4]);
    std::size_t at = 44;
    int timeBytes = 4;
    if (version >= '2') {  // skip the 32-bit block; read the 64-bit one that follows
        at += static_cast<std::size_t>(blockSize(c, 4));
        if (!header(at, c)) return bad("bad second header");
        at += 44;
        timeBytes = 8;
    }
    if (data.size() < at + static_cast<std::size_t>(blockSize(c, timeBytes))) return bad("truncated");
    const std::byte* p = data.data() + at;
    TimeZone tz;
    tz.name_ = std::move(name);
    std::vector<int> typeOffsets(static_cast<std::size_t>(c.type));
    const std::byte* types = p + c.time * timeBytes + c.time;
    for (std::int64_t i = 0; i < c.type; ++i) {
        const auto off = readBigEndian(types + i * 6, 4);
        if (off < -89999 || off > 93599) return bad("offset out of range");
        typeOffsets[static_cast<std::size_t>(i)] = static_cast<int>(off);
    }
    tz.initialOffset_ = typeOffsets[0];
    for (std::int64_t i = 0; i < c.time; ++i) {
        const auto t = readBigEndian(p + i * timeBytes, timeBytes);
        const auto idx = static_cast<std::uint8_t>(p[c.time * timeBytes + i]);
        if (idx >= c.type) return bad("transition names an unknown local-time type");
        if (!tz.transitions_.empty() && t <= tz.transitions_.back()) return bad("transitions out of order");
        tz.transitions_.push_back(t);
        tz.offsetAfter_.push_back(typeOffsets[idx]);
    }
    if (timeBytes == 8) {
        const std::size_t footer = at + static_cast<std::size_t>(blockSize(c, 8));
        if (footer < data.size() && static_cast<char>(data[footer]) == '\n') {
            const auto* text = reinterpret_cast<const char*>(data.data()) + footer + 1;
            const auto* endp = reinterpret_cast<const char*>(data.data()) + data.size();
            const auto* nl = std::find(text, endp, '\n');
            const std::string_view rule(text, static_cast<std::size_t>(nl - text));
            if (!rule.empty()) {
                auto parsed = RuleParser(rule).parse();
                if (!parsed) return parsed.error();
                tz.rule_ = std::make_shared<const PosixRule>(*parsed);
            }
        }
    }
    return tz;
}

Result<TimeZone> TimeZone::load(std::string_view ianaName, const std::filesystem::path& zoneinfoDir) {
    const std::string name(ianaName);
    if (name == "UTC" || name == "Etc/UTC" || name == "Z") {
        TimeZone tz;
        tz.name_ = name == "Z" ? "UTC" : name;
        return tz;
    }
    const bool safe = !name.empty() && name.front() != '/' && name.find("..") == std::string::npos &&
                      std::all_of(name.begin(), name.end(), [](char ch) {
                          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '/' || ch == '_' || ch == '-' || ch == '+';
                      });
    if (!safe) return makeError(ErrorCode::InputData, "not an IANA time-zone name (e.g. Asia/Shanghai, Europe/Berlin, UTC)", name);
    std::ifstream in(zoneinfoDir / name, std::ios::binary);
    if (!in) return makeError(ErrorCode::InputData, "unknown time zone (no such file under " + zoneinfoDir.string() + "; is tzdata installed?)", name);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return fromTzif(std::as_bytes(std::span(bytes)), name);
}

int TimeZone::lookup(std::int64_t utc) const {
    if (transitions_.empty() || utc < transitions_.front()) {
        if (transitions_.empty() && rule_) return ruleOffset(*rule_, utc);
        return initialOffset_;
    }
    if (utc >= transitions_.back() && rule_) return ruleOffset(*rule_, utc);
    const auto it = std::upper_bound(transitions_.begin(), transitions_.end(), utc);
    return offsetAfter_[static_cast<std::size_t>(it - transitions_.begin()) - 1];
}

bool TimeZone::offsetConstantBetween(std::int64_t from, std::int64_t to) const {
    if (to < from) std::swap(from, to);
    // Transitions from the table: none may fall in (from, to].
    const auto next = std::upper_bound(transitions_.begin(), transitions_.end(), from);
    if (next != transitions_.end() && *next <= to) return false;
    // Past the table the footer rule applies: a rule with daylight saving changes twice a year.
    const bool reachesRule = rule_ && (transitions_.empty() || to >= transitions_.back());
    return !reachesRule || !rule_->hasDst;
}

}  // namespace ss
