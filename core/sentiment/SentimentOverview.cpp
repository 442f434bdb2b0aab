#include "SentimentOverview.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>

#include <boost/json.hpp>

#include "common/JsonFields.h"
#include "sentiment/ReviewSentiments.h"

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
    boost::json::object o{{"definition", definition}, {"classifier", classifier}, {"time_zone", timeZone}, {"total", total.toJson()}};
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
    out.timeZone = stringAt(*o, "time_zone");
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
    auto reviews = ReviewSentiments::load(project, false);
    if (!reviews) return reviews.error();
    const auto& r = *reviews;
    SentimentOverview out;
    out.classifier = r.classifier;
    out.timeZone = r.zone.name();
    out.definition = std::string("Each review counts with its ") +
                     (r.source == LabelSource::Stars ? "stars (4-5 positive, 3 neutral, 1-2 negative)" : "imported label") +
                     (r.classifierKey.empty() ? "; no classifier has labelled the others yet" : ", otherwise with the " + r.classifier + " classifier's label") +
                     "; months in " + r.zone.name() + ".";
    const std::int64_t latest = r.times.empty() ? 0 : *std::max_element(r.times.begin(), r.times.end());
    std::unordered_map<std::int64_t, ItemSentiment> items;
    std::map<std::string, SentimentTally> monthly;
    std::map<std::string, CategorySentiment> categories;
    std::map<std::pair<std::string, std::string>, SentimentTally> categoryMonthly;
    for (std::size_t i = 0; i < r.size(); ++i) {
        const auto& info = r.item(r.items[i]);
        const bool predicted = r.predicted[i] != 0;
        add(out.total, r.labels[i], predicted);
        auto [it, inserted] = items.try_emplace(r.items[i]);
        auto& item = it->second;
        if (inserted) item = ItemSentiment{r.items[i], info.externalId, info.title, info.category, {}, {}};
        add(item.tally, r.labels[i], predicted);
        if (r.times[i] > 0 && r.times[i] > latest - kRecentSeconds) add(item.recent, r.labels[i], predicted);
        auto& category = categories[info.category];
        category.category = info.category;
        add(category.tally, r.labels[i], predicted);
        if (r.times[i] > 0) {
            const auto month = monthOf(r.zone, r.times[i]);
            add(monthly[month], r.labels[i], predicted);
            add(categoryMonthly[{info.category, month}], r.labels[i], predicted);
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

std::vector<std::string> SentimentOverview::itemsAbove(double share, std::int64_t minimumReviews) const {
    std::vector<std::string> out;
    for (const auto& item : items)
        if (item.tally.labelled() >= minimumReviews && item.tally.shareNegative() > share) out.push_back(item.externalId);
    return out;
}

Result<std::vector<std::string>> itemsAboveNegativeShare(const std::filesystem::path& project, double share, std::int64_t minimumReviews) {
    auto overview = SentimentOverview::compute(project);
    if (!overview) return overview.error();
    return overview->itemsAbove(share, minimumReviews);
}

}  // namespace ss::sentiment
