// BertIntermediateImpl: the feed-forward expansion (intermediate.dense) with exact erf GELU, as
// transformers' "gelu". Internal to ss_model_torch; forward() is read-only (any thread).
#pragma once

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/ModelConfig.h"
#include "model/bert/CpuLinear.h"
#include "model/bert/FastGemm.h"

namespace ss {

class BertIntermediateImpl : public torch::nn::Module {
public:
    explicit BertIntermediateImpl(const ModelConfig& config)
        : dense(register_module("dense", torch::nn::Linear(config.hiddenSize, config.intermediateSize))) {}

    // x: [N, hidden] -> [N, intermediate]
    at::Tensor forward(const at::Tensor& x) {
        // Fast mode: the next product reads this, so it may stay in the product's precision.
        if (!fast_.defined() && CpuLinear::usable(packed_, x)) return packed_.forward(x, {}, CpuLinear::Then::Gelu);
        at::Tensor y = fast_.defined() ? fast_.linearForProduct(x) : at::addmm(dense->bias, x, dense->weight.t());
        // default approximate="none": the erf form; in place unless autograd needs the input (fine-tuning)
        return at::GradMode::is_enabled() ? at::gelu(y) : at::gelu_(y);
    }

    // Fast mode: the matrix product in lower precision (see FastGemm); None goes back to fp32.
    void useFastGemm(FastGemm::Kind kind) { fast_ = FastGemm(dense->weight, dense->bias, kind); }
    // Exact mode on an AVX-512 CPU: the product from a packed copy of the weights as they are now.
    void useCpuLinear(bool on) { packed_ = on ? CpuLinear(dense->weight, dense->bias) : CpuLinear(); }

    torch::nn::Linear dense;

private:
    FastGemm fast_;
    CpuLinear packed_;
};
TORCH_MODULE(BertIntermediate);

}  // namespace ss
