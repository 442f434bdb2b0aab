// TorchEncoder: the LibTorch side of SentenceEncoder, behind a torch-free header so the public
// facade (C++20, no torch) can own it. Owns the BERT module on its device and runs one padded batch
// at a time; on a CPU with OpenBLAS the sequences are split over worker threads it starts and joins
// inside the call. Built once on any thread; encodeBatch() may then be called from one thread at a time
// (the torch guards it needs are thread-local and created inside the call).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "common/Result.h"
#include "model/FineTuning.h"
#include "model/ModelConfig.h"
#include "model/SafetensorsFile.h"

namespace ss {

class TorchEncoder {
public:
    struct Impl;
    struct Settings {
        std::string device = "auto";     // auto | cpu | cuda
        std::string precision = "fp32";  // fp32 | fp16 | bf16
        int threads = 0;                 // > 0: CPU threads; 0: as many as OpenBLAS has (see planThreads)
    };

    static Result<std::unique_ptr<TorchEncoder>> create(const ModelConfig& config, const SafetensorsFile& weights,
                                                        const Settings& settings);
    ~TorchEncoder();
    TorchEncoder(const TorchEncoder&) = delete;
    TorchEncoder& operator=(const TorchEncoder&) = delete;

    // Encodes sequences[indices[i]] (already validated: non-empty, ids in range, within max length)
    // as one batch padded to the longest, writing each pooled vector to out[indices[i]].
    Status encodeBatch(const std::vector<std::vector<std::int32_t>>& sequences, const std::vector<std::size_t>& indices,
                       std::vector<std::vector<float>>& out);

    // Trains the top settings.layers layers with a head on the pooled vectors (see FineTuning.h) and
    // returns the best epoch's layers and head. The encoder's own weights are the same afterwards as
    // before (also when it fails or is cancelled: Cancelled error). fp32 only.
    Result<FineTuneResult> fineTune(const FineTuneData& data, const FineTuneSettings& settings, const FineTuneProgress& progress);
    // Replaces parameters with those in `tunedLayers` (from fineTune); every name and shape is checked
    // before anything changes, so a damaged state leaves the encoder as it was.
    Status applyTunedLayers(const std::vector<std::byte>& tunedLayers);

    // Batches encodeBatch() runs at once: on a CPU one per worker thread, each batch on its own worker
    // (the caller then hands it that many batches' sequences); on a GPU one.
    std::size_t parallelBatches() const;

    const std::string& deviceName() const;
    const std::string& precisionName() const;

    static bool cudaAvailable();

private:
    explicit TorchEncoder(std::unique_ptr<Impl> impl);
    Status encodeSlices(const std::vector<std::vector<std::int32_t>>& sequences, const std::vector<std::size_t>& indices,
                        std::vector<std::vector<float>>& out);
    Status encodeSlice(const std::vector<std::vector<std::int32_t>>& sequences, const std::vector<std::size_t>& indices,
                       std::vector<std::vector<float>>& out);
    std::unique_ptr<Impl> impl_;
};

}  // namespace ss
