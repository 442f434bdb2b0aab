// SentimentClassifier: one trained sentiment classifier as kept in the project — its kind, label
// scheme, and either a TF-IDF vocabulary with a logistic regression (reads text) or a head on the
// encoder's vectors (reads vectors made by the encoder named in `encoder`; a fine-tuned classifier
// also keeps its tuned top layers, and reads vectors the encoder makes with them applied). Serialises to a
// versioned byte state. Plain value: build on one thread; predict() is const and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rec/Dense.h"
#include "sentiment/LogisticRegression.h"
#include "sentiment/SentimentLabel.h"
#include "sentiment/TfidfModel.h"
#include "sentiment/VectorHead.h"

namespace ss::sentiment {

enum class ClassifierKind { Tfidf, Head, Mlp, Finetune };

std::string_view classifierName(ClassifierKind kind);                // "tfidf", "head", "mlp", "finetune"
std::optional<ClassifierKind> parseClassifierKind(std::string_view name);
bool readsVectors(ClassifierKind kind);
bool tunesEncoder(ClassifierKind kind);  // its vectors come from fine-tuned encoder layers
const std::vector<ClassifierKind>& allClassifierKinds();

struct SentimentClassifier {
    ClassifierKind kind = ClassifierKind::Tfidf;
    LabelScheme scheme;
    std::string encoder;  // fingerprint of the encoder whose vectors a head reads; empty for TF-IDF
    TfidfModel tfidf;
    LogisticRegression logistic;
    VectorHead head;
    std::vector<std::byte> tunedLayers;  // Finetune only: TextEncoder::applyTunedLayers state

    // Class probabilities (rows × classes): from `texts` for TF-IDF, from `vectors` (rows × dim) for heads.
    std::vector<float> predict(const std::vector<std::string>& texts, const rec::DenseMatrix* vectors) const;

    std::vector<std::byte> save() const;
    static std::optional<SentimentClassifier> load(std::span<const std::byte> bytes);
};

// The most probable class of each row and its probability.
struct Prediction {
    int classIndex = 0;
    float probability = 0;
};
std::vector<Prediction> argmaxRows(const std::vector<float>& probabilities, int classes);

}  // namespace ss::sentiment
