// A tiny BERT sentence-encoder folder written by the tests themselves (no real model needed):
// 2 layers, hidden size 32 (wide enough for the packed CPU products, CpuLinear, where the CPU has
// them), a 30-word vocabulary, deterministic weights, mean pooling.
#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>

#include <cstdint>
#include <string>
#include <vector>

#include "SafetensorsBytes.h"

namespace tinybert {

constexpr int kHidden = 32, kHeads = 2, kLayers = 2, kInter = 64, kVocab = 30, kMaxPos = 16;

using Entries = std::vector<SafetensorsBytes::Entry>;

// Deterministic small weights so vectors are non-trivial and reproducible.
inline QByteArray pseudoRandom(std::int64_t n, std::uint32_t seed, bool ones = false) {
    std::vector<float> v(static_cast<std::size_t>(n));
    for (auto& x : v) {
        seed = seed * 1664525u + 1013904223u;
        x = ones ? 1.0f + float(seed >> 8) / float(1 << 24) * 0.1f : (float(seed >> 8) / float(1 << 24) - 0.5f);
    }
    return SafetensorsBytes::floats(v);
}

inline Entries tinyWeights() {
    Entries e;
    std::uint32_t seed = 1;
    const auto add = [&](const std::string& name, std::vector<std::int64_t> shape, bool ones = false) {
        std::int64_t n = 1;
        for (auto d : shape) n *= d;
        e.push_back({name, "F32", shape, pseudoRandom(n, ++seed, ones)});
    };
    add("embeddings.word_embeddings.weight", {kVocab, kHidden});
    add("embeddings.position_embeddings.weight", {kMaxPos, kHidden});
    add("embeddings.token_type_embeddings.weight", {2, kHidden});
    add("embeddings.LayerNorm.weight", {kHidden}, true);
    add("embeddings.LayerNorm.bias", {kHidden});
    for (int l = 0; l < kLayers; ++l) {
        const std::string p = "encoder.layer." + std::to_string(l) + ".";
        for (const char* qkv : {"query", "key", "value"}) {
            add(p + "attention.self." + qkv + ".weight", {kHidden, kHidden});
            add(p + "attention.self." + qkv + ".bias", {kHidden});
        }
        add(p + "attention.output.dense.weight", {kHidden, kHidden});
        add(p + "attention.output.dense.bias", {kHidden});
        add(p + "attention.output.LayerNorm.weight", {kHidden}, true);
        add(p + "attention.output.LayerNorm.bias", {kHidden});
        add(p + "intermediate.dense.weight", {kInter, kHidden});
        add(p + "intermediate.dense.bias", {kInter});
        add(p + "output.dense.weight", {kHidden, kInter});
        add(p + "output.dense.bias", {kHidden});
        add(p + "output.LayerNorm.weight", {kHidden}, true);
        add(p + "output.LayerNorm.bias", {kHidden});
    }
    return e;
}

inline QByteArray tinyConfig(const char* arch = "BertModel") {
    return QStringLiteral(R"({"architectures":["%1"],"model_type":"bert","hidden_size":%2,"num_hidden_layers":%3,
      "num_attention_heads":%4,"intermediate_size":%5,"vocab_size":%6,"max_position_embeddings":%7,
      "type_vocab_size":2,"layer_norm_eps":1e-12,"hidden_act":"gelu"})")
        .arg(QLatin1String(arch)).arg(kHidden).arg(kLayers).arg(kHeads).arg(kInter).arg(kVocab).arg(kMaxPos)
        .toUtf8();
}

// Writes a model folder; weights empty means no safetensors file.
inline bool writeModel(const QString& dir, const Entries& weights, const QByteArray& config = tinyConfig(),
                const QByteArray& pooling = "mean_tokens", bool normalize = true) {
    bool ok = SafetensorsBytes::write(dir + "/config.json", config);
    ok = ok && SafetensorsBytes::write(dir + "/modules.json", QByteArray(R"([{"path":"","type":"sentence_transformers.models.Transformer"},
        {"path":"1_Pooling","type":"sentence_transformers.models.Pooling"})") +
        (normalize ? R"(,{"path":"2_Normalize","type":"sentence_transformers.models.Normalize"}])" : "]"));
    ok = ok && QDir().mkpath(dir + "/1_Pooling");
    ok = ok && SafetensorsBytes::write(dir + "/1_Pooling/config.json", "{\"pooling_mode_" + pooling + "\":true}");
    ok = ok && SafetensorsBytes::write(dir + "/sentence_bert_config.json", R"({"max_seq_length":12})");
    if (!weights.empty()) ok = ok && SafetensorsBytes::write(dir + "/model.safetensors", SafetensorsBytes::build(weights));
    return ok;
}

}  // namespace tinybert
