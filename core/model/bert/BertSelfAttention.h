// BertSelfAttentionImpl: multi-head scaled dot-product attention with separate query/key/value
// projections under the Hugging Face names (attention.self.query.weight, ...). After loading,
// fuse() packs Q, K and V into one [3*hidden, hidden] matrix so each layer does a single GEMM; the
// registered parameters become views into it, so names and memory stay as before. Inference on the
// CPU in fp32 runs the attention itself in CpuAttention; otherwise (GPU, training, bf16 models) ATen.
// Internal to ss_model_torch; forward() is read-only (any thread, under InferenceMode).
#pragma once

#include <cmath>

#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/version.h>

#include "model/ModelConfig.h"
#include "model/bert/CpuAttention.h"
#include "model/bert/CpuLinear.h"
#include "model/bert/FastGemm.h"

namespace ss {

class BertSelfAttentionImpl : public torch::nn::Module {
public:
    explicit BertSelfAttentionImpl(const ModelConfig& config)
        : query(register_module("query", torch::nn::Linear(config.hiddenSize, config.hiddenSize))),
          key(register_module("key", torch::nn::Linear(config.hiddenSize, config.hiddenSize))),
          value(register_module("value", torch::nn::Linear(config.hiddenSize, config.hiddenSize))),
          heads_(config.numHeads),
          headDim_(config.hiddenSize / config.numHeads) {}

    // Call once after the weights are loaded and moved to their final device and dtype.
    void fuse() {
        at::NoGradGuard noGrad;
        qkvWeight_ = at::cat({query->weight, key->weight, value->weight}, 0).contiguous();
        qkvBias_ = at::cat({query->bias, key->bias, value->bias}, 0).contiguous();
        const std::int64_t h = query->weight.size(0);
        query->weight.set_data(qkvWeight_.narrow(0, 0, h));
        key->weight.set_data(qkvWeight_.narrow(0, h, h));
        value->weight.set_data(qkvWeight_.narrow(0, 2 * h, h));
        query->bias.set_data(qkvBias_.narrow(0, 0, h));
        key->bias.set_data(qkvBias_.narrow(0, h, h));
        value->bias.set_data(qkvBias_.narrow(0, 2 * h, h));
    }

    // x: [batch * length, hidden]; mask: additive [batch, 1, 1, length] (0 keep, very negative for
    // padding). Returns the attention context [batch * length, hidden].
    at::Tensor forward(const at::Tensor& x, const at::Tensor& mask, std::int64_t batch, std::int64_t length) {
        const at::Tensor qkv = fast_.defined()                ? fast_.linear(x)
                               : CpuLinear::usable(packed_, x) ? packed_.forward(x)
                                                               : at::addmm(qkvBias_, x, qkvWeight_.t());  // [B*L, 3H]
        // With bfloat16 products the attention output's product reads the context in bfloat16.
        const bool bf16Context = fast_.kind() == FastGemm::Kind::Bf16;
        if (CpuAttention::handles(qkv, mask, headDim_))
            return CpuAttention::forward(qkv, mask, batch, length, heads_, headDim_, bf16Context ? at::kBFloat16 : at::kFloat);
        // [B, L, 3, heads, dim] -> [3, B, heads, L, dim]
        const auto parts = qkv.view({batch, length, 3, heads_, headDim_}).permute({2, 0, 3, 1, 4}).unbind(0);
#if TORCH_VERSION_MAJOR >= 2
        const at::Tensor context = at::scaled_dot_product_attention(parts[0], parts[1], parts[2], mask);
#else
        const double scale = 1.0 / std::sqrt(double(headDim_));
        // Scaling q (L x dim) is cheaper than scaling the scores (L x L) once L > dim.
        at::Tensor scores = at::matmul(parts[0] * scale, parts[1].transpose(-1, -2));  // [B, heads, L, L]
        scores.add_(mask);
        const at::Tensor context = at::matmul(at::softmax(scores, -1), parts[2]);  // [B, heads, L, dim]
#endif
        // Laid out and converted in one pass.
        const at::Tensor laidOut = bf16Context
                                       ? context.permute({0, 2, 1, 3}).to(at::kBFloat16, false, false, at::MemoryFormat::Contiguous)
                                       : context.permute({0, 2, 1, 3});
        return laidOut.reshape({batch * length, heads_ * headDim_});
    }

    // The packed Q/K/V weight and bias that forward() uses (query/key/value.weight are views into
    // them): what fine-tuning trains.
    at::Tensor& packedWeight() { return qkvWeight_; }
    at::Tensor& packedBias() { return qkvBias_; }
    // Fast mode: the Q/K/V product in lower precision (see FastGemm); call after fuse(). None: fp32.
    void useFastGemm(FastGemm::Kind kind) { fast_ = FastGemm(qkvWeight_, qkvBias_, kind); }
    // Exact mode on an AVX-512 CPU: the Q/K/V product from a packed copy of the weights (CpuLinear),
    // made from the weights as they are now; false drops it. After fuse().
    void useCpuLinear(bool on) { packed_ = on ? CpuLinear(qkvWeight_, qkvBias_) : CpuLinear(); }

    torch::nn::Linear query;
    torch::nn::Linear key;
    torch::nn::Linear value;

private:
    std::int64_t heads_;
    std::int64_t headDim_;
    at::Tensor qkvWeight_;
    at::Tensor qkvBias_;
    FastGemm fast_;
    CpuLinear packed_;
};
TORCH_MODULE(BertSelfAttention);

}  // namespace ss
