// CustomerGroups: splits the customers of an ActivityLog into named groups for comparison — by the
// segment column of the customers table, by acquisition category (the category of the item of a
// customer's first event), by first-order value band, by the sentiment of the customer's first review
// (negative / neutral / positive), or by an imported customer property ("property:variant"). Loaded on a job's thread; a plain value afterwards: any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/ActivityLog.h"
#include "common/Result.h"

namespace ss {

class Database;

struct CustomerGroups {
    std::string by;                  // "segment", "acquisition-category", "first-order-value", "first-review-sentiment" or "property:NAME"
    std::vector<std::string> names;  // sorted
    std::vector<int> groupOf;        // per customer of the log: index into names, -1 when unknown

    // The groupings load() understands, for usage messages.
    static const std::vector<std::string>& groupings();
    // The groupings this project can offer: "segment" and "acquisition-category" where customers or
    // items carry them, "first-order-value" (quartile bands of the first purchase's amount) where
    // purchases have amounts, and "property:NAME" for each customer property imported.
    static Result<std::vector<std::string>> available(Database& db, const ActivityLog& log);
    static Result<CustomerGroups> load(Database& db, const ActivityLog& log, std::string_view by);
    // Keeps only the named groups (in the order given); names not present are reported.
    Status keepOnly(const std::vector<std::string>& wanted);
    // Keeps the `n` groups with the most customers (in name order); false when nothing was dropped.
    bool keepLargest(std::size_t n);
    // One flag per customer: in group `name`.
    std::vector<char> members(std::string_view name) const;
};

}  // namespace ss
