// SentimentApplier: labels every review with the kept classifier (the newest training run's) and
// stores label and probability in review_sentiment — in chunks, each committed on its own, so a
// cancelled run keeps what it finished and the next run continues after the last stored review;
// reviews added later are picked up the same way. Worker thread (or the CLI's main thread).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "common/JobContext.h"
#include "common/Result.h"
#include "sentiment/ReviewVectors.h"
#include "sentiment/SentimentClassifier.h"

namespace ss::sentiment {

struct ApplySummary {
    std::string classifier, classifierKey;
    std::int64_t reviews = 0, predictedNow = 0, alreadyPredicted = 0;
    double seconds = 0;
};

class SentimentApplier {
public:
    static constexpr std::int64_t kChunk = 2000;

    static Result<ApplySummary> apply(const std::filesystem::path& project, const VectorSources* vectors, const JobContext& context,
                                      std::int64_t chunk = kChunk);
    // The kept classifier and its key; an error saying "train first" when there is none.
    static Result<std::pair<std::string, SentimentClassifier>> kept(const std::filesystem::path& project);
    // Labels of new texts with the kept classifier: (sentiment, probability) per text.
    static Result<std::vector<std::pair<Sentiment, float>>> predictTexts(const SentimentClassifier& classifier, const std::vector<std::string>& texts,
                                                                         const VectorSources* vectors);
};

}  // namespace ss::sentiment
