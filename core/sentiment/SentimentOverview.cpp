#include "SentimentOverview.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include <boost/json.hpp>

#include "common/JsonFields.h"
#include "common/TimeUtil.h"
#include "common/TimeZone.h"
#include "sentiment/SentimentStore.h"
#include "store/Project.h"

namespace ss::sentiment {
namespace {

constexpr std::int64_t kRecentSeconds = 90LL * 86400;

void add(SentimentTally& t, std::optional<int> label, bool predicted) {
    if (!label) {
        ++t.unlabelled;
        return;
    }
    if (*label < 0) ++t.negative;
    else if (*label > 0) ++t.positive;
    else ++t.neutral;
    if (predicted) ++t.predicted;
}

std::string monthOf(const TimeZone& zone, std::int64_t ts) {
    int year = 0;
    unsigned month = 0, day = 0;
    civilFromDays(floorDiv(zone.toLocal(ts), 86400), year, month, day);
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, month);
    return buffer;
}

}  // namespace

double SentimentTally::mean() const {
    const auto n = labelled();
    return n ? static_cast<double>(positive - negative) / static_cast<double>(n) : std::nan("");
}

double SentimentTally::shareNegative() const {
    const auto n = labelled();
    return n ? static_cast<double>(negative) / static_cast<double>(n) : std::nan("");
}

boost::json::value SentimentTally::toJson() const {
    return boost::json::object{{"negative", negative},   {"neutral", neutral},       {"positive", positive},
                               {"predicted", predicted}, {"unlabelled", unlabelled}, {"mean", jsonNumber(mean())},
                               {"share_negative", jsonNumber(shareNegative())}};
}

SentimentTally SentimentTally::fromJson(const boost::json::value& v) {
    SentimentTally t;
    if (const auto* o = v.if_object()) {
        auto n = [&](const char* key) { return static_cast<std::int64_t>(numberAt(*o, key)); };
        t.negative = n("negative");
        t.neutral = n("neutral");
        t.positive = n("positive");
        t.predicted = n("predicted");
        t.unlabelled = n("unlabelled");
    }
    return t;
}

boost::json::value SentimentOverview::toJson(std::size_t itemLimit) const {
    boost::json::object o{{"definition", definition}, {"classifier", classifier}, {"total", total.toJson()}};
    boost::json::array monthList;
    for (std::size_t m = 0; m < months.size(); ++m) {
        auto entry = monthly[m].toJson().as_object();
        entry["month"] = months[m];
        monthList.push_back(std::move(entry));
    }
    o["months"] = std::move(monthList);
    boost::json::array categoryList;
    for (const auto& c : categories) {
        auto entry = c.tally.toJson().as_object();
        entry["category"] = c.category;
        boost::json::array series;
        for (const auto& m : c.months) series.push_back(m.toJson());
        entry["months"] = std::move(series);
        categoryList.push_back(std::move(entry));
    }
    o["categories"] = std::move(categoryList);
    boost::json::array itemList;
    for (std::size_t i = 0; i < items.size() && (itemLimit == 0 || i < itemLimit); ++i) {
        const auto& item = items[i];
        auto entry = item.tally.toJson().as_object();
        entry["item"] = item.externalId;
        entry["title"] = item.title;
        entry["category"] = item.category;
        entry["recent"] = item.recent.toJson();
        itemList.push_back(std::move(entry));
    }
    o["items"] = std::move(itemList);
    o["item_count"] = items.size();
    return o;
}

SentimentOverview SentimentOverview::fromJson(const boost::json::value& v) {
    SentimentOverview out;
    const auto* o = v.if_object();
    if (!o) return out;
    out.definition = stringAt(*o, "definition");
    out.classifier = stringAt(*o, "classifier");
    if (o->contains("total")) out.total = SentimentTally::fromJson(o->at("total"));
    if (const auto* list = arrayAt(*o, "months"))
        for (const auto& m : *list) {
            out.months.push_back(m.is_object() ? stringAt(m.as_object(), "month") : std::string());
            out.monthly.push_back(SentimentTally::fromJson(m));
        }
    if (const auto* list = arrayAt(*o, "categories"))
        for (const auto& c : *list) {
            CategorySentiment category;
            category.tally = SentimentTally::fromJson(c);
            if (const auto* co = c.if_object()) {
                category.category = stringAt(*co, "category");
                if (const auto* series = arrayAt(*co, "months"))
                    for (const auto& m : *series) category.months.push_back(SentimentTally::fromJson(m));
            }
            out.categories.push_back(std::move(category));
        }
    if (const auto* list = arrayAt(*o, "items"))
        for (const auto& i : *list) {
            ItemSentiment item;
            item.tally = SentimentTally::fromJson(i);
            if (const auto* io = i.if_object()) {
                item.externalId = stringAt(*io, "item");
                item.title = stringAt(*io, "title");
                item.category = stringAt(*io, "category");
                if (io->contains("recent")) item.recent = SentimentTally::fromJson(io->at("recent"));
            }
            out.items.push_back(std::move(item));
        }
    return out;
}

Result<SentimentOverview> SentimentOverview::compute(const std::filesystem::path& project) {
    auto run = SentimentStore::latestRun(project);
    if (!run) return run.error();
    const LabelSource source = *run ? (*run)->scheme.source : LabelSource::Stars;
    const std::string key = *run ? (*run)->keptKey : std::string();
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto zoneName = (*p)->setting("project.timezone");
    if (!zoneName) return zoneName.error();
    auto zone = TimeZone::load(*zoneName && !(*zoneName)->empty() ? **zoneName : std::string("UTC"));
    if (!zone) return zone.error();
    const std::string known = source == LabelSource::Stars
                                  ? "CASE WHEN r.rating IS NULL THEN NULL WHEN r.rating >= 4 THEN 1 WHEN r.rating <= 2 THEN -1 ELSE 0 END"
                                  : "r.label";
    auto stmt = (*p)->db().prepare("SELECT r.item_id, r.ts, " + known +
                                   ", s.label, coalesce(i.category,''), i.external_id, coalesce(i.title,'')"
                                   " FROM reviews r JOIN items i ON i.id = r.item_id"
                                   " LEFT JOIN review_sentiment s ON s.review_id = r.id AND s.classifier = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, key);
    struct Row { std::int64_t item, ts; std::optional<int> label; bool predicted; std::string category; };
    std::vector<Row> rows;
    std::unordered_map<std::int64_t, ItemSentiment> items;
    std::int64_t latest = 0;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        Row row{stmt->columnInt(0), stmt->columnInt(1), std::nullopt, false, stmt->columnText(4)};
        if (!stmt->columnIsNull(2)) row.label = static_cast<int>(stmt->columnInt(2));
        else if (!stmt->columnIsNull(3)) row.label = static_cast<int>(stmt->columnInt(3)), row.predicted = true;
        latest = std::max(latest, row.ts);
        auto [it, inserted] = items.try_emplace(row.item);
        if (inserted) {
            it->second.itemId = row.item;
            it->second.externalId = stmt->columnText(5);
            it->second.title = stmt->columnText(6);
            it->second.category = row.category;
        }
        rows.push_back(std::move(row));
    }
    SentimentOverview out;
    out.classifier = *run ? (*run)->chosen : std::string();
    out.definition = std::string("Each review counts with its ") +
                     (source == LabelSource::Stars ? "stars (4-5 positive, 3 neutral, 1-2 negative)" : "imported label") +
                     (key.empty() ? "; no classifier has labelled the others yet" : ", otherwise with the " + out.classifier + " classifier's label") +
                     "; months in " + zone->name() + ".";
    std::map<std::string, SentimentTally> monthly;
    std::map<std::string, CategorySentiment> categories;
    std::map<std::pair<std::string, std::string>, SentimentTally> categoryMonthly;
    for (const auto& row : rows) {
        add(out.total, row.label, row.predicted);
        auto& item = items[row.item];
        add(item.tally, row.label, row.predicted);
        if (row.ts > 0 && row.ts > latest - kRecentSeconds) add(item.recent, row.label, row.predicted);
        auto& category = categories[row.category];
        category.category = row.category;
        add(category.tally, row.label, row.predicted);
        if (row.ts > 0) {
            const auto month = monthOf(*zone, row.ts);
            add(monthly[month], row.label, row.predicted);
            add(categoryMonthly[{row.category, month}], row.label, row.predicted);
        }
    }
    for (const auto& [month, tally] : monthly) {
        out.months.push_back(month);
        out.monthly.push_back(tally);
    }
    for (auto& [name, category] : categories) {
        for (const auto& month : out.months) {
            auto it = categoryMonthly.find({name, month});
            category.months.push_back(it == categoryMonthly.end() ? SentimentTally{} : it->second);
        }
        out.categories.push_back(std::move(category));
    }
    std::stable_sort(out.categories.begin(), out.categories.end(), [](const auto& a, const auto& b) {
        return a.tally.labelled() + a.tally.unlabelled > b.tally.labelled() + b.tally.unlabelled;
    });
    for (auto& [id, item] : items) out.items.push_back(std::move(item));
    // Most negative first; items without labels last; ties by number of reviews, then id.
    std::sort(out.items.begin(), out.items.end(), [](const ItemSentiment& a, const ItemSentiment& b) {
        const double sa = a.tally.shareNegative(), sb = b.tally.shareNegative();
        const bool na = std::isnan(sa), nb = std::isnan(sb);
        if (na != nb) return nb;
        if (!na && sa != sb) return sa > sb;
        if (a.tally.labelled() != b.tally.labelled()) return a.tally.labelled() > b.tally.labelled();
        return a.itemId < b.itemId;
    });
    return out;
}

}  // namespace ss::sentiment
