// SentimentOverview: how customers feel, per product, per category and per month. Each review
// counts with its known sentiment (its stars or imported label, under the kept run's label source)
// and otherwise with the kept classifier's prediction; reviews with neither are counted as
// unlabelled. Months are calendar months in the project's time zone; undated reviews (time 0) are
// left out of the months. One toJson/fromJson; computed on a worker thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "common/Result.h"

namespace ss::sentiment {

struct SentimentTally {
    std::int64_t negative = 0, neutral = 0, positive = 0;
    std::int64_t predicted = 0;   // of those, labelled by the classifier (no stars / no label)
    std::int64_t unlabelled = 0;  // reviews with neither

    std::int64_t labelled() const { return negative + neutral + positive; }
    double mean() const;           // (positive − negative) / labelled, in [−1, 1]; NaN when none
    double shareNegative() const;  // negative / labelled; NaN when none

    boost::json::value toJson() const;
    static SentimentTally fromJson(const boost::json::value& v);
};

struct ItemSentiment {
    std::int64_t itemId = 0;
    std::string externalId, title, category;
    SentimentTally tally;
    SentimentTally recent;  // the last 90 days of the project's reviews, to show a trend
};

struct CategorySentiment {
    std::string category;
    SentimentTally tally;
    std::vector<SentimentTally> months;  // aligned with SentimentOverview::months
};

struct SentimentOverview {
    std::string definition;
    std::string classifier;           // the kept classifier's name; empty when none was trained
    std::string timeZone;             // the project's, which the months are in
    SentimentTally total;
    std::vector<std::string> months;  // "2024-03", ascending
    std::vector<SentimentTally> monthly;
    std::vector<CategorySentiment> categories;  // by number of reviews, descending
    std::vector<ItemSentiment> items;           // by share negative, descending

    boost::json::value toJson(std::size_t itemLimit = 0) const;  // 0: every item
    // External ids of the products whose share of negative reviews is above `share`, of at least
    // `minimumReviews` labelled reviews.
    std::vector<std::string> itemsAbove(double share, std::int64_t minimumReviews = 3) const;
    static SentimentOverview fromJson(const boost::json::value& v);

    static Result<SentimentOverview> compute(const std::filesystem::path& project);
};

// Products whose share of negative reviews is above `share` (of at least `minimumReviews` labelled
// reviews, counted as the overview counts them), by external id: what the "bury by sentiment" rule buries.
Result<std::vector<std::string>> itemsAboveNegativeShare(const std::filesystem::path& project, double share, std::int64_t minimumReviews = 3);

}  // namespace ss::sentiment
