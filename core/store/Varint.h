// LEB128 varints (7 bits a byte, low bits first) for the activity summary's compact encoding.
// Pure functions: any thread.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

// Unchecked read of a varint of up to 8 bytes with one 8-byte load and no branch per byte (the
// summary's varints are 1–4 bytes of unpredictable length): the caller guarantees that 8 bytes are
// readable at p. Returns the varint's length, or 0 when it is longer than 8 bytes (then use getVarint).
// The 8 bytes at p as a little-endian word (byte k in bits 8k..8k+7).
inline std::uint64_t loadLittle64(const std::uint8_t* p) {
    std::uint64_t w;
    std::memcpy(&w, p, sizeof w);
    if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
    return w;
}

inline unsigned readVarint8(const std::uint8_t* p, std::uint64_t& v) {
    std::uint64_t w = loadLittle64(p);
    const std::uint64_t stops = ~w & 0x8080808080808080ULL;  // bytes without the continuation bit
    if (stops == 0) return 0;
    const int stop = std::countr_zero(stops);  // 8k + 7 for the k-th byte
    w &= ~std::uint64_t{0} >> (63 - stop);
    v = (w & 0x7F) | (w >> 1 & 0x3F80) | (w >> 2 & 0x1FC000) | (w >> 3 & 0xFE00000) | (w >> 4 & 0x7F0000000) |
        (w >> 5 & 0x3F800000000) | (w >> 6 & 0x1FC0000000000) | (w >> 7 & 0xFE000000000000);
    return static_cast<unsigned>(stop / 8 + 1);
}

// How many varints end in [p, p + n): the bytes without the continuation bit. Reads whole 8-byte
// words, so up to 7 bytes past the range must be readable.
inline std::size_t varintEnds(const std::uint8_t* p, std::size_t n) {
    constexpr std::uint64_t kStopBits = 0x8080808080808080ULL;
    // Each byte's stop bit moved to its bit 0, then the eight bytes summed by one multiply (the
    // sum lands in the top byte): no popcount instruction needed on baseline x86-64.
    auto stops = [](std::uint64_t w) { return static_cast<std::size_t>((((~w & kStopBits) >> 7) * 0x0101010101010101ULL) >> 56); };
    std::size_t ends = 0;
    for (; n >= 8; p += 8, n -= 8) ends += stops(loadLittle64(p));
    if (n > 0) ends += stops(loadLittle64(p) | ~((std::uint64_t{1} << (8 * n)) - 1));  // bytes past the range: continuation
    return ends;
}

}  // namespace ss
