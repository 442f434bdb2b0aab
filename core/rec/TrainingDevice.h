// TrainingDevice: where a model with both a native CPU trainer and a LibTorch tensor trainer runs.
// "auto" takes CUDA when this LibTorch has one and the native code otherwise; "cpu" the native code
// (or the tensor code on the CPU when asked, for tests and benchmarks); "cuda" fails without one.
// Pure function: any thread.
#pragma once

#include <string>
#include <string_view>

#include "common/Result.h"

namespace ss::rec {

struct TrainingDevice {
    bool tensors = false;      // the LibTorch path
    std::string device = "cpu";  // where it runs: "cpu" or "cuda"
};

// "auto", "cpu" or "cuda": the names a device setting may take.
bool isTrainingDevice(std::string_view name);

// `tensorPath`: whether the tensor trainer supports the model's settings (e.g. ALS: CG only).
Result<TrainingDevice> chooseTrainingDevice(const std::string& requested, bool tensorsOnCpu, bool tensorPath, std::string_view model);

}  // namespace ss::rec
