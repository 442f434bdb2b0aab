// ReviewSentiments: every review of a project with the sentiment it counts with — its known one (its
// stars or imported label, under the newest training run's label source) or else the kept
// classifier's prediction — plus its product, category and time (and text when asked). What the
// overview and the complaint topics both read. Load on a worker thread (own connection).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/Result.h"
#include "common/TimeZone.h"
#include "sentiment/SentimentLabel.h"

namespace ss::sentiment {

struct ReviewSentiments {
    LabelSource source = LabelSource::Stars;
    std::string classifier, classifierKey;  // the kept classifier (empty when none was trained)
    TimeZone zone = TimeZone::utc();        // the project's
    std::vector<std::int64_t> ids, items, times;
    std::vector<std::optional<int>> labels;  // -1, 0, 1; none when neither known nor predicted
    std::vector<char> predicted;             // 1 when the label is the classifier's
    std::vector<std::string> texts;          // empty unless loaded with text
    // Per product (by the id in `items`): its external id, title and category.
    struct Item { std::string externalId, title, category; };
    std::vector<std::int64_t> itemIds;
    std::vector<Item> itemInfo;  // aligned with itemIds

    std::size_t size() const { return ids.size(); }
    const Item& item(std::int64_t itemId) const;

    static Result<ReviewSentiments> load(const std::filesystem::path& project, bool withText);
};

// "2024-03": the calendar month of a unix time in `zone`.
std::string monthOf(const TimeZone& zone, std::int64_t ts);

}  // namespace ss::sentiment
