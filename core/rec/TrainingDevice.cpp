#include "rec/TrainingDevice.h"

#ifdef SS_REC_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif

namespace ss::rec {

bool isTrainingDevice(std::string_view name) { return name == "auto" || name == "cpu" || name == "cuda"; }

Result<TrainingDevice> chooseTrainingDevice(const std::string& requested, bool tensorsOnCpu, bool tensorPath, std::string_view model) {
    const std::string name(model);
    if (!isTrainingDevice(requested))
        return makeError(ErrorCode::Usage, name + " device must be auto, cpu or cuda, not '" + requested + "'");
#ifdef SS_REC_WITH_TORCH
    const bool cuda = requested != "cpu" && tensorPath && torchkernels::cudaAvailable();
    if (requested == "cuda" && !cuda)
        return makeError(ErrorCode::Unsupported, tensorPath ? name + " device 'cuda' requested but this LibTorch has no usable CUDA device"
                                                            : "these " + name + " settings train on the CPU only");
    if (cuda) return TrainingDevice{true, "cuda"};
    return TrainingDevice{tensorsOnCpu && tensorPath, "cpu"};
#else
    if (requested == "cuda" || tensorsOnCpu)
        return makeError(ErrorCode::Unsupported, "this build has no LibTorch: " + name + " trains on the CPU only");
    (void)tensorPath;
    return TrainingDevice{};
#endif
}

}  // namespace ss::rec
