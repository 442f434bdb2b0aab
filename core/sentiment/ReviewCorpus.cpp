#include "ReviewCorpus.h"

#include <cstdio>
#include <string_view>
#include <unordered_set>

#include "common/Hash.h"
#include "store/Project.h"

namespace ss::sentiment {
namespace {

constexpr const char* kColumns = "SELECT r.id, r.user_id, r.item_id, r.ts, ";

// Appends the rows `stmt` steps through (columns as kColumns + text, rating, label).
Status appendRows(Statement& stmt, LabelSource source, ReviewCorpus& corpus) {
    for (;;) {
        auto row = stmt.step();
        if (!row) return row.error();
        if (!*row) return {};
        corpus.ids.push_back(stmt.columnInt(0));
        corpus.users.push_back(stmt.columnInt(1));
        corpus.items.push_back(stmt.columnInt(2));
        corpus.times.push_back(stmt.columnInt(3));
        corpus.texts.push_back(stmt.columnText(4));
        std::optional<Sentiment> label;
        if (source == LabelSource::Stars && !stmt.columnIsNull(5)) label = fromStars(stmt.columnDouble(5));
        if (source == LabelSource::Imported && !stmt.columnIsNull(6)) {
            const auto v = stmt.columnInt(6);
            if (v >= -1 && v <= 1) label = static_cast<Sentiment>(v);
        }
        corpus.labels.push_back(label);
    }
}

Result<ReviewCorpus> query(const std::filesystem::path& project, LabelSource source, std::int64_t afterId, std::int64_t limit) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare(std::string(kColumns) + ReviewCorpus::kTextSql + ", r.rating, r.label FROM reviews r WHERE r.id > ?1 ORDER BY r.id LIMIT ?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, afterId).bind(2, limit);
    ReviewCorpus corpus;
    SS_TRY(appendRows(*stmt, source, corpus));
    return corpus;
}

}  // namespace

Result<ReviewCorpus> ReviewCorpus::loadIds(const std::filesystem::path& project, LabelSource source, const std::vector<std::int64_t>& ids) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare(std::string(kColumns) + ReviewCorpus::kTextSql + ", r.rating, r.label FROM reviews r WHERE r.id = ?1");
    if (!stmt) return stmt.error();
    ReviewCorpus corpus;
    for (auto id : ids) {
        stmt->reset();
        stmt->bind(1, id);
        SS_TRY(appendRows(*stmt, source, corpus));
    }
    return corpus;
}

Result<std::vector<std::string>> ReviewCorpus::productIds(const std::filesystem::path& project, const std::vector<std::int64_t>& itemIds) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare("SELECT external_id FROM items WHERE id = ?1");
    if (!stmt) return stmt.error();
    std::vector<std::string> out;
    for (auto id : itemIds) {
        stmt->reset();
        stmt->bind(1, id);
        auto row = stmt->step();
        if (!row) return row.error();
        out.push_back(*row ? stmt->columnText(0) : std::string());
    }
    return out;
}

Result<ReviewCorpus> ReviewCorpus::load(const std::filesystem::path& project, LabelSource source) {
    return query(project, source, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::int64_t>::max());
}

Result<ReviewCorpus> ReviewCorpus::loadChunk(const std::filesystem::path& project, LabelSource source, std::int64_t afterId, std::int64_t limit) {
    return query(project, source, afterId, limit);
}

SplitPart ReviewSplit::partOf(std::int64_t userId) const {
    const double u = unitHash(seed, static_cast<std::uint64_t>(userId));
    if (u < trainFraction) return SplitPart::Train;
    if (u < trainFraction + validationFraction) return SplitPart::Validation;
    return SplitPart::Test;
}

std::vector<LabelledReview> labelledReviews(const ReviewCorpus& corpus, const LabelScheme& scheme, const ReviewSplit& split,
                                            std::int64_t* duplicates) {
    std::vector<LabelledReview> out;
    std::unordered_set<std::string_view> seen;
    std::int64_t dropped = 0;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        if (!corpus.labels[i]) continue;
        const auto cls = scheme.classOf(*corpus.labels[i]);
        if (!cls) continue;
        if (!seen.insert(corpus.texts[i]).second) {
            ++dropped;
            continue;
        }
        out.push_back({i, split.partOf(corpus.users[i]), *cls});
    }
    if (duplicates) *duplicates = dropped;
    return out;
}

Result<std::string> reviewDataFingerprint(const std::filesystem::path& project) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare(
        "SELECT count(*), coalesce(max(id),0), coalesce(sum(id),0), total(coalesce(rating,0)), total(coalesce(label,7)),"
        " total(length(coalesce(title,'')) + length(coalesce(body,''))) FROM reviews");
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "%lld-%lld-%lld-%.0f-%.0f-%.0f", (long long)stmt->columnInt(0), (long long)stmt->columnInt(1),
                  (long long)stmt->columnInt(2), stmt->columnDouble(3) * 2, stmt->columnDouble(4), stmt->columnDouble(5));
    return std::string(buffer);
}

}  // namespace ss::sentiment
