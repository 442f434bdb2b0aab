// EncoderOptions: how SentenceEncoder::load places and runs a model. Plain value type: any thread.
#pragma once

#include <cstddef>
#include <string>

namespace ss {

struct EncoderOptions {
    std::string device = "auto";     // "auto" (CUDA when available, else CPU), "cpu" or "cuda"; chosen once at load
    std::string precision = "fp32";  // "fp32", "fp16", "bf16" or "fast"; on CPU fp16 falls back to fp32, bf16 is honoured
    // > 0: CPU threads. With OpenBLAS each batch is split over that many worker threads, each
    // single-threaded (OpenBLAS held at 1 while a batch runs); otherwise LibTorch's threads, process-wide.
    // 0: automatic, one worker per OpenBLAS thread (one per core unless OPENBLAS_NUM_THREADS says).
    int threads = 0;
    std::size_t batchSize = 64;      // sequences per forward pass
};

}  // namespace ss
