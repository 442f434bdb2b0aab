#include "rec/Dense.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>

#ifdef SS_REC_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif

namespace ss::rec {

void gemmNTPortable(const float* a, const float* b, float* c, int m, int n, int k) {
    // Item blocks of 64 are transposed once (k × 64, at most a few L1/L2 pages), then each user row
    // accumulates a[p] * bt[p][0..64) — a contiguous, vectorisable update.
    constexpr int kBlock = 64;
    std::vector<float> bt(static_cast<std::size_t>(k) * kBlock);
    float acc[kBlock];
    for (int j0 = 0; j0 < n; j0 += kBlock) {
        const int nb = std::min(kBlock, n - j0);
        std::fill(bt.begin(), bt.end(), 0.0f);
        for (int j = 0; j < nb; ++j) {
            const float* bj = b + static_cast<std::size_t>(j0 + j) * k;
            for (int p = 0; p < k; ++p) bt[static_cast<std::size_t>(p) * kBlock + j] = bj[p];
        }
        for (int i = 0; i < m; ++i) {
            const float* ai = a + static_cast<std::size_t>(i) * k;
            std::fill(acc, acc + kBlock, 0.0f);
            for (int p = 0; p < k; ++p) {
                const float av = ai[p];
                const float* row = bt.data() + static_cast<std::size_t>(p) * kBlock;
                for (int j = 0; j < kBlock; ++j) acc[j] += av * row[j];
            }
            std::copy(acc, acc + nb, c + static_cast<std::size_t>(i) * n + j0);
        }
    }
}

namespace {
std::atomic<bool> forcePortable{false};
}

void setPortableGemm(bool portable) { forcePortable = portable; }

void gemmNT(const float* a, const float* b, float* c, int m, int n, int k) {
    if (m == 0 || n == 0) return;
    if (k == 0) {
        std::fill(c, c + static_cast<std::size_t>(m) * n, 0.0f);
        return;
    }
#ifdef SS_REC_WITH_TORCH
    if (forcePortable.load(std::memory_order_relaxed)) gemmNTPortable(a, b, c, m, n, k);
    else torchkernels::gemmNT(a, b, c, m, n, k);
#else
    gemmNTPortable(a, b, c, m, n, k);
#endif
}

bool cpuScoringMayFuse() {
#ifdef SS_REC_WITH_TORCH
    return !forcePortable.load(std::memory_order_relaxed) && !torchkernels::gemmUsesCuda();
#else
    return true;
#endif
}

const char* gemmBackend() {
#ifdef SS_REC_WITH_TORCH
    return forcePortable ? "portable" : torchkernels::gemmUsesCuda() ? "aten (cuda for large blocks)" : "aten";
#else
    return "portable";
#endif
}

float dot(const float* a, const float* b, int n) {
    float s = 0.0f;
    for (int i = 0; i < n; ++i) s += a[i] * b[i];
    return s;
}

void gatherRows(const DenseMatrix& m, std::span<const std::int32_t> rows, float* out) {
    for (std::size_t r = 0; r < rows.size(); ++r) std::copy(m.row(rows[r]), m.row(rows[r]) + m.cols, out + r * static_cast<std::size_t>(m.cols));
}

namespace {
float inverseLength(const float* v, int n) {
    double s = 0;
    for (int c = 0; c < n; ++c) s += double(v[c]) * v[c];
    return s > 0 ? static_cast<float>(1.0 / std::sqrt(s)) : 0.0f;
}
}  // namespace

void normalizeRows(DenseMatrix& m) {
    for (int r = 0; r < m.rows; ++r) {
        float* v = m.row(r);
        const float scale = inverseLength(v, m.cols);
        if (scale == 0.0f) continue;
        for (int c = 0; c < m.cols; ++c) v[c] *= scale;
    }
}

std::vector<float> inverseRowLengths(const DenseMatrix& m) {
    std::vector<float> out(static_cast<std::size_t>(m.rows));
    for (int r = 0; r < m.rows; ++r) out[static_cast<std::size_t>(r)] = inverseLength(m.row(r), m.cols);
    return out;
}

}  // namespace ss::rec
