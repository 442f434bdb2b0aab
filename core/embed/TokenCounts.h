// TokenCounts: how one model's tokenizer reads some texts — texts, word pieces (without [CLS] and
// [SEP]), pieces it does not know ([UNK]) and texts longer than the model reads. Plain value: any thread.
#pragma once

#include <cstdint>

namespace ss {

struct TokenCounts {
    std::int64_t texts = 0, pieces = 0, unknown = 0, truncated = 0;
    void add(const TokenCounts& other) {
        texts += other.texts;
        pieces += other.pieces;
        unknown += other.unknown;
        truncated += other.truncated;
    }
    bool operator==(const TokenCounts&) const = default;
};

}  // namespace ss
