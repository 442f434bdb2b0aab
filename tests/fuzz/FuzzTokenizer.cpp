// libFuzzer target: the BERT tokenizer (Unicode clean-up, accent stripping, CJK splitting,
// punctuation, word pieces, truncation) on arbitrary bytes, with each tokenizer setting. Checks the
// invariants as well as the absence of crashes: [CLS] first, [SEP] last, ids within the vocabulary,
// the length limit kept, and the id-only path equal to the full one.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "FuzzFiles.h"
#include "text/BertTokenizer.h"

namespace {

ss::Vocabulary vocabulary() {
    std::vector<std::string> tokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "phone", "##s", "##ing", "un",
                                       "##able", "手", "机", "质", "量", "好", "咖", "啡", "café", "cafe", "é", "!", ",", "."};
    for (char c = 'a'; c <= 'z'; ++c) {
        tokens.emplace_back(1, c);
        tokens.push_back(std::string("##") + c);
    }
    for (char c = '0'; c <= '9'; ++c) tokens.emplace_back(1, c);
    return ss::Vocabulary::fromTokens(std::move(tokens));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    ss::BertTokenizer::Config config;
    config.lowerCase = data[0] & 1;
    if (data[0] & 2) config.stripAccents = (data[0] & 4) != 0;
    config.tokenizeChineseChars = data[0] & 8;
    config.basicTokenize = !(data[0] & 16);
    if (data[0] & 32) config.neverSplit = {"[MASK]", "phone"};
    config.maxLength = 2 + data[1] % 64;
    static const auto vocabSize = vocabulary().size();
    auto tokenizer = ss::BertTokenizer::create(vocabulary(), config);
    if (!tokenizer) std::abort();
    const auto text = ssfuzz::asText(data + 2, size - 2);
    const auto encoded = tokenizer->encode(text);
    if (encoded.ids.size() < 2 || encoded.ids.size() > config.maxLength || encoded.ids.size() != encoded.tokens.size()) std::abort();
    if (encoded.ids.front() != tokenizer->clsId() || encoded.ids.back() != tokenizer->sepId()) std::abort();
    for (auto id : encoded.ids)
        if (id < 0 || static_cast<std::size_t>(id) >= vocabSize) std::abort();
    if (tokenizer->encodeIds(text) != encoded.ids) std::abort();
    (void)tokenizer->tokenize(text);
    return 0;
}
