// Hash: the project's two hashes. Fnv1a is the one content hash (64-bit FNV-1a): file
// fingerprints, review content keys and the import's id index use it; dataset fingerprints use its
// word-at-a-time form. Its
// offset basis is 1469598103934665603, the published 14695981039346656037 with the last digit lost
// in the first version of this code; stored fingerprints and review keys depend on it, so it stays
// (the algorithm is FNV-1a's: with the published basis it gives the published values, tested).
// mix64 (SplitMix64's finaliser) is the one mixing function for seeded decisions that must not
// depend on row order (which reviewer lands in which part of a split, ...). Plain values, any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ss {

class Fnv1a {
public:
    static constexpr std::uint64_t kOffsetBasis = 1469598103934665603ULL;       // ShelfSense's (see above)
    static constexpr std::uint64_t kPublishedOffsetBasis = 14695981039346656037ULL;
    static constexpr std::uint64_t kPrime = 1099511628211ULL;

    explicit Fnv1a(std::uint64_t offsetBasis = kOffsetBasis) : value_(offsetBasis) {}

    Fnv1a& addByte(unsigned char byte) {
        value_ = (value_ ^ byte) * kPrime;
        return *this;
    }
    Fnv1a& add(const char* data, std::size_t size) {
        for (std::size_t i = 0; i < size; ++i) addByte(static_cast<unsigned char>(data[i]));
        return *this;
    }
    Fnv1a& add(std::string_view bytes) { return add(bytes.data(), bytes.size()); }
    // A 64-bit number as its eight bytes, least significant first (the same on every machine).
    Fnv1a& addLittleEndian(std::uint64_t v) {
        for (int b = 0; b < 8; ++b) addByte(static_cast<unsigned char>((v >> (8 * b)) & 0xFF));
        return *this;
    }
    // A whole 64-bit number in one step, xor then multiply as FNV-1a does per byte. Not FNV-1a (whose
    // values the byte form keeps), but eight times fewer dependent multiplies for long runs of numbers;
    // any one changed number still changes the value (each step is a bijection of the state).
    Fnv1a& addWord(std::uint64_t v) {
        value_ = (value_ ^ v) * kPrime;
        return *this;
    }
    std::uint64_t value() const { return value_; }

private:
    std::uint64_t value_;
};

inline std::uint64_t fnv1a(std::string_view bytes) { return Fnv1a().add(bytes).value(); }

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
