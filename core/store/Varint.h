// LEB128 varints (7 bits a byte, low bits first) for the activity summary's compact encoding.
// Pure functions: any thread.
#pragma once

#include <cstdint>
#include <vector>

namespace ss {

inline void putVarint(std::vector<std::uint8_t>& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<std::uint8_t>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<std::uint8_t>(v));
}

// Bounds-checked read: false when the bytes end (or run past 64 bits) before the varint does.
inline bool getVarint(const std::uint8_t*& p, const std::uint8_t* end, std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const std::uint8_t b = *p++;
        v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
        if (b < 0x80) return true;
    }
    return false;
}

}  // namespace ss
