// Base64 (RFC 4648, with padding) of raw bytes: how `embed --jsonl` writes float32 vectors compactly
// for other programs (Python: numpy.frombuffer(base64.b64decode(s), "<f4")). Pure: any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace ss {

inline std::string toBase64(std::span<const std::byte> bytes) {
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const auto v = (std::to_integer<std::uint32_t>(bytes[i]) << 16) | (std::to_integer<std::uint32_t>(bytes[i + 1]) << 8) |
                       std::to_integer<std::uint32_t>(bytes[i + 2]);
        out += {kDigits[v >> 18], kDigits[(v >> 12) & 63], kDigits[(v >> 6) & 63], kDigits[v & 63]};
    }
    if (const std::size_t left = bytes.size() - i; left > 0) {
        std::uint32_t v = std::to_integer<std::uint32_t>(bytes[i]) << 16;
        if (left == 2) v |= std::to_integer<std::uint32_t>(bytes[i + 1]) << 8;
        out += kDigits[v >> 18];
        out += kDigits[(v >> 12) & 63];
        out += left == 2 ? kDigits[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

}  // namespace ss
