// BertLayerImpl: one transformer block (attention, intermediate, output) under the Hugging Face
// names encoder.layer.N.{attention,intermediate,output}. Internal to ss_model_torch; read-only forward.
#pragma once

#include "model/ModelConfig.h"
#include "model/bert/BertAttention.h"
#include "model/bert/BertIntermediate.h"
#include "model/bert/BertOutput.h"

namespace ss {

class BertLayerImpl : public torch::nn::Module {
public:
    explicit BertLayerImpl(const ModelConfig& config)
        : attention(register_module("attention", BertAttention(config))),
          intermediate(register_module("intermediate", BertIntermediate(config))),
          output(register_module("output",
                                 BertOutput(config.intermediateSize, config.hiddenSize, config.layerNormEps))) {}

    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask, std::int64_t batch, std::int64_t length) {
        const at::Tensor attended = attention->forward(x, mask, batch, length);
        return output->forward(intermediate->forward(attended), attended);
    }

    BertAttention attention;
    BertIntermediate intermediate;
    BertOutput output;
};
TORCH_MODULE(BertLayer);

}  // namespace ss
