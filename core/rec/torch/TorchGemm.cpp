// The BLAS product for the scoring engine. Only ATen's core header: ~4 s to compile instead of ~11 s.
#include <ATen/ATen.h>

#include "rec/torch/TorchKernels.h"

namespace ss::rec::torchkernels {

void gemmNT(const float* a, const float* b, float* c, int m, int n, int k) {
    c10::InferenceMode guard;  // thread-local: created here, on the calling thread
    const auto options = at::TensorOptions().dtype(at::kFloat);
    at::Tensor ta = at::from_blob(const_cast<float*>(a), {m, k}, options);
    at::Tensor tb = at::from_blob(const_cast<float*>(b), {n, k}, options);
    at::Tensor tc = at::from_blob(c, {m, n}, options);
    at::mm_out(tc, ta, tb.t());
}

}  // namespace ss::rec::torchkernels
