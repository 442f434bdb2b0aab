// BertIntermediateImpl: the feed-forward expansion (intermediate.dense) with exact erf GELU, as
// transformers' "gelu". Internal to ss_model_torch; forward() is read-only (any thread).
#pragma once

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>

#include "model/ModelConfig.h"

namespace ss {

class BertIntermediateImpl : public torch::nn::Module {
public:
    explicit BertIntermediateImpl(const ModelConfig& config)
        : dense(register_module("dense", torch::nn::Linear(config.hiddenSize, config.intermediateSize))) {}

    // x: [N, hidden] -> [N, intermediate]
    at::Tensor forward(const at::Tensor& x) {
        at::Tensor y = at::addmm(dense->bias, x, dense->weight.t());
        // default approximate="none": the erf form; in place unless autograd needs the input (fine-tuning)
        return at::GradMode::is_enabled() ? at::gelu(y) : at::gelu_(y);
    }

    torch::nn::Linear dense;
};
TORCH_MODULE(BertIntermediate);

}  // namespace ss
