#include "SentimentLabel.h"

#include <algorithm>
#include <cctype>

namespace ss::sentiment {

std::optional<int> LabelScheme::classOf(Sentiment s) const {
    if (classes == 2) {
        if (s == Sentiment::Neutral) return std::nullopt;
        return s == Sentiment::Negative ? 0 : 1;
    }
    return static_cast<int>(s) + 1;
}

Sentiment LabelScheme::sentimentOf(int classIndex) const {
    if (classes == 2) return classIndex == 0 ? Sentiment::Negative : Sentiment::Positive;
    return static_cast<Sentiment>(classIndex - 1);
}

std::string LabelScheme::describe() const {
    std::string s = source == LabelSource::Stars ? "labels from stars (4-5 positive, 1-2 negative, 3 neutral)"
                                                 : "labels imported with the reviews";
    s += classes == 2 ? ", 2 classes (neutral left out)" : ", 3 classes";
    return s;
}

Sentiment fromStars(double rating) {
    if (rating >= 4) return Sentiment::Positive;
    if (rating <= 2) return Sentiment::Negative;
    return Sentiment::Neutral;
}

std::optional<Sentiment> parseSentiment(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    std::string lower(text);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "0" || lower == "-1" || lower == "negative" || lower == "neg" || lower == "负面" || lower == "差评")
        return Sentiment::Negative;
    if (lower == "1" || lower == "positive" || lower == "pos" || lower == "正面" || lower == "好评") return Sentiment::Positive;
    if (lower == "neutral" || lower == "neu" || lower == "中性" || lower == "中评") return Sentiment::Neutral;
    return std::nullopt;
}

std::string_view sentimentName(Sentiment s) {
    switch (s) {
    case Sentiment::Negative: return "negative";
    case Sentiment::Neutral: return "neutral";
    case Sentiment::Positive: return "positive";
    }
    return "neutral";
}

std::optional<LabelSource> parseLabelSource(std::string_view text) {
    if (text == "stars") return LabelSource::Stars;
    if (text == "imported") return LabelSource::Imported;
    return std::nullopt;
}

std::string_view labelSourceName(LabelSource s) { return s == LabelSource::Stars ? "stars" : "imported"; }

}  // namespace ss::sentiment
