// BertTokenizer: text -> BERT input ids, matching Hugging Face's Python BertTokenizer token for token.
// Special tokens written in the text are kept whole (HF's added-token split), the rest goes through
// BasicTokenizer and WordpieceTokenizer; encode() adds [CLS] ... [SEP] and truncates like
// `tokenizer(text, truncation=True, max_length=n)`. Owns its configuration and shares an immutable
// Vocabulary; copies are cheap. Every method is const and thread-safe: call it from any number of threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "common/Result.h"
#include "text/BasicTokenizer.h"
#include "text/Vocabulary.h"
#include "text/WordpieceTokenizer.h"

namespace ss {

struct TokenizedText {
    std::vector<std::string> tokens;  // [CLS] ... [SEP]
    std::vector<std::int32_t> ids;    // same length as tokens
};

class BertTokenizer {
public:
    // The tokenizer_config.json settings that change tokenization (HF defaults).
    struct Config {
        bool lowerCase = true;
        std::optional<bool> stripAccents;  // nullopt: follow lowerCase
        bool tokenizeChineseChars = true;
        bool basicTokenize = true;
        std::vector<std::string> neverSplit;
        std::string unkToken = "[UNK]";
        std::string sepToken = "[SEP]";
        std::string padToken = "[PAD]";
        std::string clsToken = "[CLS]";
        std::string maskToken = "[MASK]";
        std::vector<std::string> additionalSpecialTokens;
        std::size_t maxLength = 512;  // tokens including [CLS] and [SEP]
    };

    // vocab.txt + tokenizer_config.json (+ special_tokens_map.json) from a Hugging Face model folder.
    // maxLength: sentence_bert_config.json max_seq_length if present, else tokenizer_config.json
    // model_max_length; either capped at config.json max_position_embeddings.
    static Result<BertTokenizer> fromModelDir(const std::filesystem::path& dir);
    // For vocabularies built in memory (tests, tools). Fails when [UNK]/[CLS]/[SEP]/[PAD] are missing.
    static Result<BertTokenizer> create(Vocabulary vocab, Config config);

    // [CLS] + word pieces + [SEP], the pieces truncated so the total is at most maxLength
    // (0 = this model's maxLength(); values below 2 still give [CLS] [SEP]).
    TokenizedText encode(std::string_view utf8, std::size_t maxLength = 0) const;
    // The ids of encode() without building token strings: the path for bulk encoding.
    std::vector<std::int32_t> encodeIds(std::string_view utf8, std::size_t maxLength = 0) const;
    void encodeIds(std::string_view utf8, std::size_t maxLength, std::vector<std::int32_t>& ids) const;
    // Word pieces without [CLS]/[SEP] and without truncation (HF `tokenize`).
    std::vector<std::string> tokenize(std::string_view utf8) const;
    // HF convert_tokens_to_ids: unknown tokens map to unkId().
    std::int32_t tokenToId(std::string_view token) const;

    std::int32_t padId() const { return padId_; }
    std::int32_t clsId() const { return clsId_; }
    std::int32_t sepId() const { return sepId_; }
    std::int32_t unkId() const { return unkId_; }
    std::int32_t maskId() const { return maskId_; }
    std::size_t maxLength() const { return config_.maxLength; }
    std::size_t vocabSize() const { return vocab_->size(); }
    const Vocabulary& vocabulary() const { return *vocab_; }
    const Config& config() const { return config_; }

private:
    using Piece = WordpieceTokenizer::Piece;
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    class PieceSink;

    BertTokenizer(std::shared_ptr<const Vocabulary> vocab, Config config);
    // Appends word pieces of `utf8` to `out`, stopping once `out` holds at least `limit` pieces.
    void pieces(std::string_view utf8, std::size_t limit, std::vector<Piece>& out) const;
    void piecesOfChunk(std::string_view chunk, std::size_t limit, std::vector<Piece>& out) const;
    // Length of the special token starting at utf8[pos] (longest wins), 0 if none; its index in `index`.
    std::size_t matchSpecial(std::string_view utf8, std::size_t pos, std::size_t& index) const;
    std::size_t budget(std::size_t maxLength) const;

    std::shared_ptr<const Vocabulary> vocab_;
    Config config_;
    BasicTokenizer basic_;
    WordpieceTokenizer wordpiece_;
    std::vector<std::string> specials_;                      // HF all_special_tokens, split out before anything
    bool specialFirstByte_[256] = {};
    std::unordered_set<std::string, Hash, std::equal_to<>> neverSplit_;  // config never_split only
    std::int32_t padId_ = 0, clsId_ = 0, sepId_ = 0, unkId_ = 0, maskId_ = 0;
};

}  // namespace ss
