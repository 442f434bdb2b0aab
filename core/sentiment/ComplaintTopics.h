// ComplaintTopics: what customers complain about (or praise) — the negative (or positive) reviews
// grouped by their vectors with spherical k-means, the number of groups chosen by the best mean
// silhouette, each group labelled by its most distinctive terms (class-based TF-IDF of the group
// against all groups: words, and Chinese character pairs), with its size, the reviews closest to
// its centre, its count per month, and its products and categories. Vectors are the encoder's when
// a VectorSources is given and the encoder can read the reviews (at most 5% of their word pieces
// unknown, unless asked for either way), else the reviews' own TF-IDF rows. One toJson/fromJson;
// computed on a worker thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/value.hpp>

#include "common/JobContext.h"
#include "common/Result.h"
#include "sentiment/ReviewVectors.h"

namespace ss::sentiment {

enum class TopicVectors { Auto, Encoder, Tfidf };

struct TopicOptions {
    int polarity = -1;                   // -1 complaints (negative reviews), 1 praise (positive)
    TopicVectors vectors = TopicVectors::Auto;
    double maxUnknownRate = 0.05;        // Auto: the encoder only when it reads the reviews this well
    std::optional<std::string> category;  // only reviews of products in this category
    std::optional<std::string> item;      // only reviews of this product (external id)
    int maxGroups = 8;
    int terms = 6, snippets = 3;
    std::uint64_t seed = 42;
    std::size_t minimumReviews = 20;      // fewer reviews than this make one group
};

struct TopicSnippet {
    std::int64_t reviewId = 0;
    std::string item, text;
};

struct Topic {
    int size = 0;
    std::vector<std::string> terms;
    std::vector<TopicSnippet> snippets;
    std::vector<std::int64_t> reviewIds;  // every member, closest to the centre first
    std::vector<int> monthly;             // aligned with TopicReport::months
    std::vector<std::pair<std::string, int>> items, categories;  // the most frequent (up to 5), by count
};

struct TopicReport {
    int polarity = -1;
    std::string vectors;    // "encoder <name>" or "TF-IDF", and why when chosen automatically
    bool usedEncoder = false;
    std::string encoderName;
    double unknownTokenRate = -1;  // of these reviews' word pieces, when it was measured (else -1)
    int largestGroupCount = 0;     // the most groups tried (0: one group, too few reviews)
    std::string criterion;  // how the number of groups was chosen, in words
    std::int64_t reviews = 0;
    std::vector<std::pair<int, double>> silhouettes;  // k → mean silhouette, for every k tried
    std::vector<std::string> months;
    std::vector<Topic> topics;  // largest first

    boost::json::value toJson() const;
    static TopicReport fromJson(const boost::json::value& v);

    static Result<TopicReport> compute(const std::filesystem::path& project, const TopicOptions& options, const VectorSources* vectors,
                                       const JobContext& context);
};

}  // namespace ss::sentiment
