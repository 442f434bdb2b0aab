// BertAttentionImpl: self-attention followed by its output block, registered as "self" and
// "output" so parameter names match Hugging Face (attention.self.query.weight,
// attention.output.dense.weight, ...). Internal to ss_model_torch; forward() is read-only.
#pragma once

#include "model/ModelConfig.h"
#include "model/bert/BertOutput.h"
#include "model/bert/BertSelfAttention.h"

namespace ss {

class BertAttentionImpl : public torch::nn::Module {
public:
    explicit BertAttentionImpl(const ModelConfig& config)
        : self(register_module("self", BertSelfAttention(config))),
          output(register_module("output", BertOutput(config.hiddenSize, config.hiddenSize, config.layerNormEps))) {}

    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask, std::int64_t batch, std::int64_t length) {
        return output->forward(self->forward(x, mask, batch, length), x);
    }

    BertSelfAttention self;
    BertOutput output;
};
TORCH_MODULE(BertAttention);

}  // namespace ss
