#include "SentimentClassifier.h"

namespace ss::sentiment {
namespace {

constexpr std::string_view kStateTag = "sentiment/1";

}  // namespace

std::string_view classifierName(ClassifierKind kind) {
    switch (kind) {
    case ClassifierKind::Tfidf: return "tfidf";
    case ClassifierKind::Head: return "head";
    case ClassifierKind::Mlp: return "mlp";
    case ClassifierKind::Finetune: return "finetune";
    }
    return "tfidf";
}

std::optional<ClassifierKind> parseClassifierKind(std::string_view name) {
    for (auto kind : allClassifierKinds())
        if (classifierName(kind) == name) return kind;
    return std::nullopt;
}

bool readsVectors(ClassifierKind kind) { return kind != ClassifierKind::Tfidf; }

bool tunesEncoder(ClassifierKind kind) { return kind == ClassifierKind::Finetune; }

const std::vector<ClassifierKind>& allClassifierKinds() {
    static const std::vector<ClassifierKind> kinds = {ClassifierKind::Tfidf, ClassifierKind::Head, ClassifierKind::Mlp,
                                                               ClassifierKind::Finetune};
    return kinds;
}

std::vector<float> SentimentClassifier::predict(const std::vector<std::string>& texts, const rec::DenseMatrix* vectors) const {
    if (!readsVectors(kind)) return logistic.predict(tfidf.transform(texts));
    if (!vectors) return {};
    return head.predict(*vectors);
}

std::vector<std::byte> SentimentClassifier::save() const {
    rec::ModelState state(kStateTag);
    state.write(std::vector<std::string>{std::string(classifierName(kind)), std::string(labelSourceName(scheme.source)),
                                         std::to_string(scheme.classes), encoder});
    if (kind == ClassifierKind::Tfidf) {
        tfidf.write(state);
        logistic.write(state);
    } else {
        head.write(state);
        if (tunesEncoder(kind)) state.write(tunedLayers);
    }
    return state.bytes();
}

std::optional<SentimentClassifier> SentimentClassifier::load(std::span<const std::byte> bytes) {
    rec::ModelState state(kStateTag, bytes);
    std::vector<std::string> header;
    if (!state.read(header) || header.size() != 4) return std::nullopt;
    SentimentClassifier c;
    const auto kind = parseClassifierKind(header[0]);
    const auto source = parseLabelSource(header[1]);
    if (!kind || !source || (header[2] != "2" && header[2] != "3")) return std::nullopt;
    c.kind = *kind;
    c.scheme = LabelScheme{*source, header[2] == "2" ? 2 : 3};
    c.encoder = header[3];
    if (c.kind == ClassifierKind::Tfidf) {
        if (!c.tfidf.read(state) || !c.logistic.read(state) || c.logistic.classes() != c.scheme.classes) return std::nullopt;
    } else if (!c.head.read(state) || c.head.classes() != c.scheme.classes) {
        return std::nullopt;
    } else if (tunesEncoder(c.kind) && (!state.read(c.tunedLayers) || c.tunedLayers.empty())) {
        return std::nullopt;
    }
    if (!state.atEnd()) return std::nullopt;
    return c;
}

std::vector<Prediction> argmaxRows(const std::vector<float>& probabilities, int classes) {
    std::vector<Prediction> out(probabilities.size() / static_cast<std::size_t>(classes));
    for (std::size_t r = 0; r < out.size(); ++r) {
        const float* p = probabilities.data() + r * static_cast<std::size_t>(classes);
        for (int c = 1; c < classes; ++c)
            if (p[c] > p[out[r].classIndex]) out[r].classIndex = c;
        out[r].probability = p[out[r].classIndex];
    }
    return out;
}

}  // namespace ss::sentiment
