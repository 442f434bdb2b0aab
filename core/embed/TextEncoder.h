// TextEncoder: text in, sentence vectors out — the model folder's BERT tokenizer feeding the LibTorch
// SentenceEncoder, exactly as the model's own pipeline defines pooling and normalisation.
// One instance per worker thread (the torch module is not shared across threads).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "model/EncoderInfo.h"
#include "model/EncoderOptions.h"

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
    const EncoderInfo& info() const;
    // Cache key for vectors this model produced: name and weights fingerprint.
    std::string fingerprint() const;

private:
    TextEncoder(std::unique_ptr<BertTokenizer> tokenizer, std::unique_ptr<SentenceEncoder> encoder);
    std::unique_ptr<BertTokenizer> tokenizer_;
    std::unique_ptr<SentenceEncoder> encoder_;
};

}  // namespace ss
