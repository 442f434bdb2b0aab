// LexicalSearch: items whose text contains the query's words, from the project's trigram full-text
// index (Schema version 6) — BM25-ranked phrase matches first (title weighed above brand and
// category, those above the description), then, when those are fewer than asked for, items found by
// scanning for the terms too short for the index (see LexicalQuery), ranked by how many they hold.
// No model is needed. Call on the thread that owns the Database.
#pragma once

#include <cstdint>
#include <vector>

#include "LexicalQuery.h"
#include "common/Result.h"

namespace ss {

class Database;

struct LexicalHit {
    std::int64_t itemId = 0;
    double score = 0;      // BM25 relevance (higher is better) for an indexed match; matched terms' weight for a scanned one
    bool indexed = true;   // found through the index (else by the scan)
    bool allTerms = true;  // holds every phrase of the query (else some of them, or only scanned terms)
};

class LexicalSearch {
public:
    // Best first, at most `limit` items.
    static Result<std::vector<LexicalHit>> run(Database& db, const LexicalQuery& query, std::size_t limit);

    // BM25 column weights: title, description, category, brand.
    static constexpr double kTitleWeight = 4, kDescriptionWeight = 1, kCategoryWeight = 2, kBrandWeight = 2;
};

}  // namespace ss
