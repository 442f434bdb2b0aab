// ReviewCorpus: a project's reviews as the sentiment work reads them — id, reviewer, product, time,
// text (title and body, as the encoder reads them) and the label the chosen scheme gives each one
// (its stars or its imported label; none for a review without). ReviewSplit: which reviewers train,
// validate and test, decided per reviewer by a seeded hash, so one person's reviews are never on
// both sides. Load on a worker thread (opens its own connection); values are plain.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/Result.h"
#include "sentiment/SentimentLabel.h"

namespace ss::sentiment {

struct ReviewCorpus {
    std::vector<std::int64_t> ids, users, items, times;
    std::vector<std::string> texts;
    std::vector<std::optional<Sentiment>> labels;  // under the scheme's source

    std::size_t size() const { return ids.size(); }
    // The text expression the encoder's review vectors are made from (EncodeJob), so both read alike.
    static constexpr const char* kTextSql = "trim(coalesce(r.title,'') || '. ' || coalesce(r.body,''))";

    static Result<ReviewCorpus> load(const std::filesystem::path& project, LabelSource source);
    // These reviews (in this order; unknown ids are left out), labels under `source`.
    static Result<ReviewCorpus> loadIds(const std::filesystem::path& project, LabelSource source, const std::vector<std::int64_t>& ids);
    // The products' own ids (external ids) of project item ids, in the same order ("" for unknown ids).
    static Result<std::vector<std::string>> productIds(const std::filesystem::path& project, const std::vector<std::int64_t>& itemIds);
    // Reviews with an id above `afterId`, at most `limit` (for chunked apply jobs).
    static Result<ReviewCorpus> loadChunk(const std::filesystem::path& project, LabelSource source, std::int64_t afterId, std::int64_t limit);
};

enum class SplitPart { Train, Validation, Test };

struct ReviewSplit {
    std::uint64_t seed = 42;
    double trainFraction = 0.70, validationFraction = 0.15;  // the rest is the held-out test

    SplitPart partOf(std::int64_t userId) const;
};

// The reviews a scheme can learn from (a label, in one of its classes), each with its part and class.
// A text seen before is left out (one opinion, counted once: the 2018 Amazon files repeat a review
// for every variant of a product); `duplicates` receives how many were.
struct LabelledReview {
    std::size_t row = 0;  // index into the corpus
    SplitPart part = SplitPart::Train;
    int classIndex = 0;
};
std::vector<LabelledReview> labelledReviews(const ReviewCorpus& corpus, const LabelScheme& scheme, const ReviewSplit& split,
                                            std::int64_t* duplicates = nullptr);

// A stable fingerprint of what training reads: the reviews (count, ids, stars, labels and text
// lengths). Changes whenever a review is added, removed or relabelled.
Result<std::string> reviewDataFingerprint(const std::filesystem::path& project);

}  // namespace ss::sentiment
