#include "model/bert/CpuLinear.h"

#include <algorithm>
#include <cstring>

#include <ATen/Parallel.h>

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(SS_NO_MULTIVERSION)
#define SS_CPU_LINEAR_AVX512 1
#include <immintrin.h>
#endif

namespace ss {

namespace {

constexpr std::int64_t kPanel = 32;  // outputs a panel: two 16-float vectors
constexpr std::int64_t kRows = 8;    // rows summed together: 16 accumulators of 32 registers

#ifdef SS_CPU_LINEAR_AVX512
// kRows rows of x (rows apart by `in`) times one panel: out[r * outStride + j] = start[r][j] + Σ_c x[r][c] panel[c][j].
// `start` rows are the bias (startStride 0) or bias + residual; rows past `rows` are left alone.
__attribute__((target("avx512f,fma"))) void panelProduct(const float* x, std::int64_t rows, std::int64_t in, const float* panel,
                                                         const float* start, std::int64_t startStride, float* out,
                                                         std::int64_t outStride) {
    __m512 low[kRows], high[kRows];
#pragma GCC unroll 8
    for (std::int64_t r = 0; r < kRows; ++r) {
        const float* s = start + std::min(r, rows - 1) * startStride;
        low[r] = _mm512_loadu_ps(s);
        high[r] = _mm512_loadu_ps(s + 16);
    }
    // Rows past the last real one read the last real row again (never written back).
    const float* rowOf[kRows];
    for (std::int64_t r = 0; r < kRows; ++r) rowOf[r] = x + std::min(r, rows - 1) * in;
    for (std::int64_t c = 0; c < in; ++c) {
        const __m512 b0 = _mm512_loadu_ps(panel + c * kPanel), b1 = _mm512_loadu_ps(panel + c * kPanel + 16);
#pragma GCC unroll 8
        for (std::int64_t r = 0; r < kRows; ++r) {
            const __m512 a = _mm512_set1_ps(rowOf[r][c]);
            low[r] = _mm512_fmadd_ps(a, b0, low[r]);
            high[r] = _mm512_fmadd_ps(a, b1, high[r]);
        }
    }
    for (std::int64_t r = 0; r < rows; ++r) {
        _mm512_storeu_ps(out + r * outStride, low[r]);
        _mm512_storeu_ps(out + r * outStride + 16, high[r]);
    }
}
#endif

}  // namespace

bool CpuLinear::available() {
#ifdef SS_CPU_LINEAR_AVX512
    static const bool cpu = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") != 0;
    }();
    return cpu;
#else
    return false;
#endif
}

bool CpuLinear::fits(const at::Tensor& weight) { return weight.dim() == 2 && weight.size(0) % kPanel == 0 && weight.size(1) > 0; }

CpuLinear::CpuLinear(const at::Tensor& weight, const at::Tensor& bias) : in_(weight.size(1)), out_(weight.size(0)) {
    if (!available() || !fits(weight)) return;  // left undefined: ATen's product serves
    const at::Tensor w = weight.detach().to(at::kCPU, at::kFloat).contiguous();
    // [out, in] -> [out / 32, 32, in] -> [out / 32, in, 32]
    packed_ = w.view({out_ / kPanel, kPanel, in_}).transpose(1, 2).contiguous();
    bias_ = bias.detach().to(at::kCPU, at::kFloat).contiguous();
}

at::Tensor CpuLinear::forward(const at::Tensor& x, const at::Tensor& residual) const {
    TORCH_CHECK(defined() && x.dim() == 2 && x.size(1) == in_ && x.scalar_type() == at::kFloat, "CpuLinear: input shape");
    const at::Tensor in = x.contiguous();
    const std::int64_t n = in.size(0);
    at::Tensor out = at::empty({n, out_}, in.options());
    const at::Tensor start = residual.defined() ? residual.contiguous() : at::Tensor();
    TORCH_CHECK(!start.defined() || (start.size(0) == n && start.size(1) == out_), "CpuLinear: residual shape");
#ifdef SS_CPU_LINEAR_AVX512
    const float* xs = in.data_ptr<float>();
    const float* panels = packed_.data_ptr<float>();
    const float* bias = bias_.data_ptr<float>();
    float* ys = out.data_ptr<float>();
    const float* residuals = start.defined() ? start.data_ptr<float>() : nullptr;
    // Panels outside (each one's weights stay in cache while every row passes), rows inside.
    at::parallel_for(0, out_ / kPanel, 1, [&](std::int64_t first, std::int64_t last) {
        std::vector<float> startRows(residuals ? std::size_t(kRows * kPanel) : 0);
        for (std::int64_t p = first; p < last; ++p) {
            const float* panel = panels + p * in_ * kPanel;
            for (std::int64_t r = 0; r < n; r += kRows) {
                const std::int64_t rows = std::min(kRows, n - r);
                const float* begin = bias + p * kPanel;
                std::int64_t stride = 0;
                if (residuals) {
                    for (std::int64_t i = 0; i < rows; ++i)
                        for (std::int64_t j = 0; j < kPanel; ++j)
                            startRows[std::size_t(i * kPanel + j)] = residuals[(r + i) * out_ + p * kPanel + j] + bias[p * kPanel + j];
                    begin = startRows.data();
                    stride = kPanel;
                }
                panelProduct(xs + r * in_, rows, in_, panel, begin, stride, ys + r * out_ + p * kPanel, out_);
            }
        }
    });
#else
    TORCH_CHECK(false, "CpuLinear: not available on this CPU");
#endif
    return out;
}

}  // namespace ss
