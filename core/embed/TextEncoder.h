// TextEncoder: text in, sentence vectors out — the model folder's BERT tokenizer feeding the LibTorch
// SentenceEncoder, exactly as the model's own pipeline defines pooling and normalisation.
// One instance per worker thread (the torch module is not shared across threads).
#pragma once

#include <filesystem>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "TokenCounts.h"
#include "common/JobContext.h"
#include "common/Result.h"
#include "model/EncoderInfo.h"
#include "model/EncoderOptions.h"
#include "model/FineTuning.h"

namespace ss {

class BertTokenizer;
class SentenceEncoder;

class TextEncoder {
public:
    static Result<TextEncoder> load(const std::filesystem::path& modelDir, const EncoderOptions& options = {});
    TextEncoder(TextEncoder&&) noexcept;
    TextEncoder& operator=(TextEncoder&&) noexcept;
    ~TextEncoder();

    Result<std::vector<std::vector<float>>> encode(const std::vector<std::string>& texts, const JobContext* ctx = nullptr);
    // Word-piece ids of each text as the encoder reads them, cut to maxTokens (0: the model's maximum).
    std::vector<std::vector<std::int32_t>> tokenIds(const std::vector<std::string>& texts, std::size_t maxTokens = 0) const;
    // How the tokenizer reads `texts`: word pieces, unknown ones, texts longer than the model reads.
    TokenCounts tokenCounts(const std::vector<std::string>& texts) const;
    // Fine-tuning (see model/FineTuning.h); the encoder is unchanged afterwards.
    Result<FineTuneResult> fineTune(const FineTuneData& data, const FineTuneSettings& settings, const FineTuneProgress& progress);
    // From now on encodes with fine-tuned layers; fingerprint() then names them too.
    Status applyTunedLayers(const std::vector<std::byte>& tunedLayers);

    const EncoderInfo& info() const;
    // Cache key for vectors this model produced: name and weights fingerprint (and the fine-tuned
    // layers' fingerprint once applied, so tuned and untuned vectors never mix).
    std::string fingerprint() const;
    // The model's fingerprint without fine-tuned layers.
    std::string baseFingerprint() const;

private:
    TextEncoder(std::unique_ptr<BertTokenizer> tokenizer, std::unique_ptr<SentenceEncoder> encoder);
    std::unique_ptr<BertTokenizer> tokenizer_;
    std::unique_ptr<SentenceEncoder> encoder_;
    std::string tunedSha256_;  // of the applied fine-tuned layers; empty when none
};

}  // namespace ss
