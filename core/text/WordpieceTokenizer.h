// WordpieceTokenizer: greedy longest-match-first WordPiece over a Vocabulary, an exact port of Hugging
// Face's Python `WordpieceTokenizer` ("##" continuation pieces; a word longer than maxInputCharsPerWord
// code points, or one that cannot be segmented, becomes the unknown token as a whole).
// Shares an immutable Vocabulary; any thread may call it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "text/Vocabulary.h"

namespace ss {

class WordpieceTokenizer {
public:
    // One output piece; `text` points into the Vocabulary (or at the unknown token) and stays valid as long
    // as this tokenizer and its vocabulary live.
    struct Piece {
        std::int32_t id = -1;
        std::string_view text;
    };

    WordpieceTokenizer(std::shared_ptr<const Vocabulary> vocab, std::string unkToken,
                       std::size_t maxInputCharsPerWord = 100);

    // Appends the pieces of one word (which must not contain whitespace).
    void tokenizeWord(std::string_view word, std::vector<Piece>& out) const;
    // HF semantics for a whole string: split on Python whitespace, then tokenize each word.
    std::vector<std::string> tokenize(std::string_view text) const;

    std::int32_t unkId() const { return unkId_; }  // -1 when the unknown token is not in the vocabulary
    const std::string& unkToken() const { return unkToken_; }

private:
    std::shared_ptr<const Vocabulary> vocab_;
    std::string unkToken_;
    std::int32_t unkId_ = -1;
    std::size_t maxInputCharsPerWord_;
};

}  // namespace ss
