// EncoderInfo: what a loaded SentenceEncoder is, for display and for recording with results
// (the weights fingerprint says exactly which weights produced a vector). Plain value type: any thread.
#pragma once

#include <cstdint>
#include <string>

#include "model/ModelConfig.h"

namespace ss {

struct EncoderInfo {
    std::string name;  // model folder name, e.g. all-MiniLM-L6-v2
    std::int64_t layers = 0;
    std::int64_t hidden = 0;  // also the sentence vector's dimension
    std::int64_t heads = 0;
    std::int64_t vocabSize = 0;
    std::int64_t maxLength = 0;  // longest accepted token sequence incl. [CLS]/[SEP]: truncate to this
    std::string device;          // "cpu" or "cuda:0"
    std::string precision;       // "fp32", "fp16" or "bf16" as actually used
    std::string weightsSha256;   // sha256 of model.safetensors, lower-case hex
    PoolingMode pooling = PoolingMode::Mean;
    bool normalize = false;
};

}  // namespace ss
