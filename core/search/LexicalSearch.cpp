#include "LexicalSearch.h"

#include <string>
#include <unordered_set>

#include "store/Database.h"

namespace ss {
namespace {

// Items holding every phrase first, then those holding some; each part by BM25.
Status indexedMatches(Database& db, const LexicalQuery& query, std::size_t limit, std::vector<LexicalHit>& out) {
    if (query.phrases().empty()) return {};
    auto stmt = db.prepare("SELECT rowid, bm25(item_text, " + std::to_string(LexicalSearch::kTitleWeight) + ", " +
                           std::to_string(LexicalSearch::kDescriptionWeight) + ", " + std::to_string(LexicalSearch::kCategoryWeight) + ", " +
                           std::to_string(LexicalSearch::kBrandWeight) + ") AS relevance FROM item_text WHERE item_text MATCH ?1"
                           " ORDER BY relevance, rowid LIMIT ?2");
    if (!stmt) return stmt.error();
    std::unordered_set<std::int64_t> found;
    for (const bool all : {true, false}) {
        if (!all && query.phrases().size() == 1) break;  // one phrase: all and any are the same
        stmt->reset();
        stmt->bind(1, query.matchExpression(all)).bind(2, static_cast<std::int64_t>(limit + found.size()));
        for (;;) {
            auto row = stmt->step();
            if (!row) return row.error();
            if (!*row || out.size() >= limit) break;
            const std::int64_t id = stmt->columnInt(0);
            if (found.insert(id).second) out.push_back({id, -stmt->columnDouble(1), true, all || query.phrases().size() == 1});  // bm25() is lower for better matches
        }
    }
    return {};
}

// A term in the title counts three, anywhere else (description, category, brand) one.
Status scannedMatches(Database& db, const LexicalQuery& query, std::size_t limit, std::vector<LexicalHit>& out) {
    const auto& terms = query.scanTerms();
    if (terms.empty() || out.size() >= limit) return {};
    std::string score;
    for (std::size_t i = 0; i < terms.size(); ++i) {
        const std::string p = "?" + std::to_string(i + 2);
        score += (i ? " + " : "") + std::string("3 * (instr(lower(coalesce(title, '')), ") + p + ") > 0)" +
                 " + (instr(lower(coalesce(description, '') || ' ' || coalesce(category, '') || ' ' || coalesce(brand, '')), " + p + ") > 0)";
    }
    auto stmt = db.prepare("SELECT id, weight FROM (SELECT rowid AS id, " + score +
                           " AS weight FROM item_text) WHERE weight > 0 ORDER BY weight DESC, id LIMIT ?1");
    if (!stmt) return stmt.error();
    std::unordered_set<std::int64_t> found;
    for (const auto& hit : out) found.insert(hit.itemId);
    stmt->bind(1, static_cast<std::int64_t>(limit + found.size()));
    for (std::size_t i = 0; i < terms.size(); ++i) stmt->bind(static_cast<int>(i + 2), terms[i]);
    while (out.size() < limit) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        const std::int64_t id = stmt->columnInt(0);
        if (!found.count(id)) out.push_back({id, stmt->columnDouble(1), false, query.phrases().empty() && terms.size() == 1});
    }
    return {};
}

}  // namespace

Result<std::vector<LexicalHit>> LexicalSearch::run(Database& db, const LexicalQuery& query, std::size_t limit) {
    std::vector<LexicalHit> hits;
    if (limit == 0) return hits;
    if (Status s = indexedMatches(db, query, limit, hits); !s) return s.error();
    if (Status s = scannedMatches(db, query, limit, hits); !s) return s.error();
    return hits;
}

}  // namespace ss
