// RowKernels: the small dense operations ALS's conjugate-gradient rows spend their time in, over
// row-major float rows of length f:
//     dotRows:        t[j]  = rows[j] · v            (a block of dot products)
//     addRowsTo:      out  += Σ_j w[j] · rows[j]     (a weighted sum of rows)
//     symmetricTimes: out   = S · v                  (addRowsTo over a symmetric f×f matrix's rows)
//     gatherRows:     the rows a list of indices names, copied next to each other
// Written with GCC/Clang vector extensions in blocks of 8 floats and enough independent accumulators to
// keep two FMA pipes busy, instead of one dependent dot product per row; the callers are compiled once
// per target (function multi-versioning), and these inline into each. When f is not a multiple of 8 the
// plain loops run. Results depend only on the inputs (same on every run of one binary, any thread).
// Pure functions, any thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>

// Forced inline: the callers are compiled per target, and a kernel left out of line would be compiled
// for the portable target only.
#if defined(__GNUC__)
#define SS_ROW_KERNEL inline __attribute__((always_inline))
#else
#define SS_ROW_KERNEL inline
#endif

// The 8-float vectors only pass between these inline functions, so GCC's note that their ABI differs
// without AVX does not apply (Als.cpp, whose multi-versioned functions inline them, says the same in
// its build options).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace ss::rec::rowkernels {

#if defined(__GNUC__)
using Vec8 = float __attribute__((vector_size(32), aligned(4), may_alias));
SS_ROW_KERNEL Vec8 load8(const float* p) { return *reinterpret_cast<const Vec8*>(p); }
SS_ROW_KERNEL void store8(float* p, Vec8 v) { *reinterpret_cast<Vec8*>(p) = v; }
SS_ROW_KERNEL float sum8(Vec8 v) { return ((v[0] + v[4]) + (v[1] + v[5])) + ((v[2] + v[6]) + (v[3] + v[7])); }
#endif

// t[j] = rows[j·f .. j·f+f) · v for j < count.
SS_ROW_KERNEL void dotRows(const float* rows, int count, int f, const float* v, float* t) {
#if defined(__GNUC__)
    if (f % 8 == 0) {
        int j = 0;
        // Four rows at once, two accumulators each: eight independent FMA chains, v loaded once.
        for (; j + 4 <= count; j += 4) {
            const float* r0 = rows + static_cast<std::size_t>(j) * f;
            const float* r1 = r0 + f;
            const float* r2 = r1 + f;
            const float* r3 = r2 + f;
            Vec8 a0{}, a1{}, a2{}, a3{}, b0{}, b1{}, b2{}, b3{};
            int c = 0;
            for (; c + 16 <= f; c += 16) {
                const Vec8 v0 = load8(v + c), v1 = load8(v + c + 8);
                a0 += load8(r0 + c) * v0, b0 += load8(r0 + c + 8) * v1;
                a1 += load8(r1 + c) * v0, b1 += load8(r1 + c + 8) * v1;
                a2 += load8(r2 + c) * v0, b2 += load8(r2 + c + 8) * v1;
                a3 += load8(r3 + c) * v0, b3 += load8(r3 + c + 8) * v1;
            }
            if (c < f) {
                const Vec8 v0 = load8(v + c);
                a0 += load8(r0 + c) * v0, a1 += load8(r1 + c) * v0, a2 += load8(r2 + c) * v0, a3 += load8(r3 + c) * v0;
            }
            t[j] = sum8(a0 + b0), t[j + 1] = sum8(a1 + b1), t[j + 2] = sum8(a2 + b2), t[j + 3] = sum8(a3 + b3);
        }
        for (; j < count; ++j) {
            const float* r = rows + static_cast<std::size_t>(j) * f;
            Vec8 a{}, b{};
            int c = 0;
            for (; c + 16 <= f; c += 16) a += load8(r + c) * load8(v + c), b += load8(r + c + 8) * load8(v + c + 8);
            if (c < f) a += load8(r + c) * load8(v + c);
            t[j] = sum8(a + b);
        }
        return;
    }
#endif
    for (int j = 0; j < count; ++j) {
        const float* r = rows + static_cast<std::size_t>(j) * f;
        float s = 0.0f;
        for (int c = 0; c < f; ++c) s += r[c] * v[c];
        t[j] = s;
    }
}

#if defined(__GNUC__)
// out[c0 .. c0+8·Blocks) += Σ_j w[j] · rows[j][c0 ..], the column block held in registers.
template <int Blocks>
SS_ROW_KERNEL void addRowsBlock(const float* rows, const float* w, int count, int f, int c0, float* out) {
    Vec8 acc[Blocks];
    for (int b = 0; b < Blocks; ++b) acc[b] = load8(out + c0 + 8 * b);
    for (int j = 0; j < count; ++j) {
        const float* r = rows + static_cast<std::size_t>(j) * f + c0;
        const float wj = w[j];
        for (int b = 0; b < Blocks; ++b) acc[b] += wj * load8(r + 8 * b);
    }
    for (int b = 0; b < Blocks; ++b) store8(out + c0 + 8 * b, acc[b]);
}
#endif

// out[0..f) += Σ_{j<count} w[j] · rows[j·f .. j·f+f).
SS_ROW_KERNEL void addRowsTo(const float* rows, const float* w, int count, int f, float* out) {
#if defined(__GNUC__)
    if (f % 8 == 0) {
        int c0 = 0;
        for (; c0 + 64 <= f; c0 += 64) addRowsBlock<8>(rows, w, count, f, c0, out);
        switch ((f - c0) / 8) {
        case 7: addRowsBlock<7>(rows, w, count, f, c0, out); break;
        case 6: addRowsBlock<6>(rows, w, count, f, c0, out); break;
        case 5: addRowsBlock<5>(rows, w, count, f, c0, out); break;
        case 4: addRowsBlock<4>(rows, w, count, f, c0, out); break;
        case 3: addRowsBlock<3>(rows, w, count, f, c0, out); break;
        case 2: addRowsBlock<2>(rows, w, count, f, c0, out); break;
        case 1: addRowsBlock<1>(rows, w, count, f, c0, out); break;
        default: break;
        }
        return;
    }
#endif
    for (int j = 0; j < count; ++j) {
        const float* r = rows + static_cast<std::size_t>(j) * f;
        for (int c = 0; c < f; ++c) out[c] += w[j] * r[c];
    }
}

// into[q·f .. q·f+f) = row idx[q] of the row-major matrix m (f columns), for q < count. Rows a few
// places ahead are prefetched: each is usually a cache miss, and the misses can overlap.
SS_ROW_KERNEL void gatherRows(const float* m, int f, const std::int32_t* idx, std::size_t count, float* into) {
    constexpr std::size_t kAhead = 8;
    constexpr int kFloatsPerLine = 16;
    for (std::size_t q = 0; q < count; ++q) {
#if defined(__GNUC__)
        if (q + kAhead < count) {
            const float* ahead = m + static_cast<std::size_t>(idx[q + kAhead]) * f;
            for (int c = 0; c < f; c += kFloatsPerLine) __builtin_prefetch(ahead + c);
        }
#endif
        const float* row = m + static_cast<std::size_t>(idx[q]) * f;
        float* out = into + q * f;
        int c = 0;
#if defined(__GNUC__)
        for (; c + 8 <= f; c += 8) store8(out + c, load8(row + c));
#endif
        for (; c < f; ++c) out[c] = row[c];
    }
}

// out = S·v for a symmetric f×f matrix S (row-major): the weighted sum of its rows.
SS_ROW_KERNEL void symmetricTimes(const float* s, const float* v, float* out, int f) {
    std::fill(out, out + f, 0.0f);
    addRowsTo(s, v, f, f, out);
}

}  // namespace ss::rec::rowkernels

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif
