// CatalogQuery: item look-ups by id or external id for result lists (search, similar, recommend).
// Use from the thread that owns the Database.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "Database.h"

namespace ss {

struct CatalogItem {
    std::int64_t id = 0;
    std::string externalId, title, category;
    std::optional<double> price;
};

class CatalogQuery {
public:
    explicit CatalogQuery(Database& db) : db_(db) {}
    Result<std::optional<CatalogItem>> byExternalId(const std::string& externalId);
    Result<std::optional<CatalogItem>> byId(std::int64_t id);

private:
    Result<std::optional<CatalogItem>> one(const char* where, auto bindValue);
    Database& db_;
};

}  // namespace ss
