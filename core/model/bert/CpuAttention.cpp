#include "model/bert/CpuAttention.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include <ATen/Parallel.h>
#include <ATen/core/grad_mode.h>
#include <c10/util/BFloat16.h>

#include "common/TargetClones.h"

namespace ss {

namespace {

// Below this a score's weight is under float's smallest normal number next to the row's largest
// (weight 1): it is dropped, as ATen's softmax drops the mask's very negative scores.
constexpr float kLowestExponent = -87.0f;

// exp(x) for every x in place, x ≤ 0 (a score minus its row's largest): Cephes' single-precision
// polynomial (relative error about 1e-7), branch-free so the loop vectorises; x below
// kLowestExponent gives 0.
inline void expInPlace(float* x, std::int64_t n) {
    for (std::int64_t j = 0; j < n; ++j) {
        const float v = std::max(x[j], kLowestExponent);
        const float k = std::floor(v * 1.44269504088896341f + 0.5f);  // v / ln 2, rounded
        const float r = v - k * 0.693359375f + k * 2.12194440e-4f;    // v - k ln 2, ln 2 in two parts
        float p = 1.9875691500e-4f;
        p = p * r + 1.3981999507e-3f;
        p = p * r + 8.3334519073e-3f;
        p = p * r + 4.1665795894e-2f;
        p = p * r + 1.6666665459e-1f;
        p = p * r + 5.0000001201e-1f;
        p = p * (r * r) + r + 1.0f;
        const std::int32_t bits = (std::int32_t(k) + 127) << 23;  // 2^k, k ≥ -126
        float twoToK;
        std::memcpy(&twoToK, &bits, sizeof twoToK);
        x[j] = x[j] < kLowestExponent ? 0.0f : p * twoToK;
    }
}

// One head of one sequence: out[i] = Σ_j softmax_j(q_i·k_j · scale + mask_j) v_j for every query i.
// qkv points at the sequence's first row of Q for this head (K is `keyOffset` floats on, V twice
// that); rows are `rowStride` apart; out rows are `outStride` apart; scores ([length]) is scratch.
// Dim > 0 fixes the head's width at compile time (its sums then stay in registers); 0 reads headDim.
template <int Dim>
inline void attendHeadOf(const float* __restrict qkv, std::int64_t rowStride, std::int64_t keyOffset, const float* __restrict mask,
                         std::int64_t length, std::int64_t headDim, float scale, float* __restrict scores, float* __restrict out,
                         std::int64_t outStride) {
    const std::int64_t d = Dim > 0 ? Dim : headDim;
    constexpr std::int64_t kMaxDim = Dim > 0 ? Dim : 256;
    float sums[kMaxDim];
    for (std::int64_t i = 0; i < length; ++i) {
        const float* q = qkv + i * rowStride;
        float largest = std::numeric_limits<float>::lowest();
        for (std::int64_t j = 0; j < length; ++j) {
            const float* k = qkv + j * rowStride + keyOffset;
            float dot = 0.0f;
            for (std::int64_t c = 0; c < d; ++c) dot += q[c] * k[c];
            scores[j] = dot * scale + mask[j];
            largest = std::max(largest, scores[j]);
        }
        for (std::int64_t j = 0; j < length; ++j) scores[j] -= largest;
        expInPlace(scores, length);
        float total = 0.0f;
        for (std::int64_t j = 0; j < length; ++j) total += scores[j];
        for (std::int64_t c = 0; c < d; ++c) sums[c] = 0.0f;
        for (std::int64_t j = 0; j < length; ++j) {
            const float w = scores[j];
            const float* v = qkv + j * rowStride + 2 * keyOffset;
            for (std::int64_t c = 0; c < d; ++c) sums[c] += w * v[c];
        }
        const float inverse = 1.0f / total;
        float* o = out + i * outStride;
        for (std::int64_t c = 0; c < d; ++c) o[c] = sums[c] * inverse;
    }
}

// The usual head widths (MiniLM and BERT-base 64, small BERTs 32) get their own loops.
SS_HOT_AVX512 void attendHead(const float* qkv, std::int64_t rowStride, std::int64_t keyOffset, const float* mask, std::int64_t length,
                              std::int64_t headDim, float scale, float* scores, float* out, std::int64_t outStride) {
    switch (headDim) {
    case 32: return attendHeadOf<32>(qkv, rowStride, keyOffset, mask, length, headDim, scale, scores, out, outStride);
    case 64: return attendHeadOf<64>(qkv, rowStride, keyOffset, mask, length, headDim, scale, scores, out, outStride);
    default: return attendHeadOf<0>(qkv, rowStride, keyOffset, mask, length, headDim, scale, scores, out, outStride);
    }
}

}  // namespace

bool CpuAttention::handles(const at::Tensor& qkv, const at::Tensor& mask, std::int64_t headDim) {
    return headDim <= 256 && qkv.device().is_cpu() && qkv.scalar_type() == at::kFloat && mask.scalar_type() == at::kFloat && qkv.is_contiguous() &&
           mask.is_contiguous() && !(at::GradMode::is_enabled() && qkv.requires_grad());
}

at::Tensor CpuAttention::forward(const at::Tensor& qkv, const at::Tensor& mask, std::int64_t batch, std::int64_t length,
                                 std::int64_t heads, std::int64_t headDim, at::ScalarType outType) {
    const std::int64_t hidden = heads * headDim;
    TORCH_CHECK(qkv.dim() == 2 && qkv.size(0) == batch * length && qkv.size(1) == 3 * hidden, "CpuAttention: qkv shape");
    TORCH_CHECK(mask.numel() == batch * length, "CpuAttention: mask shape");
    TORCH_CHECK(headDim <= 256, "CpuAttention: heads of at most 256");
    TORCH_CHECK(outType == at::kFloat || outType == at::kBFloat16, "CpuAttention: fp32 or bfloat16 out");
    const bool bf16 = outType == at::kBFloat16;
    at::Tensor out = at::empty({batch * length, hidden}, qkv.options().dtype(outType));
    const float* in = qkv.data_ptr<float>();
    const float* masks = mask.data_ptr<float>();
    const float scale = float(1.0 / std::sqrt(double(headDim)));
    // One task is one head of one sequence; each thread's scratch is allocated once per chunk.
    at::parallel_for(0, batch * heads, 1, [&](std::int64_t begin, std::int64_t end) {
        std::vector<float> scores(static_cast<std::size_t>(length));
        std::vector<float> staged(bf16 ? std::size_t(length * headDim) : 0);
        for (std::int64_t task = begin; task < end; ++task) {
            const std::int64_t b = task / heads, h = task % heads;
            const float* first = in + b * length * 3 * hidden + h * headDim;
            if (!bf16) {
                float* o = out.data_ptr<float>() + b * length * hidden + h * headDim;
                attendHead(first, 3 * hidden, hidden, masks + b * length, length, headDim, scale, scores.data(), o,
                           hidden);
                continue;
            }
            attendHead(first, 3 * hidden, hidden, masks + b * length, length, headDim, scale, scores.data(),
                       staged.data(), headDim);
            auto* o = reinterpret_cast<c10::BFloat16*>(out.data_ptr()) + b * length * hidden + h * headDim;
            for (std::int64_t i = 0; i < length; ++i)
                for (std::int64_t c = 0; c < headDim; ++c) o[i * hidden + c] = c10::BFloat16(staged[std::size_t(i * headDim + c)]);
        }
    });
    return out;
}

}  // namespace ss
