// EncoderOptions: how SentenceEncoder::load places and runs a model. Plain value type: any thread.
#pragma once

#include <cstddef>
#include <string>

namespace ss {

struct EncoderOptions {
    std::string device = "auto";     // "auto" (CUDA when available, else CPU), "cpu" or "cuda"; chosen once at load
    std::string precision = "fp32";  // "fp32", "fp16" or "bf16"; on CPU fp16 falls back to fp32, bf16 is honoured
    int threads = 0;                 // > 0: CPU threads for the GEMMs (OpenBLAS or LibTorch), process-wide; 0 leaves them
    std::size_t batchSize = 64;      // sequences per forward pass
};

}  // namespace ss
