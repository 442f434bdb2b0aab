#include "TimeUtil.h"

#include <charconv>
#include <cstdio>

namespace ss {

std::int64_t daysFromCivil(int y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

void civilFromDays(std::int64_t z, int& year, unsigned& month, unsigned& day) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    day = doy - (153 * mp + 2) / 5 + 1;
    month = mp < 10 ? mp + 3 : mp - 9;
    year = static_cast<int>(yoe + era * 400 + (month <= 2));
}

std::string isoDate(std::int64_t t) {
    int y; unsigned m, d;
    civilFromDays(floorDiv(t, 86400), y, m, d);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return buf;
}

std::string isoDateTime(std::int64_t t) {
    const std::int64_t secs = t - floorDiv(t, 86400) * 86400;
    char buf[32];
    std::snprintf(buf, sizeof buf, "T%02d:%02d:%02dZ", int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
    return isoDate(t) + buf;
}

namespace {

bool readInt(std::string_view s, std::size_t pos, std::size_t len, int& out) {
    if (pos + len > s.size()) return false;
    for (std::size_t i = pos; i < pos + len; ++i)
        if (s[i] < '0' || s[i] > '9') return false;
    std::from_chars(s.data() + pos, s.data() + pos + len, out);
    return true;
}

bool validDate(int y, int m, int d) {
    if (y < 1 || m < 1 || m > 12 || d < 1) return false;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap);
}

std::optional<std::int64_t> slashDate(std::string_view s) {
    // M/D/YYYY[ H:MM[:SS]]
    int parts[3] = {0, 0, 0};
    std::size_t i = 0;
    for (int p = 0; p < 3; ++p) {
        const std::size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        if (i == start || i - start > 4) return std::nullopt;
        std::from_chars(s.data() + start, s.data() + i, parts[p]);
        if (p < 2) {
            if (i >= s.size() || s[i] != '/') return std::nullopt;
            ++i;
        }
    }
    if (!validDate(parts[2], parts[0], parts[1])) return std::nullopt;
    std::int64_t t = daysFromCivil(parts[2], unsigned(parts[0]), unsigned(parts[1])) * 86400;
    if (i == s.size()) return t;
    if (s[i] != ' ') return std::nullopt;
    ++i;
    int h = 0, mi = 0, se = 0;
    const std::size_t hs = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    if (i == hs || i - hs > 2 || i >= s.size() || s[i] != ':') return std::nullopt;
    std::from_chars(s.data() + hs, s.data() + i, h);
    if (!readInt(s, i + 1, 2, mi)) return std::nullopt;
    i += 3;
    if (i < s.size()) {
        if (s[i] != ':' || !readInt(s, i + 1, 2, se) || i + 3 != s.size()) return std::nullopt;
    }
    if (h > 23 || mi > 59 || se > 60) return std::nullopt;
    return t + h * 3600 + mi * 60 + se;
}

}  // namespace

std::optional<std::int64_t> parseDateTime(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    if (s.find('/') != std::string_view::npos) return slashDate(s);
    int y, m, d;
    std::size_t pos;
    if (s.size() == 8) {
        if (!readInt(s, 0, 4, y) || !readInt(s, 4, 2, m) || !readInt(s, 6, 2, d)) return std::nullopt;
        pos = 8;
    } else {
        if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
        if (!readInt(s, 0, 4, y) || !readInt(s, 5, 2, m) || !readInt(s, 8, 2, d)) return std::nullopt;
        pos = 10;
    }
    if (!validDate(y, m, d)) return std::nullopt;
    std::int64_t t = daysFromCivil(y, unsigned(m), unsigned(d)) * 86400;
    if (pos == s.size()) return t;
    if (s[pos] != 'T' && s[pos] != ' ') return std::nullopt;
    int h, mi, se = 0;
    if (!readInt(s, pos + 1, 2, h) || pos + 3 >= s.size() || s[pos + 3] != ':' || !readInt(s, pos + 4, 2, mi))
        return std::nullopt;
    pos += 6;
    if (pos < s.size() && s[pos] == ':') {
        if (!readInt(s, pos + 1, 2, se)) return std::nullopt;
        pos += 3;
        if (pos < s.size() && s[pos] == '.') {  // fractional seconds are dropped
            ++pos;
            while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
        }
    }
    if (h > 23 || mi > 59 || se > 60) return std::nullopt;
    t += h * 3600 + mi * 60 + se;
    if (pos == s.size()) return t;
    if (s[pos] == 'Z' && pos + 1 == s.size()) return t;
    if ((s[pos] == '+' || s[pos] == '-') && s.size() - pos == 6 && s[pos + 3] == ':') {
        int oh, om;
        if (!readInt(s, pos + 1, 2, oh) || !readInt(s, pos + 4, 2, om)) return std::nullopt;
        const int offset = (oh * 3600 + om * 60) * (s[pos] == '+' ? 1 : -1);
        return t - offset;
    }
    return std::nullopt;
}

}  // namespace ss
