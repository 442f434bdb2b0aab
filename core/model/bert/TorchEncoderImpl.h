// TorchEncoder::Impl: the state behind TorchEncoder — the BERT module on its device and how it runs —
// shared by the inference (TorchEncoder.cpp) and fine-tuning (TorchFineTuner.cpp) translation units.
// Internal to ss_model_torch; same threading rules as TorchEncoder.
#pragma once

#include <string>

#include <ATen/ATen.h>

#include "model/ModelConfig.h"
#include "model/bert/BertModel.h"
#include "model/bert/TorchEncoder.h"

namespace ss {

struct TorchEncoder::Impl {
    ModelConfig config;
    BertModel model{nullptr};
    at::Device device{at::kCPU};
    at::ScalarType dtype = at::kFloat;
    std::string deviceName;
    std::string precisionName;
    int computeThreads = 1;
    bool fastGemm = false;  // fast mode: bf16 copies of the weights feed the matrix products
};

}  // namespace ss
