#include "model/bert/CpuLinear.h"

#include <algorithm>

#include <ATen/Parallel.h>

#include "common/TargetClones.h"

#if SS_AVX512_KERNELS
#include <immintrin.h>
// GCC 12 reports the "undefined" vector inside _mm512_max_ps, _mm512_roundscale_ps and
// _mm512_scalef_ps as maybe uninitialised (the intrinsics initialise it to itself on purpose).
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

namespace ss {

namespace {

constexpr std::int64_t kPanel = 32;  // outputs a panel: two 16-float vectors
constexpr std::int64_t kRows = 8;    // rows summed together: 16 accumulators of 32 registers

#if SS_AVX512_KERNELS
#define SS_AVX512 __attribute__((target("avx512f,fma")))

// e^v for v ≤ 0: Cephes' single-precision polynomial (relative error about 1e-7); below -87, 0. The
// same polynomial as CpuAttention's softmax, here in AVX-512 intrinsics (that one has AVX2 clones too).
SS_AVX512 inline __m512 expNonPositive(__m512 v) {
    const __mmask16 vanishing = _mm512_cmp_ps_mask(v, _mm512_set1_ps(-87.0f), _CMP_LT_OQ);
    v = _mm512_max_ps(v, _mm512_set1_ps(-87.0f));
    const __m512 k = _mm512_roundscale_ps(_mm512_mul_ps(v, _mm512_set1_ps(1.44269504088896341f)), _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    const __m512 r = _mm512_fmadd_ps(k, _mm512_set1_ps(2.12194440e-4f), _mm512_fnmadd_ps(k, _mm512_set1_ps(0.693359375f), v));
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(p, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    return _mm512_maskz_mov_ps(static_cast<__mmask16>(~vanishing), _mm512_scalef_ps(p, k));  // p · 2^k
}

// GELU with the exact erf, as transformers' "gelu": x/2 (1 + erf(x/√2)). erf by Abramowitz and Stegun
// 7.1.26 (absolute error ≤ 1.5e-7): 1 - erf(z) = t (a1 + t (a2 + ...)) e^(-z²), t = 1/(1 + p z), z ≥ 0;
// for x < 0, 1 + erf(x/√2) is that product itself, so small outputs keep their relative accuracy.
SS_AVX512 inline __m512 gelu(__m512 x) {
    const __m512 z = _mm512_mul_ps(_mm512_abs_ps(x), _mm512_set1_ps(0.70710678118654752f));
    const __m512 t = _mm512_div_ps(_mm512_set1_ps(1.0f), _mm512_fmadd_ps(z, _mm512_set1_ps(0.3275911f), _mm512_set1_ps(1.0f)));
    __m512 q = _mm512_set1_ps(1.061405429f);
    q = _mm512_fmadd_ps(q, t, _mm512_set1_ps(-1.453152027f));
    q = _mm512_fmadd_ps(q, t, _mm512_set1_ps(1.421413741f));
    q = _mm512_fmadd_ps(q, t, _mm512_set1_ps(-0.284496736f));
    q = _mm512_fmadd_ps(q, t, _mm512_set1_ps(0.254829592f));
    const __m512 tail = _mm512_mul_ps(_mm512_mul_ps(q, t), expNonPositive(_mm512_sub_ps(_mm512_setzero_ps(), _mm512_mul_ps(z, z))));
    const __mmask16 negative = _mm512_cmp_ps_mask(x, _mm512_setzero_ps(), _CMP_LT_OQ);
    const __m512 onePlusErf = _mm512_mask_mov_ps(_mm512_sub_ps(_mm512_set1_ps(2.0f), tail), negative, tail);
    return _mm512_mul_ps(_mm512_mul_ps(x, _mm512_set1_ps(0.5f)), onePlusErf);
}

// kRows rows of x (rows apart by `in`) times one panel, plus the panel's 32 biases and, when given,
// each row's residual (rows apart by `outStride`, as out); GELU on the result when asked. Rows past
// `rows` read the last real row again and are never written.
SS_AVX512 void panelProduct(const float* x, std::int64_t rows, std::int64_t in, const float* panel, const float* bias,
                            const float* residual, bool withGelu, float* out, std::int64_t outStride) {
    __m512 low[kRows], high[kRows];
    const __m512 bias0 = _mm512_loadu_ps(bias), bias1 = _mm512_loadu_ps(bias + 16);
#pragma GCC unroll 8
    for (std::int64_t r = 0; r < kRows; ++r) {
        if (residual) {
            const float* s = residual + std::min(r, rows - 1) * outStride;
            low[r] = _mm512_add_ps(_mm512_loadu_ps(s), bias0);
            high[r] = _mm512_add_ps(_mm512_loadu_ps(s + 16), bias1);
        } else {
            low[r] = bias0;
            high[r] = bias1;
        }
    }
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
        _mm512_storeu_ps(out + r * outStride, withGelu ? gelu(low[r]) : low[r]);
        _mm512_storeu_ps(out + r * outStride + 16, withGelu ? gelu(high[r]) : high[r]);
    }
}
#endif

}  // namespace

bool CpuLinear::available() { return cpuHasAvx512(); }

bool CpuLinear::fits(const at::Tensor& weight) { return weight.dim() == 2 && weight.size(0) % kPanel == 0 && weight.size(1) > 0; }

CpuLinear::CpuLinear(const at::Tensor& weight, const at::Tensor& bias) : in_(weight.size(1)), out_(weight.size(0)) {
    if (!available() || !fits(weight)) return;  // left undefined: ATen's product serves
    const at::Tensor w = weight.detach().to(at::kCPU, at::kFloat).contiguous();
    // [out, in] -> [out / 32, 32, in] -> [out / 32, in, 32]
    packed_ = w.view({out_ / kPanel, kPanel, in_}).transpose(1, 2).contiguous();
    bias_ = bias.detach().to(at::kCPU, at::kFloat).contiguous();
}

at::Tensor CpuLinear::forward(const at::Tensor& x, const at::Tensor& residual, Then then) const {
    TORCH_CHECK(defined() && x.dim() == 2 && x.size(1) == in_ && x.scalar_type() == at::kFloat, "CpuLinear: input shape");
    const at::Tensor in = x.contiguous();
    const std::int64_t n = in.size(0);
    at::Tensor out = at::empty({n, out_}, in.options());
    const at::Tensor start = residual.defined() ? residual.contiguous() : at::Tensor();
    TORCH_CHECK(!start.defined() || (start.size(0) == n && start.size(1) == out_), "CpuLinear: residual shape");
#if SS_AVX512_KERNELS
    const float* xs = in.data_ptr<float>();
    const float* panels = packed_.data_ptr<float>();
    const float* bias = bias_.data_ptr<float>();
    float* ys = out.data_ptr<float>();
    const float* residuals = start.defined() ? start.data_ptr<float>() : nullptr;
    const bool withGelu = then == Then::Gelu;
    // Panels outside (each one's weights stay in cache while every row passes), rows inside.
    at::parallel_for(0, out_ / kPanel, 1, [&](std::int64_t first, std::int64_t last) {
        for (std::int64_t p = first; p < last; ++p)
            for (std::int64_t r = 0; r < n; r += kRows)
                panelProduct(xs + r * in_, std::min(kRows, n - r), in_, panels + p * in_ * kPanel, bias + p * kPanel,
                             residuals ? residuals + r * out_ + p * kPanel : nullptr, withGelu, ys + r * out_ + p * kPanel, out_);
    });
#else
    (void)then;
    TORCH_CHECK(false, "CpuLinear: not available on this CPU");
#endif
    return out;
}

}  // namespace ss
