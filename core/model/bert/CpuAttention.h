// CpuAttention: BERT's multi-head scaled dot-product self-attention for inference on the CPU in fp32,
// read straight from the packed Q/K/V product and written straight in the layout the output product
// reads. On short texts ATen's way (copies for the permutes, one small BLAS call per head for each of
// the two products, a softmax pass, a copy back) cost more than the arithmetic; here each head of each
// sequence is one pass that stays in cache. The sums run in another order than ATen's, so results agree
// to rounding (tested against ATen's path), not bit for bit.
// Stateless; any thread, several at once. Internal to ss_model_torch.
#pragma once

#include <ATen/ATen.h>

namespace ss {

class CpuAttention {
public:
    // Whether forward() takes these inputs: fp32 on the CPU, no gradient wanted, heads of ≤ 256.
    static bool handles(const at::Tensor& qkv, const at::Tensor& mask, std::int64_t headDim);

    // qkv: [batch * length, 3 * hidden] fp32, contiguous, each of Q, K and V laid out heads x headDim.
    // mask: additive [batch, 1, 1, length] fp32 (0 to keep a key, very negative to drop it).
    // Returns the context [batch * length, hidden], as softmax(Q Kᵀ / √headDim + mask) V per head, in
    // `outType` (fp32, or bfloat16 for a bf16 product that reads it).
    static at::Tensor forward(const at::Tensor& qkv, const at::Tensor& mask, std::int64_t batch, std::int64_t length,
                              std::int64_t heads, std::int64_t headDim, at::ScalarType outType);
};

}  // namespace ss
