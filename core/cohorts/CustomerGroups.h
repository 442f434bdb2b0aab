// CustomerGroups: splits the customers of an ActivityLog into named groups for comparison — by the
// segment column of the customers table, by acquisition category (the category of the item of a
// customer's first event), by first-order value band, by the sentiment of the customer's first review
// (negative / neutral / positive), by an imported customer property ("property:variant"), or by
// whether the customer took what a recommender recommended to them in a stored evaluation run
// ("recommended-by:RUN": "yes" when an item of its top K was among the customer's test events of the
// run's target — bought, for the usual purchase target —, "no" when none was; customers outside the
// run's test set are in neither). Loaded on a job's thread; a plain value afterwards: any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/ActivityLog.h"
#include "store/EventType.h"
#include "common/Result.h"

namespace ss {

class Database;

// The stored evaluation run a "recommended-by:RUN" grouping comes from.
struct RecommendationRun {
    std::int64_t run = 0;
    std::string recommender;  // "als", ...
    EventType target = EventType::Purchase;
    int k = 10;
    // "bought an item that als recommended to them (run 12, top 10)"
    std::string describe() const;
};

struct CustomerGroups {
    std::string by;                  // "segment", "acquisition-category", "first-order-value", "first-review-sentiment",
                                     // "property:NAME" or "recommended-by:RUN"
    std::vector<std::string> names;  // sorted
    std::vector<int> groupOf;        // per customer of the log: index into names, -1 when unknown
    std::optional<RecommendationRun> recommendations;  // set for "recommended-by:RUN"

    // How many of the newest stored evaluation runs available() offers as "recommended-by:RUN".
    static constexpr int kNewestRuns = 5;

    // The groupings load() understands, for usage messages.
    static const std::vector<std::string>& groupings();
    // The groupings this project can offer: "segment" and "acquisition-category" where customers or
    // items carry them, "first-order-value" (quartile bands of the first purchase's amount) where
    // purchases have amounts, "property:NAME" for each customer property imported, and
    // "recommended-by:RUN" for the kNewestRuns newest stored evaluation runs.
    static Result<std::vector<std::string>> available(Database& db, const ActivityLog& log);
    static Result<CustomerGroups> load(Database& db, const ActivityLog& log, std::string_view by);
    // Keeps only the named groups (in the order given); names not present are reported.
    Status keepOnly(const std::vector<std::string>& wanted);
    // Keeps the `n` groups with the most customers (in name order); false when nothing was dropped.
    bool keepLargest(std::size_t n);
    // What the groups are, for reports: `by`, or for "recommended-by:RUN" "whether the customer bought
    // an item that als recommended to them (run 12, top 10)".
    std::string describe() const;
    // One flag per customer: in group `name`.
    std::vector<char> members(std::string_view name) const;
};

}  // namespace ss
