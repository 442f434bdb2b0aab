// EncodeJob: fills the embedding cache for a project's items (title + description + category) or
// reviews (title + text). Works in chunks, each committed on its own, so memory stays bounded, a
// cancelled run keeps what it finished, and a re-run encodes only new or changed texts. Identical texts
// are encoded once in a run (listings of the same product, "Great!" reviews): later objects with the
// same text copy the stored vector. A run that
// goes through every text also measures the model's language coverage of them and keeps it.
// estimateCoverage() does the same on a sample, without encoding.
// Runs on a worker thread (or the CLI's main thread) with its own connection and encoder.
#pragma once

#include <filesystem>
#include <string>

#include "LanguageCoverage.h"
#include "TextEncoder.h"
#include "common/JobContext.h"

namespace ss {

enum class EncodeTarget { Items, Reviews };

struct EncodeSummary {
    std::int64_t total = 0;    // texts in the project
    std::int64_t encoded = 0;  // given a vector now
    std::int64_t sharedText = 0;  // of those, how many took the vector of an identical text (encoded once)
    std::int64_t cached = 0;   // already in the cache with the same text
    double seconds = 0;
    std::string model;         // fingerprint the vectors are stored under
    LanguageCoverage coverage; // of every text, by this model (exact)
};

class EncodeJob {
public:
    static constexpr std::int64_t kChunk = 512;
    static std::string targetName(EncodeTarget target) { return target == EncodeTarget::Items ? "items" : "reviews"; }
    // Text hash as stored with each vector.
    static std::string textHash(const std::string& text);

    static Result<EncodeSummary> run(const std::filesystem::path& project, TextEncoder& encoder, EncodeTarget target,
                                     const JobContext& context);
    // The coverage of an evenly spread sample of `sample` texts (all of them when fewer), kept in
    // the project unless an exact measure of this model is there already.
    static constexpr std::size_t kCoverageSample = 500;
    static Result<LanguageCoverage> estimateCoverage(const std::filesystem::path& project, TextEncoder& encoder, EncodeTarget target,
                                                     std::size_t sample = kCoverageSample);
};

}  // namespace ss
