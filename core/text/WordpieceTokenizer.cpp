#include "text/WordpieceTokenizer.h"

#include <algorithm>

#include "text/Unicode.h"

namespace ss {

WordpieceTokenizer::WordpieceTokenizer(std::shared_ptr<const Vocabulary> vocab, std::string unkToken,
                                       std::size_t maxInputCharsPerWord)
    : vocab_(std::move(vocab)), unkToken_(std::move(unkToken)), maxInputCharsPerWord_(maxInputCharsPerWord) {
    if (const auto id = vocab_->find(unkToken_)) unkId_ = *id;
}

void WordpieceTokenizer::tokenizeWord(std::string_view word, std::vector<Piece>& out) const {
    if (word.empty()) return;
    // Code point start offsets plus the end; a word over the limit is rejected before any lookup.
    std::size_t stackBounds[128];
    std::vector<std::size_t> heapBounds;
    std::size_t* bounds = stackBounds;
    if (std::min(maxInputCharsPerWord_, word.size()) + 1 > std::size(stackBounds)) {
        heapBounds.resize(std::min(maxInputCharsPerWord_, word.size()) + 1);
        bounds = heapBounds.data();
    }
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos < word.size()) {
        if (n == maxInputCharsPerWord_) {
            out.push_back({unkId_, unkToken_});
            return;
        }
        bounds[n++] = pos;
        unicode::nextCodePoint(word, pos);
    }
    bounds[n] = word.size();

    const std::size_t rollback = out.size();
    std::size_t start = 0;
    while (start < n) {
        const bool continuation = start > 0;
        const std::size_t maxBytes = vocab_->maxPieceBytes(continuation);
        std::size_t end = n;
        while (end > start && bounds[end] - bounds[start] > maxBytes) --end;
        bool found = false;
        for (; end > start; --end) {
            const std::string_view piece = word.substr(bounds[start], bounds[end] - bounds[start]);
            if (const auto id = vocab_->findPiece(piece, continuation)) {
                out.push_back({*id, vocab_->token(*id)});
                found = true;
                break;
            }
        }
        if (!found) {
            out.resize(rollback);
            out.push_back({unkId_, unkToken_});
            return;
        }
        start = end;
    }
}

std::vector<std::string> WordpieceTokenizer::tokenize(std::string_view text) const {
    std::vector<Piece> pieces;
    std::size_t pos = 0;
    std::size_t wordStart = 0;
    bool inWord = false;
    while (pos < text.size()) {
        const std::size_t here = pos;
        const char32_t cp = unicode::nextCodePoint(text, pos);
        if (unicode::isPythonSpace(cp)) {
            if (inWord) tokenizeWord(text.substr(wordStart, here - wordStart), pieces);
            inWord = false;
        } else if (!inWord) {
            inWord = true;
            wordStart = here;
        }
    }
    if (inWord) tokenizeWord(text.substr(wordStart), pieces);
    std::vector<std::string> out;
    out.reserve(pieces.size());
    for (const Piece& p : pieces) out.emplace_back(p.text);
    return out;
}

}  // namespace ss
