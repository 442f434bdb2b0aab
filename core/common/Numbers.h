// Numbers: the one way ShelfSense reads a number from text (import fields, CSV cells, command-line
// options, parameters, weights). The whole text must be the number; blanks (spaces, tabs) around it
// and a leading '+' are allowed; no locale, no hex, no partial reads ("3x" is not 3). Any thread.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace ss {

inline std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

inline std::optional<std::int64_t> parseInt64(std::string_view s) {
    s = trimmed(s);
    if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);  // "+-1" stays wrong
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

// An int within its range (a count, a day number, a parameter).
inline std::optional<int> parseInt(std::string_view s) {
    const auto v = parseInt64(s);
    if (!v || *v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(*v);
}

// Accepts "inf" and "nan" (import fields keep them and reject them with their own message).
inline std::optional<double> parseDouble(std::string_view s) {
    s = trimmed(s);
    if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);
    double v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

// A finite number: scores, weights, parameters and options.
inline std::optional<double> parseFiniteDouble(std::string_view s) {
    const auto v = parseDouble(s);
    if (!v || !std::isfinite(*v)) return std::nullopt;
    return v;
}

}  // namespace ss
