// JsonFields: reading the fields of a result type's JSON object, tolerant of a missing or mistyped
// field (the caller's fallback then), so fromJson() of an older or hand-edited document never throws.
// Any thread.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "common/JsonNumbers.h"

namespace ss {

inline std::string stringAt(const boost::json::object& o, const char* key, std::string fallback = {}) {
    if (auto it = o.find(key); it != o.end() && it->value().is_string()) return std::string(it->value().as_string());
    return fallback;
}

inline double numberAt(const boost::json::object& o, const char* key, double fallback = 0) {
    if (auto it = o.find(key); it != o.end()) return numberOr(it->value(), fallback);
    return fallback;
}

inline bool boolAt(const boost::json::object& o, const char* key, bool fallback = false) {
    if (auto it = o.find(key); it != o.end() && it->value().is_bool()) return it->value().as_bool();
    return fallback;
}

inline const boost::json::object* objectAt(const boost::json::object& o, const char* key) {
    if (auto it = o.find(key); it != o.end()) return it->value().if_object();
    return nullptr;
}

inline const boost::json::array* arrayAt(const boost::json::object& o, const char* key) {
    if (auto it = o.find(key); it != o.end()) return it->value().if_array();
    return nullptr;
}

}  // namespace ss
