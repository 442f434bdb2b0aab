#include "model/ModelConfig.h"

#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <vector>

#include <boost/json.hpp>

namespace ss {
namespace {

namespace json = boost::json;
namespace fs = std::filesystem;

// Config files are a few KB; anything huge is not a config and is not read into memory.
constexpr std::uintmax_t kMaxConfigBytes = 16u * 1024u * 1024u;

Result<json::object> readJsonObject(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot read: " + ec.message(), file.string());
    if (size > kMaxConfigBytes) return makeError(ErrorCode::InputData, "config file is implausibly large", file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot open", file.string());
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    boost::system::error_code jec;
    json::value value = json::parse(text, jec);
    if (jec) return makeError(ErrorCode::InputData, "not valid JSON: " + jec.message(), file.string());
    if (!value.is_object()) return makeError(ErrorCode::InputData, "JSON must be an object", file.string());
    return std::move(value.get_object());
}

// A required positive integer field; the message names the field so a broken config is easy to fix.
Result<std::int64_t> positiveInt(const json::object& obj, std::string_view key, const std::string& where) {
    const json::value* v = obj.if_contains(key);
    if (!v) return makeError(ErrorCode::InputData, "missing field '" + std::string(key) + "'", where);
    std::optional<std::int64_t> n;
    if (v->is_int64()) n = v->get_int64();
    if (v->is_uint64() && v->get_uint64() <= std::uint64_t(std::numeric_limits<std::int64_t>::max())) {
        n = std::int64_t(v->get_uint64());
    }
    // Guard against absurd sizes that would make allocation or index arithmetic overflow.
    if (!n || *n <= 0 || *n > (std::int64_t(1) << 31)) {
        return makeError(ErrorCode::InputData,
                         "field '" + std::string(key) + "' must be a positive integer, got " + json::serialize(*v), where);
    }
    return *n;
}

std::optional<std::string> optString(const json::object& obj, std::string_view key) {
    const json::value* v = obj.if_contains(key);
    if (v && v->is_string()) return std::string(v->get_string());
    return std::nullopt;
}

bool flag(const json::object& obj, std::string_view key) {
    const json::value* v = obj.if_contains(key);
    return v && v->is_bool() && v->get_bool();
}

Status readBertConfig(const fs::path& dir, ModelConfig& config) {
    const fs::path file = dir / "config.json";
    auto parsed = readJsonObject(file);
    if (!parsed) return parsed.error();
    const json::object& obj = parsed.value();
    const std::string where = file.string();

    const auto modelType = optString(obj, "model_type");
    std::string arch;
    if (const json::value* a = obj.if_contains("architectures"); a && a->is_array() && !a->get_array().empty() &&
                                                                  a->get_array()[0].is_string()) {
        arch = std::string(a->get_array()[0].get_string());
    }
    config.architecture = !arch.empty() ? arch : modelType.value_or("");
    // BERT-family checkpoints name their class Bert* (BertModel, BertForMaskedLM, ...): the encoder
    // weights are the same; heads are ignored by the loader.
    const bool bertType = modelType ? *modelType == "bert" : arch.rfind("Bert", 0) == 0;
    const bool bertArch = arch.empty() || arch.rfind("Bert", 0) == 0;
    if (!bertType || !bertArch) {
        const std::string found = !arch.empty() ? arch : modelType.value_or("(none given)");
        return makeError(ErrorCode::Unsupported, "unsupported architecture: " + found + " (only BERT encoders are supported)",
                         where);
    }

    struct IntField {
        std::string_view key;
        std::int64_t* target;
    };
    const IntField fields[] = {{"hidden_size", &config.hiddenSize},
                               {"num_hidden_layers", &config.numLayers},
                               {"num_attention_heads", &config.numHeads},
                               {"intermediate_size", &config.intermediateSize},
                               {"vocab_size", &config.vocabSize},
                               {"max_position_embeddings", &config.maxPositionEmbeddings},
                               {"type_vocab_size", &config.typeVocabSize}};
    for (const auto& f : fields) {
        auto n = positiveInt(obj, f.key, where);
        if (!n) return n.error();
        *f.target = n.value();
    }
    if (config.hiddenSize % config.numHeads != 0) {
        return makeError(ErrorCode::InputData,
                         "hidden_size " + std::to_string(config.hiddenSize) + " is not a multiple of num_attention_heads " +
                             std::to_string(config.numHeads),
                         where);
    }
    if (const json::value* eps = obj.if_contains("layer_norm_eps")) {
        if (!eps->is_number() || eps->to_number<double>() <= 0.0) {
            return makeError(ErrorCode::InputData, "field 'layer_norm_eps' must be a positive number", where);
        }
        config.layerNormEps = eps->to_number<double>();
    }
    config.hiddenAct = optString(obj, "hidden_act").value_or("gelu");
    // "gelu" in transformers is the exact erf form; tanh approximations would drift from the reference.
    if (config.hiddenAct != "gelu") {
        return makeError(ErrorCode::Unsupported, "unsupported hidden_act: " + config.hiddenAct + " (only exact gelu)", where);
    }
    if (const auto pos = optString(obj, "position_embedding_type"); pos && *pos != "absolute") {
        return makeError(ErrorCode::Unsupported, "unsupported position_embedding_type: " + *pos, where);
    }
    if (flag(obj, "is_decoder")) return makeError(ErrorCode::Unsupported, "decoder BERT models are not supported", where);
    return {};
}

Status readPooling(const fs::path& file, ModelConfig& config) {
    auto parsed = readJsonObject(file);
    if (!parsed) return parsed.error();
    const json::object& obj = parsed.value();
    std::vector<std::string> modes;
    for (const auto& [key, value] : obj) {
        if (key.starts_with("pooling_mode_") && value.is_bool() && value.get_bool()) modes.emplace_back(key.substr(13));
    }
    // sentence-transformers 5 writes one string instead of a flag per mode.
    if (const json::value* mode = obj.if_contains("pooling_mode"); mode && mode->is_string()) {
        const std::string name(mode->get_string());
        modes.push_back(name == "cls" ? "cls_token" : name == "mean" ? "mean_tokens" : name == "max" ? "max_tokens" : name);
    }
    if (modes.size() != 1) {
        std::string list;
        for (const auto& m : modes) list += (list.empty() ? "" : ", ") + m;
        return makeError(ErrorCode::Unsupported,
                         "exactly one pooling mode must be enabled (found: " + (list.empty() ? "none" : list) + ")",
                         file.string());
    }
    if (modes[0] == "mean_tokens") {
        config.pooling = PoolingMode::Mean;
    } else if (modes[0] == "cls_token") {
        config.pooling = PoolingMode::Cls;
    } else if (modes[0] == "max_tokens") {
        config.pooling = PoolingMode::Max;
    } else {
        return makeError(ErrorCode::Unsupported, "unsupported pooling mode: " + modes[0] + " (mean, cls and max are)",
                         file.string());
    }
    for (const char* key : {"word_embedding_dimension", "embedding_dimension"}) {
        if (const json::value* dim = obj.if_contains(key); dim && dim->is_number() && dim->to_number<double>() != double(config.hiddenSize)) {
            return makeError(ErrorCode::InputData,
                             std::string(key) + " " + json::serialize(*dim) + " differs from hidden_size " + std::to_string(config.hiddenSize),
                             file.string());
        }
    }
    return {};
}

Status readModules(const fs::path& dir, ModelConfig& config) {
    const fs::path file = dir / "modules.json";
    std::error_code ec;
    if (!fs::exists(file, ec)) return {};
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    boost::system::error_code jec;
    const json::value value = json::parse(text, jec);
    if (jec || !value.is_array()) return makeError(ErrorCode::InputData, "modules.json must be a JSON array", file.string());

    bool sawTransformer = false;
    for (const json::value& module : value.get_array()) {
        if (!module.is_object()) return makeError(ErrorCode::InputData, "modules.json entries must be objects", file.string());
        const auto type = optString(module.get_object(), "type").value_or("");
        const auto path = optString(module.get_object(), "path").value_or("");
        if (type.ends_with(".Transformer")) {
            sawTransformer = true;
        } else if (type.ends_with(".Pooling")) {
            // The pooling folder is a subfolder name; refuse anything that could escape the model folder.
            if (path.empty() || path.find("..") != std::string::npos || path.front() == '/') {
                return makeError(ErrorCode::InputData, "bad Pooling path '" + path + "'", file.string());
            }
            if (Status s = readPooling(dir / path / "config.json", config); !s) return s;
        } else if (type.ends_with(".Normalize")) {
            config.normalize = true;
        } else {
            return makeError(ErrorCode::Unsupported, "unsupported sentence-transformers module: " + type, file.string());
        }
    }
    if (!sawTransformer) return makeError(ErrorCode::InputData, "modules.json lists no Transformer module", file.string());
    return {};
}

}  // namespace

std::string_view ModelConfig::poolingName(PoolingMode mode) {
    switch (mode) {
        case PoolingMode::Mean: return "mean";
        case PoolingMode::Cls: return "cls";
        case PoolingMode::Max: return "max";
    }
    return "?";
}

Result<ModelConfig> ModelConfig::fromDir(const fs::path& modelDir) {
    std::error_code ec;
    if (!fs::is_directory(modelDir, ec)) {
        return makeError(ErrorCode::Io, "model folder does not exist or is not a folder", modelDir.string());
    }
    ModelConfig config;
    config.name = fs::absolute(modelDir, ec).lexically_normal().filename().string();
    if (config.name.empty()) config.name = fs::absolute(modelDir, ec).lexically_normal().parent_path().filename().string();
    if (Status s = readBertConfig(modelDir, config); !s) return s.error();
    if (Status s = readModules(modelDir, config); !s) return s.error();

    config.maxSeqLength = config.maxPositionEmbeddings;
    const fs::path sbert = modelDir / "sentence_bert_config.json";
    if (fs::exists(sbert, ec)) {
        auto parsed = readJsonObject(sbert);
        if (!parsed) return parsed.error();
        if (parsed.value().contains("max_seq_length")) {
            auto n = positiveInt(parsed.value(), "max_seq_length", sbert.string());
            if (!n) return n.error();
            if (n.value() > config.maxPositionEmbeddings) {
                return makeError(ErrorCode::InputData,
                                 "max_seq_length " + std::to_string(n.value()) + " exceeds max_position_embeddings " +
                                     std::to_string(config.maxPositionEmbeddings),
                                 sbert.string());
            }
            config.maxSeqLength = n.value();
        }
    }
    return config;
}

}  // namespace ss
