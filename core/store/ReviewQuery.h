// ReviewQuery: one customer's reviews, through the reviews_user index (the customer panel of the
// Recommendations screen; never a scan of the reviews table). Use from the thread that owns the
// Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Database.h"

namespace ss {

struct StoredReview {
    std::int64_t id = 0;
    std::int64_t itemId = 0;       // items.id
    std::optional<double> rating;  // absent when the source had none
    std::string title, body;
    std::int64_t time = 0;         // unix seconds
};

class ReviewQuery {
public:
    explicit ReviewQuery(Database& db) : db_(db) {}
    // The reviews written by users.id = userId, oldest first (ties by review id).
    Result<std::vector<StoredReview>> byUser(std::int64_t userId);

private:
    Database& db_;
};

}  // namespace ss
