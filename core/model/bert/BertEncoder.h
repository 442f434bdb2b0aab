// BertEncoderImpl: the stack of transformer layers, registered as "layer" so names read
// encoder.layer.N.... Internal to ss_model_torch; read-only forward.
#pragma once

#include <vector>

#include <torch/nn/modules/container/modulelist.h>

#include "model/ModelConfig.h"
#include "model/bert/BertLayer.h"

namespace ss {

class BertEncoderImpl : public torch::nn::Module {
public:
    explicit BertEncoderImpl(const ModelConfig& config) : layer(register_module("layer", torch::nn::ModuleList())) {
        for (std::int64_t i = 0; i < config.numLayers; ++i) {
            layers_.push_back(BertLayer(config));
            layer->push_back(layers_.back());
        }
    }

    void fuse() {
        for (auto& l : layers_) l->attention->self->fuse();
    }
    void useFastGemm(FastGemm::Kind kind) {
        for (auto& l : layers_) {
            l->attention->self->useFastGemm(kind);
            l->attention->output->useFastGemm(kind);
            l->intermediate->useFastGemm(kind);
            l->output->useFastGemm(kind);
        }
    }

    // Packed fp32 products (CpuLinear) from the weights as they are now, or none (false).
    void useCpuLinear(bool on) {
        for (auto& l : layers_) {
            l->attention->self->useCpuLinear(on);
            l->attention->output->useCpuLinear(on);
            l->intermediate->useCpuLinear(on);
            l->output->useCpuLinear(on);
        }
    }

    at::Tensor forward(at::Tensor x, const at::Tensor& mask, std::int64_t batch, std::int64_t length) {
        for (auto& l : layers_) x = l->forward(x, mask, batch, length);
        return x;
    }

    // Runs layers [from, to) only: fine-tuning computes the frozen bottom once and trains the top.
    at::Tensor forwardLayers(at::Tensor x, const at::Tensor& mask, std::int64_t batch, std::int64_t length, std::size_t from,
                             std::size_t to) {
        for (std::size_t i = from; i < to && i < layers_.size(); ++i) x = layers_[i]->forward(x, mask, batch, length);
        return x;
    }
    std::vector<BertLayer>& layers() { return layers_; }

    torch::nn::ModuleList layer;

private:
    std::vector<BertLayer> layers_;  // typed handles to the same modules, avoiding ModuleList casts per call
};
TORCH_MODULE(BertEncoder);

}  // namespace ss
