// jsonNearlyEqual: two JSON documents equal in shape and values, doubles within a relative 1e-12
// (Boost.JSON's parser may round a double's last bit), printing the first difference.
#pragma once

#include <QtTest>

#include <cmath>
#include <string>

#include <boost/json.hpp>

namespace sstest {

inline bool jsonNearlyEqual(const boost::json::value& a, const boost::json::value& b, const std::string& path = "$") {
    auto fail = [&] {
        qWarning("JSON differs at %s: %s vs %s", path.c_str(), boost::json::serialize(a).substr(0, 80).c_str(),
                 boost::json::serialize(b).substr(0, 80).c_str());
        return false;
    };
    if (a.is_double() || b.is_double()) {
        if (!a.is_number() || !b.is_number()) return fail();
        const double x = a.to_number<double>(), y = b.to_number<double>();
        return std::abs(x - y) <= 1e-12 * std::max(std::abs(x), std::abs(y)) ? true : fail();
    }
    if (a.kind() != b.kind()) return fail();
    if (a.is_array()) {
        const auto &x = a.get_array(), &y = b.get_array();
        if (x.size() != y.size()) return fail();
        for (std::size_t i = 0; i < x.size(); ++i)
            if (!jsonNearlyEqual(x[i], y[i], path + "[" + std::to_string(i) + "]")) return false;
        return true;
    }
    if (a.is_object()) {
        const auto &x = a.get_object(), &y = b.get_object();
        if (x.size() != y.size()) return fail();
        for (const auto& [k, v] : x) {
            const auto* other = y.if_contains(k);
            if (!other || !jsonNearlyEqual(v, *other, path + "." + std::string(k))) return false;
        }
        return true;
    }
    return a == b ? true : fail();
}

}  // namespace sstest
