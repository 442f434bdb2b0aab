// The product for the scoring engine: ATen on the GPU when present, else the CPU's BLAS. Only ATen's
// core header: ~4 s to compile instead of ~11 s.
#include <ATen/ATen.h>

#include <atomic>

#include "rec/torch/TorchKernels.h"

namespace ss::rec::torchkernels {

namespace {
std::atomic<bool> cpuOnly{false};

// Products big enough to repay the copies go to the GPU when there is one (a user block against the
// whole catalog: tens of MFLOP and up); small ones stay on the CPU's BLAS.
bool cudaEnabled() {
    static const bool cuda = cudaAvailable();
    return cuda && !cpuOnly.load(std::memory_order_relaxed);
}

bool onCuda(int m, int n, int k) { return cudaEnabled() && double(m) * n * k >= double(1 << 24); }
}  // namespace

void gemmNT(const float* a, const float* b, float* c, int m, int n, int k) {
    c10::InferenceMode guard;  // thread-local: created here, on the calling thread
    const auto options = at::TensorOptions().dtype(at::kFloat);
    at::Tensor ta = at::from_blob(const_cast<float*>(a), {m, k}, options);
    at::Tensor tb = at::from_blob(const_cast<float*>(b), {n, k}, options);
    at::Tensor tc = at::from_blob(c, {m, n}, options);
    if (onCuda(m, n, k)) {
        const at::Device gpu(at::kCUDA, 0);
        tc.copy_(at::mm(ta.to(gpu), tb.to(gpu).t()));  // the copy back waits for the product
        return;
    }
    at::mm_out(tc, ta, tb.t());
}

void setCpuOnlyGemm(bool cpu) { cpuOnly = cpu; }

bool gemmUsesCuda() { return cudaEnabled(); }

}  // namespace ss::rec::torchkernels
