#include "ReviewSentiments.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "common/TimeUtil.h"
#include "sentiment/ReviewCorpus.h"
#include "sentiment/SentimentStore.h"
#include "store/Project.h"

namespace ss::sentiment {

std::string monthOf(const TimeZone& zone, std::int64_t ts) {
    int year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(floorDiv(zone.toLocal(ts), 86400), year, month, day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, month);
    return buffer;
}

const ReviewSentiments::Item& ReviewSentiments::item(std::int64_t itemId) const {
    const auto it = std::lower_bound(itemIds.begin(), itemIds.end(), itemId);
    return itemInfo[static_cast<std::size_t>(it - itemIds.begin())];
}

Result<ReviewSentiments> ReviewSentiments::load(const std::filesystem::path& project, bool withText) {
    auto run = SentimentStore::latestRun(project);
    if (!run) return run.error();
    ReviewSentiments out;
    if (*run) {
        out.source = (*run)->scheme.source;
        out.classifier = (*run)->chosen;
        out.classifierKey = (*run)->keptKey;
    }
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto zoneName = (*p)->setting("project.timezone");
    if (!zoneName) return zoneName.error();
    auto zone = TimeZone::load(*zoneName && !(*zoneName)->empty() ? **zoneName : std::string("UTC"));
    if (!zone) return zone.error();
    out.zone = std::move(*zone);
    const std::string known = out.source == LabelSource::Stars
                                  ? "CASE WHEN r.rating IS NULL THEN NULL WHEN r.rating >= 4 THEN 1 WHEN r.rating <= 2 THEN -1 ELSE 0 END"
                                  : "r.label";
    auto stmt = (*p)->db().prepare("SELECT r.id, r.item_id, r.ts, " + known + ", s.label, " + (withText ? std::string(ReviewCorpus::kTextSql) : "''") +
                                   " FROM reviews r LEFT JOIN review_sentiment s ON s.review_id = r.id AND s.classifier = ?1 ORDER BY r.id");
    if (!stmt) return stmt.error();
    stmt->bind(1, out.classifierKey);
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        out.ids.push_back(stmt->columnInt(0));
        out.items.push_back(stmt->columnInt(1));
        out.times.push_back(stmt->columnInt(2));
        std::optional<int> label;
        char predicted = 0;
        if (!stmt->columnIsNull(3)) label = static_cast<int>(stmt->columnInt(3));
        else if (!stmt->columnIsNull(4)) label = static_cast<int>(stmt->columnInt(4)), predicted = 1;
        out.labels.push_back(label);
        out.predicted.push_back(predicted);
        if (withText) out.texts.push_back(stmt->columnText(5));
    }
    auto items = (*p)->db().prepare("SELECT id, external_id, coalesce(title,''), coalesce(category,'') FROM items"
                                    " WHERE id IN (SELECT DISTINCT item_id FROM reviews) ORDER BY id");
    if (!items) return items.error();
    for (;;) {
        auto more = items->step();
        if (!more) return more.error();
        if (!*more) break;
        out.itemIds.push_back(items->columnInt(0));
        out.itemInfo.push_back({items->columnText(1), items->columnText(2), items->columnText(3)});
    }
    return out;
}

}  // namespace ss::sentiment
