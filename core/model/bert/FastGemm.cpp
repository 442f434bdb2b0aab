#include "model/bert/FastGemm.h"

#include <algorithm>
#include <mutex>
#include <optional>
#include <stdexcept>

#include <ATen/Context.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <ATen/native/quantized/PackedParams.h>
#include <torch/version.h>

namespace ss {

namespace {

bool cpuHasBf16Products() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
#else
    return false;
#endif
}

// The quantized engine whose dynamic linear layer runs int8 products with int32 accumulation on x86:
// oneDNN (Debian's LibTorch 1.13 has it and no FBGEMM), else FBGEMM or x86 (PyTorch 2.x wheels).
// QNNPACK is left out: measured on AVX2 at the encoder's shapes it was 2-3x slower than fp32.
std::optional<at::QEngine> int8Engine() {
    const auto& supported = at::globalContext().supportedQEngines();
    const auto has = [&](at::QEngine e) { return std::find(supported.begin(), supported.end(), e) != supported.end(); };
    for (at::QEngine e : {at::QEngine::ONEDNN, at::QEngine::FBGEMM
#if TORCH_VERSION_MAJOR >= 2
                          , at::QEngine::X86
#endif
         })
        if (has(e)) return e;
    return std::nullopt;
}

}  // namespace

struct FastGemm::Int8Weight {
    c10::intrusive_ptr<LinearPackedParamsBase> packed;
};

FastGemm::Kind FastGemm::bestKind() {
    static const Kind kind = cpuHasBf16Products() ? Kind::Bf16 : int8Engine() ? Kind::Int8 : Kind::None;
    return kind;
}

const char* FastGemm::kindName(Kind kind) {
    switch (kind) {
    case Kind::Bf16: return "bf16";
    case Kind::Int8: return "int8";
    case Kind::None: break;
    }
    return "";
}

FastGemm::FastGemm(const at::Tensor& weight, const at::Tensor& bias, Kind kind) : kind_(kind) {
    if (kind == Kind::None) return;
    const at::Tensor w = weight.detach().to(at::kFloat).contiguous();
    bias_ = bias.detach().to(at::kFloat).contiguous();
    if (kind == Kind::Bf16) {
        bf16Weight_ = w.to(at::kBFloat16);
        bf16Bias_ = bias_.to(at::kBFloat16);
        return;
    }
    const auto engine = int8Engine();
    if (!engine) throw std::runtime_error("this LibTorch has no quantized engine for int8 products");
    // Symmetric per-output-channel scales: each row's largest magnitude maps to 127.
    const at::Tensor scales = std::get<0>(w.abs().max(1)).clamp_min(1e-12).div(127.0).to(at::kDouble);
    const at::Tensor quantised = at::quantize_per_channel(w, scales, at::zeros({w.size(0)}, at::kLong), 0, at::kQInt8);
    // The quantised weights, not the fp32 ones: int8Linear()'s two terms then use the same weights and
    // their rounding does not scale with a token's offset.
    quantisedRowSums_ = quantised.dequantize().sum(1).unsqueeze(0).contiguous();
    static const auto prepack = c10::Dispatcher::singleton()
                                    .findSchemaOrThrow("quantized::linear_prepack", "")
                                    .typed<c10::intrusive_ptr<LinearPackedParamsBase>(at::Tensor, c10::optional<at::Tensor>)>();
    // The engine is a process-wide setting that only prepacking reads: set for it and put back at once.
    static std::mutex engineMutex;
    const std::lock_guard lock(engineMutex);
    const at::QEngine previous = at::globalContext().qEngine();
    at::globalContext().setQEngine(*engine);
    try {
        // No bias here: int8Linear() adds it after undoing the tokens' scaling.
        int8Weight_ = std::make_shared<const Int8Weight>(Int8Weight{prepack.call(quantised, c10::nullopt)});
    } catch (...) {
        at::globalContext().setQEngine(previous);
        throw;
    }
    at::globalContext().setQEngine(previous);
}

at::Tensor FastGemm::linear(const at::Tensor& x) const {
    switch (kind_) {
    case Kind::Bf16: return at::matmul(x.to(at::kBFloat16), bf16Weight_.t()).to(at::kFloat).add_(bias_);
    case Kind::Int8: return int8Linear(x);
    case Kind::None: break;
    }
    throw std::logic_error("FastGemm::linear on an empty product");
}

at::Tensor FastGemm::linearForProduct(const at::Tensor& x) const {
    if (kind_ == Kind::Bf16) return at::addmm(bf16Bias_, x.to(at::kBFloat16), bf16Weight_.t());
    return linear(x);
}

// The engine quantises its whole input with one scale and zero point. Each row (token) is first mapped
// exactly onto [0, 1], x = origin + step * u, so every token gets all 256 levels whatever its range;
// then x Wqᵀ + b = step * (u Wqᵀ) + (b + origin * Σ_j Wq[:, j]). The direction is chosen so that the
// bulk of a row's values (near 0, away from its largest outlier) lands near u = 0: on CPUs without
// VNNI the u8 x s8 products are summed in pairs into int16, which saturates when both inputs are large
// (measured on MiniLM-L6: mapping every row upwards took the worst text's cosine to the exact vector
// down to 0.80; flipped, 0.988). Four passes over the data besides the engine's own two.
at::Tensor FastGemm::int8Linear(const at::Tensor& x) const {
    const at::Tensor in = x.contiguous();
    // amin and amax, not aminmax: measured 16 µs against 290 µs on a 280 x 384 input.
    const at::Tensor rowMin = at::amin(in, 1, /*keepdim=*/true), rowMax = at::amax(in, 1, /*keepdim=*/true);
    const at::Tensor downwards = rowMax.lt(rowMin.neg());  // the largest magnitude is negative
    const at::Tensor origin = at::where(downwards, rowMax, rowMin);
    at::Tensor step = at::where(downwards, rowMin - rowMax, rowMax - rowMin);
    step.masked_fill_(step.abs().lt(1e-30), 1.0);  // a constant row: u = 0 everywhere
    const at::Tensor inverseStep = step.reciprocal();
    const at::Tensor product = int8Weight_->packed->apply_dynamic(in.sub(origin).mul_(inverseStep), /*reduce_range=*/false);
    return at::addcmul(bias_, origin, quantisedRowSums_).addcmul_(product, step);
}

}  // namespace ss
