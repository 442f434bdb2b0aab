// ItemRecord, ReviewRecord: plain rows as importers and the sample generator produce them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ss {

struct ItemRecord {
    std::string externalId;
    std::optional<std::string> title, description, category, brand;
    std::optional<double> price;
    std::optional<bool> available;
};

struct ReviewRecord {
    std::int64_t userId = 0;
    std::int64_t itemId = 0;
    std::optional<double> rating;
    std::string title, body;
    std::int64_t time = 0;
    std::optional<int> label;  // sentiment imported with the review: -1 negative, 0 neutral, 1 positive
};

}  // namespace ss
