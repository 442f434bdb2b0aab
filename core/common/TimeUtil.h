// Calendar helpers on unix seconds (UTC): ISO-8601 formatting and parsing of the date forms that
// real data uses. Pure functions: any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ss {

// Division rounding towards minus infinity (a day or week index of a time before 1970 too).
inline std::int64_t floorDiv(std::int64_t a, std::int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);
void civilFromDays(std::int64_t days, int& year, unsigned& month, unsigned& day);

std::string isoDateTime(std::int64_t unixSeconds);  // 2017-11-25T03:07:50Z
std::string isoDate(std::int64_t unixSeconds);      // 2017-11-25

// Accepts YYYYMMDD, YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS][Z|±HH:MM], and M/D/YYYY H:MM (Online Retail).
std::optional<std::int64_t> parseDateTime(std::string_view text);

}  // namespace ss
