// FastGemm: the encoder's fast mode — a linear layer's matrix product with bfloat16 inputs and
// weights (on CPUs with AVX512-BF16 oneDNN runs it at twice the fp32 rate), the bias, the residual,
// LayerNorm, GELU, attention and pooling in fp32. Weights are converted once when the mode is chosen.
// Internal to ss_model_torch; stateless, any thread.
#pragma once

#include <ATen/ATen.h>

namespace ss {

struct FastGemm {
    // The weight as the fast product reads it: [out, in] in bfloat16.
    static at::Tensor weight(const at::Tensor& w) { return w.detach().to(at::kBFloat16).contiguous(); }
    // x [N, in] (fp32) times weightBf16ᵀ plus bias, in fp32.
    static at::Tensor linear(const at::Tensor& x, const at::Tensor& weightBf16, const at::Tensor& bias) {
        return at::matmul(x.to(at::kBFloat16), weightBf16.t()).to(at::kFloat).add_(bias);
    }
};

}  // namespace ss
