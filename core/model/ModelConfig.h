// ModelConfig: the architecture and sentence-embedding recipe of a Hugging Face model folder, read
// from config.json and the sentence-transformers files (modules.json, 1_Pooling/config.json,
// sentence_bert_config.json). Only BERT encoders are supported; anything else is rejected with a
// message naming what was found. Plain value type: any thread.
// Header is C++17 so the C++17 torch targets may include it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/Result.h"

namespace ss {

enum class PoolingMode { Mean, Cls, Max };

class ModelConfig {
public:
    std::string name;          // the model folder's name, e.g. all-MiniLM-L6-v2
    std::string architecture;  // architectures[0] (or model_type when absent), e.g. BertModel
    std::int64_t hiddenSize = 0;
    std::int64_t numLayers = 0;
    std::int64_t numHeads = 0;
    std::int64_t intermediateSize = 0;
    std::int64_t vocabSize = 0;
    std::int64_t maxPositionEmbeddings = 0;
    std::int64_t typeVocabSize = 0;
    double layerNormEps = 1e-12;
    std::string hiddenAct = "gelu";

    // Sentence-transformers recipe; a plain HF folder (no modules.json) gets mean pooling, no
    // normalisation, as sentence-transformers itself does when wrapping a bare transformer.
    PoolingMode pooling = PoolingMode::Mean;
    bool normalize = false;
    std::int64_t maxSeqLength = 0;  // longest input in tokens incl. [CLS]/[SEP]; <= maxPositionEmbeddings

    static Result<ModelConfig> fromDir(const std::filesystem::path& modelDir);

    static std::string_view poolingName(PoolingMode mode);
};

}  // namespace ss
