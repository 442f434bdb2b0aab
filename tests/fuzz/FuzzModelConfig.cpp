// libFuzzer target: a model folder's configuration files — config.json, modules.json, the pooling
// config, sentence_bert_config.json, tokenizer_config.json and special_tokens_map.json — read by the
// model config and tokenizer loaders. The input is the files' contents separated by 0x01 bytes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "FuzzFiles.h"
#include "model/ModelConfig.h"
#include "text/BertTokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const char* const files[] = {"config.json", "modules.json", "1_Pooling/config.json", "sentence_bert_config.json",
                                        "tokenizer_config.json", "special_tokens_map.json"};
    const auto dir = ssfuzz::scratchDir() / "model";
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
    ssfuzz::writeScratch("model/vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\nphone\n##s\n");
    std::string_view rest = ssfuzz::asText(data, size);
    for (const char* name : files) {
        if (rest.empty()) break;
        const auto cut = rest.find('\x01');
        const auto part = rest.substr(0, cut);
        if (!part.empty()) ssfuzz::writeScratch(std::string("model/") + name, part);
        rest = cut == std::string_view::npos ? std::string_view() : rest.substr(cut + 1);
    }
    (void)ss::ModelConfig::fromDir(dir);
    if (auto tokenizer = ss::BertTokenizer::fromModelDir(dir)) (void)tokenizer->encode("the phones");
    return 0;
}
