// BertModelImpl: the BERT encoder (embeddings + encoder) whose parameter names are exactly the
// Hugging Face BertModel names without the optional "bert." prefix, so loading is a strict
// name -> tensor match. The pooler and task heads are not part of it (sentence embeddings do not
// use them). Internal to ss_model_torch; forward() is read-only (any thread, under InferenceMode).
#pragma once

#include "model/ModelConfig.h"
#include "model/bert/BertEmbeddings.h"
#include "model/bert/BertEncoder.h"

namespace ss {

class BertModelImpl : public torch::nn::Module {
public:
    explicit BertModelImpl(const ModelConfig& config)
        : embeddings(register_module("embeddings", BertEmbeddings(config))),
          encoder(register_module("encoder", BertEncoder(config))) {}

    // Packs per-layer weights for faster inference; call after loading and moving the model.
    void prepareForInference() { encoder->fuse(); }
    // Fast mode: every layer's matrix products in lower precision (FastGemm), the rest in fp32.
    // After prepareForInference().
    void useFastGemm(FastGemm::Kind kind) { encoder->useFastGemm(kind); }
    // Exact mode on the CPU: every layer's products from packed weights (CpuLinear), or not (false);
    // to be called again whenever the weights change. After prepareForInference().
    void useCpuLinear(bool on) { encoder->useCpuLinear(on); }

    // ids: [batch, length] int64; mask: additive [batch, 1, 1, length] in the compute dtype.
    // Returns the last hidden state [batch, length, hidden].
    at::Tensor forward(const at::Tensor& ids, const at::Tensor& mask) {
        const std::int64_t batch = ids.size(0);
        const std::int64_t length = ids.size(1);
        const at::Tensor hidden = encoder->forward(embeddings->forward(ids), mask, batch, length);
        return hidden.view({batch, length, -1});
    }

    BertEmbeddings embeddings;
    BertEncoder encoder;
};
TORCH_MODULE(BertModel);

}  // namespace ss
