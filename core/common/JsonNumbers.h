// JSON numbers of result types: a non-finite value (an undefined rate, a median never reached) is
// written as null, and read back as the caller's fallback. Any thread.
#pragma once

#include <cmath>

#include <boost/json/value.hpp>

namespace ss {

inline boost::json::value jsonNumber(double x) { return std::isfinite(x) ? boost::json::value(x) : boost::json::value(nullptr); }

inline double numberOr(const boost::json::value& v, double fallback) {
    if (v.is_double()) return v.get_double();
    if (v.is_int64()) return static_cast<double>(v.get_int64());
    if (v.is_uint64()) return static_cast<double>(v.get_uint64());
    return fallback;
}

}  // namespace ss
