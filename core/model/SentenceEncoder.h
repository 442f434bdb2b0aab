// SentenceEncoder: the public, torch-free face of the BERT sentence encoder. load() reads and checks a
// Hugging Face / sentence-transformers model folder (safetensors weights only) and places the model
// on its device once; encodeIds() turns token-id sequences into sentence vectors identical (to float
// rounding) to sentence-transformers'. Owns the model. Load on any thread; then use one encoder from
// one thread at a time (a job's worker thread); it may be moved between threads between calls.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "model/EncoderInfo.h"
#include "model/FineTuning.h"
#include "model/EncoderOptions.h"

namespace ss {

class TorchEncoder;

class SentenceEncoder {
public:
    static Result<SentenceEncoder> load(const std::filesystem::path& dir, const EncoderOptions& options = {});

    SentenceEncoder(SentenceEncoder&&) noexcept;
    SentenceEncoder& operator=(SentenceEncoder&&) noexcept;
    ~SentenceEncoder();

    // Each sequence is already tokenised with the model's vocabulary, [CLS] ... [SEP] included, and at
    // most info().maxLength long (truncate when tokenising). Returns one vector of info().hidden floats
    // per sequence, in input order. Inputs are sorted by length and padded per batch, so the result
    // does not depend on batch size or order. Checks ctx->cancelled() between batches (Cancelled
    // error) and reports progress through ctx.
    Result<std::vector<std::vector<float>>> encodeIds(const std::vector<std::vector<std::int32_t>>& batchOfTokenIds,
                                                      const JobContext* ctx = nullptr);

    // Fine-tunes the top layers with a head (see FineTuning.h); the encoder is unchanged afterwards.
    Result<FineTuneResult> fineTune(const FineTuneData& data, const FineTuneSettings& settings, const FineTuneProgress& progress);
    // From now on encodes with these fine-tuned layers (a state from fineTune, checked before use).
    Status applyTunedLayers(const std::vector<std::byte>& tunedLayers);

    const EncoderInfo& info() const { return info_; }

private:
    SentenceEncoder(std::unique_ptr<TorchEncoder> engine, EncoderInfo info, std::size_t batchSize);

    std::unique_ptr<TorchEncoder> engine_;
    EncoderInfo info_;
    std::size_t batchSize_ = 64;
};

// Whether the linked LibTorch can use a CUDA device on this machine (false for CPU-only builds).
bool cudaAvailable();
// The linked LibTorch's version, e.g. "1.13.0".
std::string torchVersion();

}  // namespace ss
