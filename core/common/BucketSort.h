#pragma once
// bucketSort: a least-significant-digit radix sort on an integer key, then each run of equal keys
// sorted on its own — linear where a comparison sort of a hundred million events takes seconds, for
// keys with many small runs (events by second, interactions by customer). Each pass scatters into at
// most 2^11 buckets, so its writes stay sequential per bucket (one scatter into millions of buckets
// measured slower than the comparison sort: every write a cache miss). Needs a second buffer the size
// of the input, whose first touch is much of the time in a virtual machine. Any thread.
#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/Parallel.h"

namespace ss {

// Sorts `v` by `less`, given `keyOf` mapping every element into [0, keys) consistently with `less`
// (a before b implies keyOf(a) <= keyOf(b)). The order is std::sort's up to elements that compare
// equal. `requested` workers as parallelSort.
template <typename T, typename Key, typename Less>
void bucketSort(std::vector<T>& v, std::uint64_t keys, Key keyOf, Less less, std::size_t requested = 0) {
    const std::size_t n = v.size();
    if (n < 2) return;
    const std::size_t workers = workersFor(n, std::size_t(1) << 20, requested);
    const int bits = keys > 1 ? std::bit_width(keys - 1) : 0;
    const int passes = (bits + 10) / 11;
    std::vector<T> other;
    if (passes > 0) other.resize(n);
    const int width = passes ? (bits + passes - 1) / passes : 0;
    const std::size_t buckets = std::size_t(1) << width;
    std::vector<std::size_t> next(workers * buckets);
    for (int pass = 0, shift = 0; pass < passes; ++pass, shift += width) {
        const auto digit = [&](const T& x) { return static_cast<std::size_t>((static_cast<std::uint64_t>(keyOf(x)) >> shift) & (buckets - 1)); };
        std::fill(next.begin(), next.end(), 0);
        forEachShare(n, workers, [&](std::size_t w, std::size_t from, std::size_t to) {
            for (std::size_t i = from; i < to; ++i) ++next[w * buckets + digit(v[i])];
        });
        // Stable: bucket by bucket, each worker's share in order.
        std::size_t at = 0;
        for (std::size_t b = 0; b < buckets; ++b)
            for (std::size_t w = 0; w < workers; ++w) {
                const std::size_t count = next[w * buckets + b];
                next[w * buckets + b] = at;
                at += count;
            }
        forEachShare(n, workers, [&](std::size_t w, std::size_t from, std::size_t to) {
            std::size_t* mine = next.data() + w * buckets;
            for (std::size_t i = from; i < to; ++i) other[mine[digit(v[i])]++] = std::move(v[i]);
        });
        v.swap(other);
    }
    std::vector<T>().swap(other);
    // Each run of equal keys by `less`; a share starts and ends at run boundaries.
    const auto boundary = [&](std::size_t i) {
        while (i > 0 && i < n && keyOf(v[i]) == keyOf(v[i - 1])) ++i;
        return std::min(i, n);
    };
    forEachShare(n, workers, [&](std::size_t, std::size_t from, std::size_t to) {
        from = boundary(from);
        to = boundary(to);
        for (std::size_t a = from, b = from; a < to; a = b) {
            while (b < to && keyOf(v[b]) == keyOf(v[a])) ++b;
            const auto first = v.begin() + static_cast<std::ptrdiff_t>(a), last = v.begin() + static_cast<std::ptrdiff_t>(b);
            if (b - a > 1 && !std::is_sorted(first, last, less)) std::sort(first, last, less);
        }
    });
}

}  // namespace ss
