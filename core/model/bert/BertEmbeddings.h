// BertEmbeddingsImpl: word + position + token-type embeddings followed by LayerNorm, registered under
// the Hugging Face names (embeddings.word_embeddings.weight, ...). Internal to ss_model_torch.
// Weights are read-only after loading: forward() may run on any thread under InferenceMode.
#pragma once

#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/pimpl.h>

#include "model/ModelConfig.h"

namespace ss {

class BertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const ModelConfig& config)
        : word_embeddings(register_module("word_embeddings",
                                          torch::nn::Embedding(config.vocabSize, config.hiddenSize))),
          position_embeddings(register_module("position_embeddings",
                                              torch::nn::Embedding(config.maxPositionEmbeddings, config.hiddenSize))),
          token_type_embeddings(register_module("token_type_embeddings",
                                                torch::nn::Embedding(config.typeVocabSize, config.hiddenSize))),
          LayerNorm(register_module(
              "LayerNorm",
              torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps)))) {}

    // ids: [batch, length] int64 on the model's device. Returns [batch * length, hidden]: the encoder
    // keeps activations 2-D so every dense layer is a single GEMM.
    at::Tensor forward(const at::Tensor& ids) {
        const std::int64_t length = ids.size(1);
        // Token type is always 0 (single-segment input); positions are 0..length-1. Their sum is the
        // same for every row, so it is added once as a [length, hidden] broadcast.
        const at::Tensor positionAndType =
            position_embeddings->weight.narrow(0, 0, length) + token_type_embeddings->weight.select(0, 0);
        at::Tensor x = at::embedding(word_embeddings->weight, ids.reshape({-1}));
        x = x.view({ids.size(0), length, -1}).add_(positionAndType);
        return at::layer_norm(x.view({ids.size(0) * length, -1}), {x.size(-1)}, LayerNorm->weight, LayerNorm->bias,
                              LayerNorm->options.eps());
    }

    torch::nn::Embedding word_embeddings;
    torch::nn::Embedding position_embeddings;
    torch::nn::Embedding token_type_embeddings;
    torch::nn::LayerNorm LayerNorm;
};
TORCH_MODULE(BertEmbeddings);

}  // namespace ss
