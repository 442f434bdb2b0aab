#include "model/bert/TorchEncoder.h"
#include "model/bert/TorchEncoderImpl.h"

#include <algorithm>
#include <cstring>
#include <exception>
#include <limits>
#include <thread>

#include <dlfcn.h>

#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include "common/BlasThreads.h"
#include "model/bert/BertWeightLoader.h"
#include "model/bert/SentencePooling.h"

namespace ss {

namespace {

// Per-thread working-set budgets for one CPU forward slice. Measured on the golden texts (1 thread,
// OpenBLAS): slices whose attention scores fit 1 MiB, about a core's L2 cache, ran 2.4x faster than
// whole 32-sequence batches, because big temporaries above glibc's mmap threshold are mapped,
// page-faulted and unmapped on every pass and because activations then stay in cache between the
// GEMM and the element-wise ops. The token activations (the FFN's [rows, intermediate]) get more
// room: measured on 2,000 short texts (12 tokens) on an AVX2 Zen 3, 4 MiB ran 7% faster than 1 MiB
// in exact mode and 5% in fast mode (fewer, taller matrix products, each packing the weights once);
// long texts (140 tokens) are bound by their scores and did not change.
constexpr std::int64_t kScoreBytesPerThread = std::int64_t(1) << 20;
constexpr std::int64_t kTokenBytesPerThread = std::int64_t(4) << 20;

// How a CPU encoder spends its threads. With OpenBLAS (Debian's LibTorch) the batch is split into one
// part per thread and each part runs on its own worker with single-threaded BLAS, OpenMP and oneDNN:
// measured on 2 cores, OpenBLAS's own threading gained nothing on the encoder's matrix sizes (640 x 384
// x 1152: 90 GFLOP/s with 1 thread or 2) while two single-threaded workers run at twice one core's
// rate, and the workers never spin against each other. Without OpenBLAS (MKL in PyTorch wheels) the
// library threads each product as before: ATen's OpenMP gets the threads, one part at a time.
struct ThreadPlan {
    int workers = 1;         // parts of a batch encoded at once
    int threadsPerPart = 1;  // the library's threads inside one part (sizes the slices)
};

ThreadPlan planThreads(int threads) {
    if (BlasThreads::available()) return {std::max(1, threads > 0 ? threads : BlasThreads::current()), 1};
    if (threads > 0) at::set_num_threads(threads);
    return {1, std::max(1, at::get_num_threads())};
}

// Keeps ATen's OpenMP (and oneDNN, which uses it) to the calling worker thread alone. The thread
// count is per thread in OpenMP, so the job thread and other jobs keep theirs.
void useOneOpenMPThreadHere() {
    at::internal::lazy_init_num_threads();  // first, or ATen's lazy set-up would undo the next line
    using SetThreads = void (*)(int);
    static const auto set = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "omp_set_num_threads"));
    if (set) set(1);
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
    // Fast mode on a CPU: fp32 model, matrix products in bf16 or int8 (FastGemm). On a GPU it means fp16.
    const FastGemm::Kind fastGemm = settings.precision == "fast" && !useCuda ? FastGemm::bestKind() : FastGemm::Kind::None;
    if (settings.precision == "fast" && useCuda) impl->dtype = at::kHalf;
    if (settings.precision == "fast")
        impl->precisionName = useCuda ? "fp16"
                              : fastGemm != FastGemm::Kind::None ? std::string("fast (") + FastGemm::kindName(fastGemm) + " matrix products)"
                                                                 : "fp32 (fast mode needs AVX512-BF16 or an int8 engine)";

    try {
        const ThreadPlan plan = planThreads(settings.threads);
        impl->workers = plan.workers;
        impl->computeThreads = plan.threadsPerPart;
        impl->model = BertModel(config);
        if (Status loaded = BertWeightLoader::load(impl->model, weights); !loaded) return loaded.error();
        impl->model->eval();
        impl->model->to(impl->device, impl->dtype);
        impl->model->prepareForInference();
        if (fastGemm != FastGemm::Kind::None) impl->model->useFastGemm(fastGemm);
        impl->fastGemm = fastGemm;
        // Exact mode on the CPU: fp32 products from weights packed once (2,000 short texts: the BLAS
        // product re-packed them on every call, about a tenth of the time).
        impl->cpuLinear = fastGemm == FastGemm::Kind::None && !useCuda && impl->dtype == at::kFloat && CpuLinear::available();
        if (impl->cpuLinear) impl->model->useCpuLinear(true);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("LibTorch failed while loading the model: ") + e.what(),
                         weights.path().string());
    }
    return std::unique_ptr<TorchEncoder>(new TorchEncoder(std::move(impl)));
}

std::size_t TorchEncoder::parallelBatches() const {
    return impl_->device.is_cpu() ? std::size_t(std::max(1, impl_->workers)) : 1;
}

Status TorchEncoder::encodeBatch(const std::vector<std::vector<std::int32_t>>& sequences,
                                 const std::vector<std::size_t>& indices, std::vector<std::vector<float>>& out) {
    if (indices.empty()) return {};
    // GPUs want the whole batch at once.
    if (!impl_->device.is_cpu()) return encodeSlice(sequences, indices, out);
    const std::size_t parts = std::min<std::size_t>(std::size_t(impl_->workers), indices.size());
    if (parts <= 1) return encodeSlices(sequences, indices, out);
    // Every part writes only its own rows of `out`.
    const BlasThreads oneBlasThreadPerWorker(1);
    std::vector<Status> results(parts);
    std::vector<std::thread> workers;
    workers.reserve(parts);
    for (std::size_t p = 0; p < parts; ++p) {
        const auto begin = indices.begin() + std::ptrdiff_t(indices.size() * p / parts);
        const auto end = indices.begin() + std::ptrdiff_t(indices.size() * (p + 1) / parts);
        workers.emplace_back([this, &sequences, &out, &results, p, part = std::vector<std::size_t>(begin, end)] {
            useOneOpenMPThreadHere();
            results[p] = encodeSlices(sequences, part, out);
        });
    }
    for (auto& w : workers) w.join();
    for (auto& r : results)
        if (!r) return r;
    return {};
}

Status TorchEncoder::encodeSlices(const std::vector<std::vector<std::int32_t>>& sequences,
                                  const std::vector<std::size_t>& indices, std::vector<std::vector<float>>& out) {
    std::int64_t length = 0;
    for (std::size_t i : indices) length = std::max(length, std::int64_t(sequences[i].size()));
    // The part runs in slices whose largest temporaries (attention scores, intermediate activations)
    // fit their budgets per thread; sorting by length keeps padding the same.
    const std::int64_t scoreBytesPerRow = std::max<std::int64_t>(1, impl_->config.numHeads * length * length * 4);
    const std::int64_t tokenBytesPerRow = std::max<std::int64_t>(1, impl_->config.intermediateSize * length * 4);
    const std::int64_t threads = impl_->computeThreads;
    const auto sliceRows = std::size_t(std::max<std::int64_t>(
        1, std::min(kScoreBytesPerThread * threads / scoreBytesPerRow, kTokenBytesPerThread * threads / tokenBytesPerRow)));
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
        // Thread-local guard: created on the calling (job or worker) thread, never stored.
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
