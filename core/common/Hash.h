// Hash: SplitMix64's finaliser, the one mixing function for seeded decisions that must not depend
// on row order (which reviewer lands in which part of a split, ...). Any thread.
#pragma once

#include <cstdint>

namespace ss {

inline std::uint64_t mix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

// A uniform number in [0, 1) decided by (seed, key) alone.
inline double unitHash(std::uint64_t seed, std::uint64_t key) {
    return static_cast<double>(mix64(mix64(seed) ^ key) >> 11) * 0x1.0p-53;
}

}  // namespace ss
