// SentimentLabel: the three sentiments, how a review gets one (its stars or a label imported with
// it) and how labels map to class indices for 2- or 3-class classifiers. Plain functions, any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ss::sentiment {

// Stored in reviews.label and review_sentiment.label as these integers.
enum class Sentiment : int { Negative = -1, Neutral = 0, Positive = 1 };

enum class LabelSource { Stars, Imported };

struct LabelScheme {
    LabelSource source = LabelSource::Stars;
    int classes = 2;  // 2: negative/positive (3-star and neutral reviews are left out); 3: with neutral

    int classCount() const { return classes; }
    // Class index of a sentiment, or nullopt when the scheme has no such class (neutral in 2 classes).
    std::optional<int> classOf(Sentiment s) const;
    Sentiment sentimentOf(int classIndex) const;
    std::string describe() const;  // "stars (>= 4 positive, <= 2 negative), 2 classes"
};

// Weak label from a star rating: >= 4 positive, <= 2 negative, otherwise neutral.
Sentiment fromStars(double rating);
// An imported label: 0/1 (negative/positive, the common binary convention), -1, the words
// negative/neutral/positive (or neg/neu/pos, any case) and 负面/中性/正面.
std::optional<Sentiment> parseSentiment(std::string_view text);
std::string_view sentimentName(Sentiment s);  // "negative", "neutral", "positive"
std::optional<LabelSource> parseLabelSource(std::string_view text);  // "stars" | "imported"
std::string_view labelSourceName(LabelSource s);

}  // namespace ss::sentiment
