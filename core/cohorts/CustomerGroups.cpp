#include "CustomerGroups.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <unordered_map>

#include "store/Database.h"

namespace ss {
namespace {

// Text labels of compact ids (users or items), interned: codes[id] indexes names, -1 for none.
struct Labels {
    std::vector<std::string> names;
    std::vector<int> codes;
    int of(std::int64_t id) const { return id >= 0 && static_cast<std::size_t>(id) < codes.size() ? codes[static_cast<std::size_t>(id)] : -1; }
};

// Reads "id, text" rows (NULL and empty text skipped); `bound` fills the query's one parameter, if any.
Result<Labels> readLabels(Database& db, std::string_view sql, std::string_view bound = {}) {
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    if (!bound.empty()) stmt->bind(1, bound);
    Labels out;
    std::unordered_map<std::string, int> index;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        const auto id = stmt->columnInt(0);
        if (stmt->columnIsNull(1) || id < 0) continue;
        auto text = stmt->columnText(1);
        if (text.empty()) continue;
        const auto [it, added] = index.try_emplace(std::move(text), static_cast<int>(out.names.size()));
        if (added) out.names.push_back(it->first);
        if (out.codes.size() <= static_cast<std::size_t>(id)) out.codes.resize(static_cast<std::size_t>(id) + 1, -1);
        out.codes[static_cast<std::size_t>(id)] = it->second;
    }
    return out;
}

// Quartile bands of the amount of each customer's first purchase (codes by customer index), labelled
// "1: up to 12.50", "2: 12.50–25.00", ... so that name order is band order.
Labels firstOrderBands(const ActivityLog& log) {
    Labels out;
    out.codes.assign(log.customers(), -1);
    std::vector<double> first(log.customers(), -1.0);
    std::vector<double> sorted;
    for (std::size_t c = 0; c < log.customers(); ++c)
        for (const auto& e : log.events(c))
            if (e.type == EventType::Purchase && e.amount != 0.0f) {
                first[c] = e.amount;
                sorted.push_back(e.amount);
                break;
            }
    if (sorted.empty()) return out;
    std::sort(sorted.begin(), sorted.end());
    auto quantile = [&](double q) { return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * static_cast<double>(sorted.size())))]; };
    std::vector<double> cuts{quantile(0.25), quantile(0.5), quantile(0.75)};
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    auto money = [](double x) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f", x);
        return std::string(buf);
    };
    for (std::size_t b = 0; b <= cuts.size(); ++b) {
        const std::string prefix = std::to_string(b + 1) + ": ";
        if (b == 0) out.names.push_back(prefix + "up to " + money(cuts[0]));
        else if (b == cuts.size()) out.names.push_back(prefix + "over " + money(cuts[b - 1]));
        else out.names.push_back(prefix + money(cuts[b - 1]) + "\u2013" + money(cuts[b]));
    }
    for (std::size_t c = 0; c < log.customers(); ++c) {
        if (first[c] < 0) continue;
        out.codes[c] = static_cast<int>(std::lower_bound(cuts.begin(), cuts.end(), first[c]) - cuts.begin());
    }
    return out;
}

}  // namespace

// The sentiment of each customer's first review: its known one (stars, or the imported label when
// the newest sentiment run trained on imported labels) or else the kept classifier's prediction —
// the rule of sentiment::ReviewSentiments, in SQL.
constexpr const char* kFirstReviewSentiment = R"SQL(
WITH run AS (SELECT kept_key, coalesce(json_extract(report, '$.labels.source'), 'stars') AS source
             FROM sentiment_runs ORDER BY id DESC LIMIT 1),
first AS (SELECT id, user_id, rating, label, row_number() OVER (PARTITION BY user_id ORDER BY ts, id) AS n FROM reviews)
SELECT f.user_id,
  CASE coalesce(CASE WHEN coalesce((SELECT source FROM run), 'stars') = 'stars'
                     THEN CASE WHEN f.rating IS NULL THEN NULL WHEN f.rating >= 4 THEN 1 WHEN f.rating <= 2 THEN -1 ELSE 0 END
                     ELSE f.label END,
                (SELECT s.label FROM review_sentiment s WHERE s.review_id = f.id AND s.classifier = (SELECT kept_key FROM run)))
  WHEN -1 THEN 'negative' WHEN 0 THEN 'neutral' WHEN 1 THEN 'positive' END
FROM first f WHERE f.n = 1
)SQL";

std::string RecommendationRun::describe() const {
    const char* verb = target == EventType::Purchase ? "bought"
                       : target == EventType::Cart   ? "added to the cart"
                       : target == EventType::Favourite ? "favourited"
                                                        : "viewed";
    return std::string(verb) + " an item that " + recommender + " recommended to them (run " + std::to_string(run) + ", top " +
           std::to_string(k) + ")";
}

namespace {

constexpr std::string_view kRecommendedBy = "recommended-by:";

// The run a "recommended-by:RUN" grouping names, and each of its test customers' hit at K as "yes"/"no".
Result<Labels> recommendationLabels(Database& db, std::string_view runText, RecommendationRun& run) {
    std::int64_t id = 0;
    const auto parsed = std::from_chars(runText.data(), runText.data() + runText.size(), id);
    if (parsed.ec != std::errc() || parsed.ptr != runText.data() + runText.size() || id <= 0)
        return makeError(ErrorCode::Usage, "recommended-by needs a stored evaluation run's number, got '" + std::string(runText) + "'",
                         "segment-by");
    auto stmt = db.prepare("SELECT recommender, k, coalesce(json_extract(split, '$.target'), 'purchase') FROM runs WHERE id = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, id);
    auto found = stmt->step();
    if (!found) return found.error();
    if (!*found)
        return makeError(ErrorCode::InputData, "no stored evaluation run " + std::to_string(id) + " (evaluate without --no-store keeps one)",
                         "segment-by");
    run.run = id;
    run.recommender = stmt->columnText(0);
    run.k = static_cast<int>(stmt->columnInt(1));
    run.target = parseEventType(stmt->columnText(2)).value_or(EventType::Purchase);
    auto labels = readLabels(db,
                             "SELECT user_id, CASE WHEN value > 0 THEN 'yes' ELSE 'no' END FROM run_user_metrics WHERE run_id = " +
                                 std::to_string(id) + " AND metric = ?1",
                             "hit@" + std::to_string(run.k));
    if (labels && labels->names.empty())
        return makeError(ErrorCode::InputData, "evaluation run " + std::to_string(id) + " kept no per-customer results", "segment-by");
    return labels;
}

}  // namespace

const std::vector<std::string>& CustomerGroups::groupings() {
    static const std::vector<std::string> names{"segment", "acquisition-category", "first-order-value", "first-review-sentiment", "property:NAME",
                                                "recommended-by:RUN"};
    return names;
}

Result<std::vector<std::string>> CustomerGroups::available(Database& db, const ActivityLog& log) {
    std::vector<std::string> out;
    auto segments = db.queryInt("SELECT EXISTS(SELECT 1 FROM users WHERE segment IS NOT NULL AND segment <> '')");
    if (!segments) return segments.error();
    if (*segments) out.emplace_back("segment");
    auto categories = db.queryInt("SELECT EXISTS(SELECT 1 FROM items WHERE category IS NOT NULL AND category <> '')");
    if (!categories) return categories.error();
    if (*categories) out.emplace_back("acquisition-category");
    if (log.hasAmounts()) out.emplace_back("first-order-value");
    auto reviews = db.queryInt("SELECT EXISTS(SELECT 1 FROM reviews)");
    if (!reviews) return reviews.error();
    if (*reviews) out.emplace_back("first-review-sentiment");
    auto names = db.prepare("SELECT DISTINCT name FROM user_properties ORDER BY name");
    if (!names) return names.error();
    for (;;) {
        auto more = names->step();
        if (!more) return more.error();
        if (!*more) break;
        out.push_back("property:" + names->columnText(0));
    }
    auto runs = db.prepare("SELECT id FROM runs ORDER BY id DESC LIMIT ?1");
    if (!runs) return runs.error();
    runs->bind(1, static_cast<std::int64_t>(kNewestRuns));
    for (;;) {
        auto more = runs->step();
        if (!more) return more.error();
        if (!*more) break;
        out.push_back(std::string(kRecommendedBy) + std::to_string(runs->columnInt(0)));
    }
    return out;
}

Result<CustomerGroups> CustomerGroups::load(Database& db, const ActivityLog& log, std::string_view by) {
    CustomerGroups g;
    g.by = std::string(by);
    Result<Labels> labels = makeError(ErrorCode::Internal, "no grouping");
    bool byItem = false;
    bool byUser = false;  // labels indexed by customer index rather than by id
    if (by == "segment") {
        labels = readLabels(db, "SELECT id, segment FROM users WHERE segment IS NOT NULL");
    } else if (by == "acquisition-category") {
        labels = readLabels(db, "SELECT id, category FROM items WHERE category IS NOT NULL");
        byItem = true;
    } else if (by == "first-order-value") {
        labels = firstOrderBands(log);
        byUser = true;
        if (labels && labels->names.empty())
            return makeError(ErrorCode::InputData, "no purchase in this project carries an amount", "segment-by");
    } else if (by == "first-review-sentiment") {
        labels = readLabels(db, kFirstReviewSentiment);
        if (labels && labels->names.empty())
            return makeError(ErrorCode::InputData, "no customer's first review has a sentiment (stars, a label, or one predicted by 'sentiment apply')", "segment-by");
    } else if (by.starts_with("property:") && by.size() > 9) {
        labels = readLabels(db, "SELECT user_id, value FROM user_properties WHERE name = ?1", by.substr(9));
        if (labels && labels->names.empty())
            return makeError(ErrorCode::InputData, "no customer has the property '" + std::string(by.substr(9)) + "'", "segment-by");
    } else if (by.starts_with(kRecommendedBy)) {
        RecommendationRun run;
        labels = recommendationLabels(db, by.substr(kRecommendedBy.size()), run);
        g.recommendations = run;
    } else {
        std::string known;
        for (const auto& n : groupings()) known += (known.empty() ? "" : ", ") + n;
        return makeError(ErrorCode::Usage, "unknown grouping '" + std::string(by) + "' (known: " + known + ")", "segment-by");
    }
    if (!labels) return labels.error();
    // Groups in name order: the interned codes are remapped to positions in the sorted names.
    std::vector<int> order(labels->names.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return labels->names[static_cast<std::size_t>(a)] < labels->names[static_cast<std::size_t>(b)]; });
    std::vector<int> position(order.size());
    std::vector<char> used(order.size(), 0);
    g.groupOf.assign(log.customers(), -1);
    for (std::size_t c = 0; c < log.customers(); ++c) {
        const int code = byUser ? labels->codes[c] : labels->of(byItem ? log.firstItem(c) : log.userId(c));
        if (code < 0) continue;
        g.groupOf[c] = code;
        used[static_cast<std::size_t>(code)] = 1;
    }
    for (int code : order)
        if (used[static_cast<std::size_t>(code)]) {
            position[static_cast<std::size_t>(code)] = static_cast<int>(g.names.size());
            g.names.push_back(labels->names[static_cast<std::size_t>(code)]);
        }
    for (auto& group : g.groupOf)
        if (group >= 0) group = position[static_cast<std::size_t>(group)];
    return g;
}

Status CustomerGroups::keepOnly(const std::vector<std::string>& wanted) {
    std::vector<int> remap(names.size(), -1);
    for (std::size_t w = 0; w < wanted.size(); ++w) {
        const auto it = std::find(names.begin(), names.end(), wanted[w]);
        if (it == names.end())
            return makeError(ErrorCode::InputData, "no customers in group '" + wanted[w] + "'", by);
        remap[static_cast<std::size_t>(it - names.begin())] = static_cast<int>(w);
    }
    for (auto& g : groupOf)
        if (g >= 0) g = remap[static_cast<std::size_t>(g)];
    names = wanted;
    return {};
}

bool CustomerGroups::keepLargest(std::size_t n) {
    if (names.size() <= n) return false;
    std::vector<std::int64_t> sizes(names.size(), 0);
    for (int g : groupOf)
        if (g >= 0) ++sizes[static_cast<std::size_t>(g)];
    std::vector<std::size_t> order(names.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    order.resize(n);
    std::sort(order.begin(), order.end());  // name order again
    std::vector<std::string> kept;
    for (auto i : order) kept.push_back(names[i]);
    (void)keepOnly(kept);  // every kept name exists
    return true;
}

std::string CustomerGroups::describe() const {
    return recommendations ? "whether the customer " + recommendations->describe() : by;
}

std::vector<char> CustomerGroups::members(std::string_view name) const {
    std::vector<char> flags(groupOf.size(), 0);
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end()) return flags;
    const int index = static_cast<int>(it - names.begin());
    for (std::size_t c = 0; c < groupOf.size(); ++c) flags[c] = groupOf[c] == index ? 1 : 0;
    return flags;
}

}  // namespace ss
