// DenseMatrix and the one matrix product the scoring engine needs: C = A · Bᵀ for row-major float
// matrices (user factors × item factors). With LibTorch built in, the product goes through ATen: on
// the GPU when there is one and the block is large, else the CPU's BLAS (OpenBLAS here); without
// LibTorch a cache-blocked C++ kernel. Pure functions: any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "common/HugePages.h"

namespace ss::rec {

struct DenseMatrix {
    int rows = 0, cols = 0;
    std::vector<float> data;  // rows × cols, row-major

    DenseMatrix() = default;
    DenseMatrix(int r, int c) : rows(r), cols(c) {
        const auto n = static_cast<std::size_t>(r) * static_cast<std::size_t>(c);
        // On 2 MiB pages where the kernel grants them: item vectors and factors are read by rows in
        // random order (gathers, ALS half-steps), and huge pages save most of the TLB misses.
        reserveHugePages(data, n);
        data.assign(n, 0.0f);
    }
    // Takes `values` (r × c, row-major) as they are: no zeroed matrix allocated first (gigabytes of
    // fresh pages at scale).
    static DenseMatrix adopt(int r, int c, std::vector<float> values) {
        DenseMatrix m;
        m.rows = r, m.cols = c, m.data = std::move(values);
        return m;
    }
    float* row(int r) { return data.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(cols); }
    const float* row(int r) const { return data.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(cols); }
    bool empty() const { return rows == 0; }
};

// c[m×n] = a[m×k] · b[n×k]ᵀ (all row-major, c fully overwritten).
void gemmNT(const float* a, const float* b, float* c, int m, int n, int k);
// The portable kernel alone (for tests and benchmarks against the BLAS path).
void gemmNTPortable(const float* a, const float* b, float* c, int m, int n, int k);
// "aten" (or "aten (cuda for large blocks)") when products go through LibTorch, "portable" otherwise.
const char* gemmBackend();
// Benchmarks only: force the portable kernel even when ATen is built in (process-wide).
void setPortableGemm(bool portable);
// Whether the scoring engine may score on the CPU in its own fused kernel (FusedScoring): not while
// products go to a GPU or the portable kernel is forced.
bool cpuScoringMayFuse();

// out (rows.size() × m.cols, row-major) = the rows of m named by `rows`, in that order.
void gatherRows(const DenseMatrix& m, std::span<const std::int32_t> rows, float* out);

// Scales every non-zero row to unit L2 norm (zero rows stay zero).
void normalizeRows(DenseMatrix& m);
// 1 / each row's length (0 for a zero row): the scale normalizeRows applies.
std::vector<float> inverseRowLengths(const DenseMatrix& m);
float dot(const float* a, const float* b, int n);

}  // namespace ss::rec
