// BertOutputImpl: dense projection + residual + LayerNorm, the block Hugging Face calls both
// "attention.output" (hidden -> hidden) and "output" (intermediate -> hidden); parameters are
// dense.weight, dense.bias, LayerNorm.weight, LayerNorm.bias. Internal to ss_model_torch;
// forward() is read-only (any thread, under InferenceMode).
#pragma once

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include "model/bert/CpuLinear.h"
#include "model/bert/FastGemm.h"

namespace ss {

class BertOutputImpl : public torch::nn::Module {
public:
    BertOutputImpl(std::int64_t inFeatures, std::int64_t hidden, double eps)
        : dense(register_module("dense", torch::nn::Linear(inFeatures, hidden))),
          LayerNorm(register_module("LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({hidden}).eps(eps)))) {}

    // x: [N, in] (bfloat16 in fast mode with bf16 products), residual: [N, hidden] fp32 (both 2-D).
    // LayerNorm(x W^T + b + residual).
    at::Tensor forward(const at::Tensor& x, const at::Tensor& residual) {
        // residual + bias first, then the GEMM accumulates into it (BLAS beta = 1): no extra pass.
        at::Tensor y;
        if (fast_.defined()) {
            y = fast_.linear(x).add_(residual);
        } else if (CpuLinear::usable(packed_, x)) {
            y = packed_.forward(x, residual);  // starts from residual + bias
        } else {
            y = residual + dense->bias;
            y.addmm_(x, dense->weight.t());
        }
        return at::layer_norm(y, {y.size(-1)}, LayerNorm->weight, LayerNorm->bias, LayerNorm->options.eps());
    }

    // Fast mode: the matrix product in lower precision (see FastGemm); None goes back to fp32.
    void useFastGemm(FastGemm::Kind kind) { fast_ = FastGemm(dense->weight, dense->bias, kind); }
    // Exact mode on an AVX-512 CPU: the product from a packed copy of the weights as they are now.
    void useCpuLinear(bool on) { packed_ = on ? CpuLinear(dense->weight, dense->bias) : CpuLinear(); }

    torch::nn::Linear dense;
    torch::nn::LayerNorm LayerNorm;

private:
    FastGemm fast_;
    CpuLinear packed_;
};
TORCH_MODULE(BertOutput);

}  // namespace ss
