#include "TextEncoder.h"

#include <algorithm>

#include "model/SentenceEncoder.h"
#include "model/Sha256.h"
#include "text/BertTokenizer.h"

namespace ss {

TextEncoder::TextEncoder(std::unique_ptr<BertTokenizer> tokenizer, std::unique_ptr<SentenceEncoder> encoder)
    : tokenizer_(std::move(tokenizer)), encoder_(std::move(encoder)) {}
TextEncoder::TextEncoder(TextEncoder&&) noexcept = default;
TextEncoder& TextEncoder::operator=(TextEncoder&&) noexcept = default;
TextEncoder::~TextEncoder() = default;

Result<TextEncoder> TextEncoder::load(const std::filesystem::path& modelDir, const EncoderOptions& options) {
    auto encoder = SentenceEncoder::load(modelDir, options);
    if (!encoder) return encoder.error();
    auto tokenizer = BertTokenizer::fromModelDir(modelDir);
    if (!tokenizer) return tokenizer.error();
    if (static_cast<std::int64_t>(tokenizer->vocabSize()) != encoder->info().vocabSize)
        return makeError(ErrorCode::InputData,
                         "vocab.txt has " + std::to_string(tokenizer->vocabSize()) + " entries but the model's embedding table has " +
                             std::to_string(encoder->info().vocabSize),
                         modelDir.string());
    return TextEncoder(std::make_unique<BertTokenizer>(std::move(*tokenizer)),
                       std::make_unique<SentenceEncoder>(std::move(*encoder)));
}

std::vector<std::vector<std::int32_t>> TextEncoder::tokenIds(const std::vector<std::string>& texts, std::size_t maxTokens) const {
    const auto modelMax = static_cast<std::size_t>(encoder_->info().maxLength);
    const std::size_t maxLength = maxTokens == 0 ? modelMax : std::min(maxTokens, modelMax);
    std::vector<std::vector<std::int32_t>> ids(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) tokenizer_->encodeIds(texts[i], maxLength, ids[i]);
    return ids;
}

TokenCounts TextEncoder::tokenCounts(const std::vector<std::string>& texts) const {
    const auto modelMax = static_cast<std::size_t>(encoder_->info().maxLength);
    constexpr std::size_t kWhole = std::size_t(1) << 30;  // no cut: the whole text's pieces
    TokenCounts counts;
    std::vector<std::int32_t> ids;
    for (const auto& text : texts) {
        tokenizer_->encodeIds(text, kWhole, ids);
        ++counts.texts;
        counts.pieces += static_cast<std::int64_t>(ids.size()) - 2;  // without [CLS] and [SEP]
        counts.unknown += std::count(ids.begin(), ids.end(), tokenizer_->unkId());
        if (ids.size() > modelMax) ++counts.truncated;
    }
    return counts;
}

Result<std::vector<std::vector<float>>> TextEncoder::encode(const std::vector<std::string>& texts, const JobContext* ctx) {
    return encoder_->encodeIds(tokenIds(texts), ctx);
}

Result<FineTuneResult> TextEncoder::fineTune(const FineTuneData& data, const FineTuneSettings& settings, const FineTuneProgress& progress) {
    return encoder_->fineTune(data, settings, progress);
}

Status TextEncoder::applyTunedLayers(const std::vector<std::byte>& tunedLayers) {
    SS_TRY(encoder_->applyTunedLayers(tunedLayers));
    tunedSha256_ = Sha256::hex(tunedLayers.data(), tunedLayers.size());
    return {};
}

const EncoderInfo& TextEncoder::info() const { return encoder_->info(); }

std::string TextEncoder::baseFingerprint() const { return info().name + "@" + info().weightsSha256; }

std::string TextEncoder::fingerprint() const {
    return tunedSha256_.empty() ? baseFingerprint() : baseFingerprint() + "+tuned@" + tunedSha256_.substr(0, 16);
}

}  // namespace ss
