#include "rec/FusedScoring.h"

#include <algorithm>
#include <atomic>
#include <cstddef>

#include "common/TargetClones.h"
#include "rec/DistinctRows.h"
#include "rec/TopK.h"

#if SS_AVX512_KERNELS
#include <immintrin.h>
#endif

namespace ss::rec {

namespace {

constexpr int kPanel = 32;  // items a panel: two 16-float vectors
constexpr int kGroup = 8;   // users summed together: 16 accumulators of 32 registers

std::atomic<bool> enabled{true};

#if SS_AVX512_KERNELS
// kGroup users (queries: kGroup × dim, zero rows past the real ones) against one packed panel: the
// scores into scores[u * kPanel + j]; returns a bit per user whose scores reach `floors[u]`.
__attribute__((target("avx512f,fma"))) unsigned scorePanel(const float* queries, int dim, const float* panel, const float* floors,
                                                           float* scores) {
    __m512 low[kGroup], high[kGroup];
#pragma GCC unroll 8
    for (int u = 0; u < kGroup; ++u) low[u] = _mm512_setzero_ps(), high[u] = _mm512_setzero_ps();
    for (int c = 0; c < dim; ++c) {
        const __m512 b0 = _mm512_loadu_ps(panel + c * kPanel), b1 = _mm512_loadu_ps(panel + c * kPanel + 16);
#pragma GCC unroll 8
        for (int u = 0; u < kGroup; ++u) {
            const __m512 a = _mm512_set1_ps(queries[u * dim + c]);
            low[u] = _mm512_fmadd_ps(a, b0, low[u]);
            high[u] = _mm512_fmadd_ps(a, b1, high[u]);
        }
    }
    unsigned reaching = 0;
#pragma GCC unroll 8
    for (int u = 0; u < kGroup; ++u) {
        const __m512 floor = _mm512_set1_ps(floors[u]);
        if (_mm512_cmp_ps_mask(low[u], floor, _CMP_GE_OQ) | _mm512_cmp_ps_mask(high[u], floor, _CMP_GE_OQ)) {
            reaching |= 1u << u;
            _mm512_storeu_ps(scores + u * kPanel, low[u]);
            _mm512_storeu_ps(scores + u * kPanel + 16, high[u]);
        }
    }
    return reaching;
}
#endif

}  // namespace

bool FusedScoring::available() { return cpuHasAvx512() && enabled.load(std::memory_order_relaxed); }

void FusedScoring::setEnabled(bool on) { enabled = on; }

void FusedScoring::pack(const float* items, int dim, int begin, int end, std::vector<float>& packed) {
    const int panels = (end - begin + kPanel - 1) / kPanel;
    packed.assign(static_cast<std::size_t>(panels) * kPanel * static_cast<std::size_t>(dim), 0.0f);
    // Panel p, dimension c: its kPanel items' c-th values side by side (zeros past `end`).
    for (int i = begin; i < end; ++i) {
        const int p = (i - begin) / kPanel, j = (i - begin) % kPanel;
        const float* row = items + static_cast<std::size_t>(i) * static_cast<std::size_t>(dim);
        float* panel = packed.data() + static_cast<std::size_t>(p) * kPanel * static_cast<std::size_t>(dim);
        for (int c = 0; c < dim; ++c) panel[c * kPanel + j] = row[c];
    }
}

void FusedScoring::scoreAndOffer(const float* queries, int users, int dim, const std::vector<float>& packed, int begin, int end,
                                 TopKAccumulator* tops, const DistinctRows* shared) {
#if SS_AVX512_KERNELS
    std::vector<float> group(static_cast<std::size_t>(kGroup) * static_cast<std::size_t>(dim));
    float floors[kGroup];
    float scores[kGroup * kPanel];
    const int panels = (end - begin + kPanel - 1) / kPanel;
    for (int first = 0; first < users; first += kGroup) {
        const int members = std::min(kGroup, users - first);
        std::fill(group.begin(), group.end(), 0.0f);
        std::copy_n(queries + static_cast<std::size_t>(first) * static_cast<std::size_t>(dim),
                    static_cast<std::size_t>(members) * static_cast<std::size_t>(dim), group.begin());
        for (int p = 0; p < panels; ++p) {
            // A score below a list's k-th best cannot enter it; the accumulator re-checks what it gets.
            for (int u = 0; u < kGroup; ++u) floors[u] = u < members ? tops[first + u].entryFloor() : __builtin_inff();
            const float* panel = packed.data() + static_cast<std::size_t>(p) * kPanel * static_cast<std::size_t>(dim);
            unsigned reaching = scorePanel(group.data(), dim, panel, floors, scores);
            const int from = begin + p * kPanel, to = std::min(end, from + kPanel);
            for (; reaching; reaching &= reaching - 1) {
                const int u = __builtin_ctz(reaching);
                if (shared) tops[first + u].offerShared(scores + u * kPanel, from, to, *shared);
                else tops[first + u].offer(scores + u * kPanel, from, to);
            }
        }
    }
#else
    (void)queries, (void)users, (void)dim, (void)packed, (void)begin, (void)end, (void)tops, (void)shared;
#endif
}

}  // namespace ss::rec
