// The linked LibTorch's version, from its version header alone (cheap to compile).
#include <torch/version.h>

#include <string>

namespace ss {

// Declared in model/SentenceEncoder.h, which this C++17 file cannot include (it needs C++20).
std::string torchVersion();

std::string torchVersion() {
    return std::to_string(TORCH_VERSION_MAJOR) + "." + std::to_string(TORCH_VERSION_MINOR) + "." + std::to_string(TORCH_VERSION_PATCH);
}

}  // namespace ss
