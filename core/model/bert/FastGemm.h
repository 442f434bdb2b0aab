// FastGemm: one linear layer's matrix product in the encoder's CPU fast mode. Only the products run
// in lower precision; the residuals, LayerNorm, attention and pooling stay fp32. Two kinds, chosen
// once per process by bestKind():
//  - Bf16: inputs and weights in bfloat16, where oneDNN has AVX512-BF16 (and AMX) products. What
//    only feeds the next product stays bfloat16 between the two: the attention context, and the
//    feed-forward expansion with its bias and GELU (linearForProduct);
//  - Int8: weights quantised once per output channel (symmetric int8); each token's activations
//    quantised on every call onto its own [min, max] (so an outlier token does not coarsen the
//    others), products accumulated in int32 by LibTorch's oneDNN (or FBGEMM) quantized engine.
// Internal to ss_model_torch. Construction packs the weight (any thread, not concurrently with
// linear() on the same object); linear() is read-only and may run on several threads at once.
#pragma once

#include <memory>

#include <ATen/ATen.h>

namespace ss {

class FastGemm {
public:
    enum class Kind { None, Bf16, Int8 };

    // What fast mode uses on this CPU with this LibTorch: Bf16, else Int8, else None (fp32).
    static Kind bestKind();
    // "bf16", "int8" or "" (None): how TorchEncoder::precisionName() describes the products.
    static const char* kindName(Kind kind);

    FastGemm() = default;
    // weight [out, in] and bias [out] in fp32. Kind None gives an empty product (defined() is false).
    FastGemm(const at::Tensor& weight, const at::Tensor& bias, Kind kind);

    bool defined() const { return kind_ != Kind::None; }
    Kind kind() const { return kind_; }
    // x [N, in] (fp32, or bfloat16 with Bf16) -> x weightᵀ + bias [N, out] fp32.
    at::Tensor linear(const at::Tensor& x) const;
    // The same for a result that only feeds another fast product, through an element-wise op such as
    // GELU: with Bf16 it stays bfloat16, the bias added inside the product (which would round it to
    // bfloat16 on the way in anyway), saving a conversion to fp32, a bias pass and a conversion back
    // over the widest activations; otherwise linear(x).
    at::Tensor linearForProduct(const at::Tensor& x) const;

private:
    at::Tensor int8Linear(const at::Tensor& x) const;

    struct Int8Weight;  // LibTorch's packed quantised weight; defined in FastGemm.cpp
    Kind kind_ = Kind::None;
    at::Tensor bias_;
    at::Tensor bf16Weight_, bf16Bias_;
    at::Tensor quantisedRowSums_;  // [1, out]: Σ_j Wq[o, j] of the weights as quantised
    std::shared_ptr<const Int8Weight> int8Weight_;
};

}  // namespace ss
