// SentimentStore: sentiment results in the project file — trained classifiers (table
// sentiment_classifiers), each training run's report (sentiment_runs; the newest names the kept
// classifier) and every review's predicted sentiment (review_sentiment). Any thread; each call opens
// its own connection, and every write is one transaction, so a failure leaves the file as it was.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/Result.h"
#include "sentiment/SentimentClassifier.h"
#include "sentiment/SentimentReport.h"

namespace ss::sentiment {

struct StoredPrediction {
    std::int64_t reviewId = 0;
    Sentiment label = Sentiment::Neutral;
    float probability = 0;
};

class SentimentStore {
public:
    static constexpr int kKeepRuns = 5;

    // Stores the classifiers (key → classifier) and the run's report in one transaction; classifiers
    // no longer named by one of the newest kKeepRuns runs are removed.
    static Status saveRun(const std::filesystem::path& project, const SentimentReport& report,
                          const std::vector<std::pair<std::string, const SentimentClassifier*>>& classifiers);
    // The newest run's report, if any.
    static Result<std::optional<SentimentReport>> latestRun(const std::filesystem::path& project);
    // The newest run whose report carries `dataFingerprint` and `settingsKey` and whose kept classifier is still stored.
    static Result<std::optional<SentimentReport>> findRun(const std::filesystem::path& project, const std::string& runKey);
    static Result<std::optional<SentimentClassifier>> classifier(const std::filesystem::path& project, const std::string& key);

    // Predictions: written per chunk (one transaction each); ids of reviews already predicted by `classifierKey`.
    static Status savePredictions(const std::filesystem::path& project, const std::string& classifierKey,
                                  const std::vector<StoredPrediction>& predictions);
    static Result<std::int64_t> lastPredictedReview(const std::filesystem::path& project, const std::string& classifierKey);
    static Result<std::int64_t> predictedCount(const std::filesystem::path& project, const std::string& classifierKey);
};

}  // namespace ss::sentiment
