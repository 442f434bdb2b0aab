// Small review sets with planted sentiment for the sentiment tests: English and Chinese words that
// carry the sentiment, filler words that do not, stars that agree with the words, and planted
// "encoder" vectors (a direction per sentiment plus seeded noise) standing in for the BERT encoder.
#pragma once

#include <QtTest>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "../store/TestSupport.h"
#include "sentiment/ReviewVectors.h"
#include "store/Project.h"

namespace sstest {

inline const std::vector<std::string> kPositiveWords = {"great", "love", "perfect", "excellent", "很好", "满意"};
inline const std::vector<std::string> kNegativeWords = {"broken", "terrible", "refund", "awful", "太差", "退货"};
inline const std::vector<std::string> kNeutralWords = {"okay", "average", "fine", "一般"};
inline const std::vector<std::string> kFillerWords = {"item", "arrived", "box", "colour", "size", "包装", "快递", "the", "this"};

// A review text with two words of its sentiment (-1, 0, 1) and three fillers.
inline std::string plantedText(int sentiment, std::mt19937& rng) {
    const auto& words = sentiment > 0 ? kPositiveWords : sentiment < 0 ? kNegativeWords : kNeutralWords;
    std::string text;
    for (int i = 0; i < 5; ++i) {
        const auto& pool = i == 1 || i == 3 ? words : kFillerWords;
        if (!text.empty()) text += ' ';
        text += pool[rng() % pool.size()];
    }
    return text;
}

struct PlantedReview {
    std::int64_t user, item;
    std::optional<double> rating;
    std::optional<int> label;
    std::int64_t ts;
    std::string text;
};

inline void insertReviews(const std::filesystem::path& project, const std::vector<PlantedReview>& reviews) {
    auto p = ss::Project::open(project);
    SS_VERIFY_OK(p);
    auto& db = (*p)->db();
    auto user = db.prepare("INSERT OR IGNORE INTO users(id, external_id) VALUES(?1, 'U' || ?1)");
    auto item = db.prepare("INSERT OR IGNORE INTO items(id, external_id, title, category) VALUES(?1, 'I' || ?1, 'Item ' || ?1, CASE WHEN ?1 % 2 = 0 THEN 'shoes' ELSE 'bags' END)");
    auto review = db.prepare("INSERT INTO reviews(user_id, item_id, rating, label, ts, body) VALUES(?1,?2,?3,?4,?5,?6)");
    SS_VERIFY_OK(user);
    SS_VERIFY_OK(item);
    SS_VERIFY_OK(review);
    for (const auto& r : reviews) {
        user->reset();
        user->bind(1, r.user);
        SS_VERIFY_OK(user->run());
        item->reset();
        item->bind(1, r.item);
        SS_VERIFY_OK(item->run());
        review->reset();
        review->bind(1, r.user).bind(2, r.item).bind(3, r.rating).bind(4, r.label).bind(5, r.ts).bind(6, r.text);
        SS_VERIFY_OK(review->run());
    }
}

// `reviewers` reviewers with two reviews each; sentiment decided by the seed; stars 5 / 1 (and 3 for
// neutral reviews when `withNeutral`).
inline std::vector<PlantedReview> plantedReviews(int reviewers, unsigned seed, bool withNeutral = false, std::int64_t firstUser = 1) {
    std::mt19937 rng(seed);
    std::vector<PlantedReview> out;
    for (int u = 0; u < reviewers; ++u)
        for (int k = 0; k < 2; ++k) {
            const int roll = static_cast<int>(rng() % (withNeutral ? 3 : 2));
            const int sentiment = withNeutral ? roll - 1 : (roll == 0 ? -1 : 1);
            out.push_back({firstUser + u, 1 + static_cast<std::int64_t>(rng() % 6), sentiment > 0 ? 5.0 : sentiment < 0 ? 1.0 : 3.0, std::nullopt,
                           1704067200 + static_cast<std::int64_t>(rng() % (120 * 86400)), plantedText(sentiment, rng)});
        }
    return out;
}

inline int plantedSentiment(const std::string& text) {
    for (const auto& w : kPositiveWords)
        if (text.find(w) != std::string::npos) return 1;
    for (const auto& w : kNegativeWords)
        if (text.find(w) != std::string::npos) return -1;
    return 0;
}

// Vectors that carry the planted sentiment (a direction per sentiment) under seeded noise, so a head
// can learn from them without a BERT model.
inline ss::rec::DenseMatrix plantedVectors(const std::vector<std::string>& texts) {
    ss::rec::DenseMatrix m(static_cast<int>(texts.size()), 8);
    for (std::size_t i = 0; i < texts.size(); ++i) {
        std::mt19937 rng(static_cast<unsigned>(std::hash<std::string>{}(texts[i])));
        std::normal_distribution<float> noise(0.0f, 0.4f);
        float* row = m.row(static_cast<int>(i));
        for (int d = 0; d < 8; ++d) row[d] = noise(rng);
        row[plantedSentiment(texts[i]) + 1] += 1.5f;
    }
    return m;
}

inline ss::sentiment::VectorSources plantedSources(int* calls = nullptr) {
    ss::sentiment::VectorSources s;
    s.encoder = "planted@1";
    s.encoderName = "planted";
    s.reviews = [calls](const std::vector<std::int64_t>&, const std::vector<std::string>& texts, const ss::JobContext&) -> ss::Result<ss::rec::DenseMatrix> {
        if (calls) ++*calls;
        return plantedVectors(texts);
    };
    s.texts = [](const std::vector<std::string>& texts) -> ss::Result<ss::rec::DenseMatrix> { return plantedVectors(texts); };
    s.unknownTokenRate = [](const std::vector<std::string>&) { return 0.25; };
    return s;
}

}  // namespace sstest
