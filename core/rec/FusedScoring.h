// FusedScoring: a block of users scored against a tile of a dense model's item rows and offered to
// their top-K lists in one pass, on CPUs with AVX-512. The scores of 8 users × 32 items are summed in
// registers and compared with each user's current k-th best there; only the rare group that holds a
// candidate is written out and offered. The BLAS path instead packs the tile again on every call,
// zeroes and writes a users × tile score matrix and reads it back for the selection, which costs a
// 64-wide product (ALS, the two-tower) a large part of its time.
// The sums run over the dimension in order, one fused multiply-add at a time, so scores can differ
// from the BLAS product's in the last bits; the picks follow TopKAccumulator's rules exactly.
// Pure functions (the accumulators passed in are the caller's): any thread.
#pragma once

#include <vector>

namespace ss::rec {

class TopKAccumulator;
struct DistinctRows;

class FusedScoring {
public:
    // True on an x86-64 CPU with AVX-512F in a GCC build, unless turned off by setEnabled(false).
    static bool available();
    // Tests and benchmarks: compare with the BLAS path (process-wide).
    static void setEnabled(bool enabled);

    // Rows [begin, end) of `items` (row-major, `dim` wide) in the kernel's layout, into `packed`
    // (resized; reused from call to call).
    static void pack(const float* items, int dim, int begin, int end, std::vector<float>& packed);
    // Each of `users` query rows (row-major, `dim` wide) against the packed rows [begin, end): every
    // score that could enter a list is offered to tops[u] — by item (offer) or, with `shared`, by
    // distinct row (offerShared). Calls must come in ascending ranges for each accumulator.
    static void scoreAndOffer(const float* queries, int users, int dim, const std::vector<float>& packed, int begin, int end,
                              TopKAccumulator* tops, const DistinctRows* shared);
};

}  // namespace ss::rec
