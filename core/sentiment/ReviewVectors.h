// ReviewVectors: where the sentiment heads get their input — the encoder's vectors of reviews (from
// the project's embedding cache, encoding what is missing) and of new texts. The sentiment library
// only sees these callables; core/sentiment/EncoderVectors makes them from the BERT encoder, and
// tests make them from planted vectors. Called on the job's thread.
#pragma once

#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "model/FineTuning.h"
#include "rec/Dense.h"

namespace ss::sentiment {

// What fine-tuning trains on, as texts (the encoder tokenises them, cut to settings.maxTokens).
struct FineTuneTexts {
    std::vector<std::string> train, validation;
    std::vector<int> trainLabels, validationLabels;
    int classes = 2;
    std::vector<double> classWeights;
    std::vector<float> headWeights, headBias;  // the head to start from (classes × dim, classes)
    FineTuneSettings settings;
};

struct VectorSources {
    std::string encoder;      // fingerprint of the vectors (stored with a head, checked when it is used)
    std::string encoderName;  // for people
    int encoderLayers = 0;    // transformer layers of the encoder (what fine-tuning may train)
    // Vectors of these reviews (their texts given in the same order), one row each.
    std::function<Result<rec::DenseMatrix>(const std::vector<std::int64_t>& reviewIds, const std::vector<std::string>& texts,
                                           const JobContext& context)>
        reviews;
    // Vectors of texts the project never saw.
    std::function<Result<rec::DenseMatrix>(const std::vector<std::string>& texts)> texts;
    // Share of word pieces the encoder reads as unknown in these texts (NaN when it cannot tell).
    std::function<double(const std::vector<std::string>& texts)> unknownTokenRate;
    // Fine-tunes the encoder's top layers with a head; empty when these vectors cannot be tuned.
    std::function<Result<FineTuneResult>(const FineTuneTexts& data, const JobContext& context)> fineTune;
    // Sources that read with fine-tuned layers applied (their `reviews` encode the given texts directly:
    // tuned vectors belong to one classifier and are not cached in the project).
    std::function<Result<VectorSources>(const std::vector<std::byte>& tunedLayers)> tuned;
    bool cached = true;  // `reviews` reads the project's cache (cheap to ask for all at once)
};

}  // namespace ss::sentiment
