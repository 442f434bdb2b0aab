// CpuLinear: one linear layer's fp32 product on the CPU, y = x Wᵀ + b (+ a residual), with the weight
// packed once into the kernel's layout, on CPUs with AVX-512. The BLAS product (OpenBLAS in Debian's
// LibTorch) packs the weight again on every call, which on a short text's 384 rows was about a tenth
// of the encoder's time; here 8 rows × 32 outputs are summed in registers, starting from the bias and
// the residual and ending with GELU where asked, so none of them needs a pass of its own. Exact mode's product: fp32 throughout, each output
// summed over the inputs in order (the BLAS sums in another order: results agree to rounding).
// Construction packs the weight (any thread, not concurrently with forward() on the same object);
// forward() is read-only and may run on several threads at once. Internal to ss_model_torch.
#pragma once

#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

namespace ss {

class CpuLinear {
public:
    // True on an x86-64 CPU with AVX-512F in a GCC build.
    static bool available();
    // Whether a weight of this shape can be packed: outputs a multiple of 32.
    static bool fits(const at::Tensor& weight);

    CpuLinear() = default;
    // weight [out, in] and bias [out], fp32 on the CPU; the packed copy does not follow later changes
    // to them (build a new one). Without AVX-512, or for a weight that does not fit, it stays undefined.
    CpuLinear(const at::Tensor& weight, const at::Tensor& bias);

    bool defined() const { return packed_.defined(); }
    // Whether `linear` should take x: defined, fp32 on the CPU, and no gradient wanted (training
    // changes the weights under the packed copy, and needs ATen's autograd).
    static bool usable(const CpuLinear& linear, const at::Tensor& x) {
        return linear.defined() && !at::GradMode::is_enabled() && x.device().is_cpu() && x.scalar_type() == at::kFloat;
    }
    // What is applied to the result before it is stored: nothing, or GELU with the exact erf (as
    // transformers' "gelu"; erf to within 1.5e-7), which saves the feed-forward expansion a pass.
    enum class Then { Nothing, Gelu };
    // x [N, in] fp32 -> then(x Wᵀ + b (+ residual [N, out] fp32 when defined)) [N, out] fp32.
    at::Tensor forward(const at::Tensor& x, const at::Tensor& residual = {}, Then then = Then::Nothing) const;

private:
    at::Tensor packed_;  // [out / 32, in, 32]: each panel's 32 outputs' weights side by side per input
    at::Tensor bias_;
    std::int64_t in_ = 0, out_ = 0;
};

}  // namespace ss
