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

// An item in a ranked answer (search, similar items): its score under the answer's measure, and
// for search, where each side of the search ranked it (1 = first; 0 = not among that side's hits).
struct ItemHit {
    CatalogItem item;
    float score = 0;
    int lexicalRank = 0, semanticRank = 0;
    std::optional<double> bm25;    // the lexical side's relevance (higher is better)
    std::optional<float> cosine;  // the semantic side's similarity
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
