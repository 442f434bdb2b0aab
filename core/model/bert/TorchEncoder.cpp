#include "model/bert/TorchEncoder.h"
#include "model/bert/TorchEncoderImpl.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <limits>

#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include "common/BlasThreads.h"
#include "model/bert/BertWeightLoader.h"
#include "model/bert/SentencePooling.h"

namespace ss {

namespace {

// Per-thread working-set budget for one CPU forward slice: about a core's L2 cache. Measured on the
// golden texts (1 thread, OpenBLAS): 1 MiB slices run 2.4x faster than whole 32-sequence batches,
// because big temporaries above glibc's mmap threshold are mapped, page-faulted and unmapped on every
// pass and because activations then stay in cache between the GEMM and the element-wise ops.
constexpr std::int64_t kSliceBytesPerThread = std::int64_t(1) << 20;

// Fast mode pays off only where oneDNN runs bf16 products natively (AVX512-BF16); elsewhere they
// would be emulated, slower than fp32.
bool cpuHasBf16Products() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512bf16") && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl");
#else
    return false;
#endif
}

// Applies a thread count and returns the number of threads that run the GEMMs. With OpenBLAS the
// GEMMs (~90% of the FLOPs) get all threads and ATen's OpenMP stays at one: measured on 2 busy cores,
// OpenMP's spinning workers next to OpenBLAS's made 2 threads 3x slower than 1, while OpenBLAS alone
// with 2 threads was 1.5x faster than 1.
int applyThreads(int threads) {
    if (threads > 0) {
        if (BlasThreads::set(threads)) at::set_num_threads(1);
        else at::set_num_threads(threads);
        return threads;
    }
    return BlasThreads::available() ? std::max(1, BlasThreads::current()) : std::max(1, at::get_num_threads());
}

}  // namespace

TorchEncoder::TorchEncoder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TorchEncoder::~TorchEncoder() = default;

const std::string& TorchEncoder::deviceName() const { return impl_->deviceName; }
const std::string& TorchEncoder::precisionName() const { return impl_->precisionName; }

bool TorchEncoder::cudaAvailable() {
    try {
        return torch::cuda::is_available();
    } catch (const std::exception&) {
        return false;
    }
}

Result<std::unique_ptr<TorchEncoder>> TorchEncoder::create(const ModelConfig& config, const SafetensorsFile& weights,
                                                           const Settings& settings) {
    auto impl = std::make_unique<Impl>();
    impl->config = config;

    // The device is chosen here, once; forward() never decides where to run.
    const bool cuda = cudaAvailable();
    if (settings.device == "cuda" && !cuda) {
        return makeError(ErrorCode::Unsupported,
                         "device 'cuda' requested but this LibTorch build has no usable CUDA device", "device");
    }
    const bool useCuda = settings.device == "cuda" || (settings.device == "auto" && cuda);
    impl->device = useCuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
    impl->deviceName = useCuda ? "cuda:0" : "cpu";

    // Half precision on CPU is slow and lossy in LibTorch's CPU kernels, so it is refused in favour of
    // fp32; bf16 on CPU is honoured because the caller asked for it explicitly.
    if (settings.precision == "bf16") {
        impl->dtype = at::kBFloat16;
    } else if (settings.precision == "fp16" && useCuda) {
        impl->dtype = at::kHalf;
    } else {
        impl->dtype = at::kFloat;
    }
    impl->precisionName = impl->dtype == at::kBFloat16 ? "bf16" : impl->dtype == at::kHalf ? "fp16" : "fp32";
    // Fast mode on a CPU: fp32 model, matrix products in bfloat16 (FastGemm). On a GPU it means fp16.
    const bool fastGemm = settings.precision == "fast" && !useCuda && cpuHasBf16Products();
    if (settings.precision == "fast" && useCuda) impl->dtype = at::kHalf;
    if (settings.precision == "fast")
        impl->precisionName = useCuda ? "fp16" : fastGemm ? "fast (bf16 matrix products)" : "fp32 (fast mode needs AVX512-BF16)";

    try {
        impl->computeThreads = applyThreads(settings.threads);
        impl->model = BertModel(config);
        if (Status loaded = BertWeightLoader::load(impl->model, weights); !loaded) return loaded.error();
        impl->model->eval();
        impl->model->to(impl->device, impl->dtype);
        impl->model->prepareForInference();
        if (fastGemm) impl->model->useFastGemm();
        impl->fastGemm = fastGemm;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("LibTorch failed while loading the model: ") + e.what(),
                         weights.path().string());
    }
    return std::unique_ptr<TorchEncoder>(new TorchEncoder(std::move(impl)));
}

Status TorchEncoder::encodeBatch(const std::vector<std::vector<std::int32_t>>& sequences,
                                 const std::vector<std::size_t>& indices, std::vector<std::vector<float>>& out) {
    if (indices.empty()) return {};
    std::int64_t length = 0;
    for (std::size_t i : indices) length = std::max(length, std::int64_t(sequences[i].size()));
    // On CPU the batch runs in slices whose largest temporaries (attention scores, intermediate
    // activations) fit kSliceBytesPerThread per thread; sorting by length keeps padding the same.
    // GPUs want the whole batch at once.
    const std::int64_t scoreBytesPerRow = impl_->config.numHeads * length * length * 4;
    const std::int64_t tokenBytesPerRow = impl_->config.intermediateSize * length * 4;
    const std::int64_t perRow = std::max<std::int64_t>(1, std::max(scoreBytesPerRow, tokenBytesPerRow));
    const std::int64_t budget = kSliceBytesPerThread * impl_->computeThreads;
    const auto sliceRows =
        impl_->device.is_cpu() ? std::size_t(std::max<std::int64_t>(1, budget / perRow)) : indices.size();
    for (std::size_t start = 0; start < indices.size(); start += sliceRows) {
        const std::vector<std::size_t> slice(indices.begin() + std::ptrdiff_t(start),
                                             indices.begin() + std::ptrdiff_t(std::min(indices.size(), start + sliceRows)));
        if (Status s = encodeSlice(sequences, slice, out); !s) return s;
    }
    return {};
}

Status TorchEncoder::encodeSlice(const std::vector<std::vector<std::int32_t>>& sequences,
                                 const std::vector<std::size_t>& indices, std::vector<std::vector<float>>& out) {
    try {
        // Thread-local guard: created on the calling (job) thread, never stored.
        c10::InferenceMode inference;
        const PaddedBatch padded = padBatch(*impl_, sequences, indices);
        const std::int64_t batch = padded.batch;
        const at::Tensor hidden = impl_->model->forward(padded.ids, padded.mask).to(at::kFloat);
        const at::Tensor pooled =
            SentencePooling::pool(hidden, padded.keep, impl_->config.pooling, impl_->config.normalize).to(at::kCPU);

        const std::int64_t dim = pooled.size(1);
        const float* data = pooled.data_ptr<float>();
        for (std::int64_t b = 0; b < batch; ++b) {
            auto& row = out[indices[std::size_t(b)]];
            row.assign(data + b * dim, data + (b + 1) * dim);
        }
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("LibTorch failed while encoding: ") + e.what(),
                         impl_->deviceName);
    }
    return {};
}

}  // namespace ss
