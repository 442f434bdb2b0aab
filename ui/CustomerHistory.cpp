#include "CustomerHistory.h"

#include <cstdlib>
#include <map>

#include "BehaviourIcons.h"
#include "Text.h"
#include "store/CatalogQuery.h"
#include "store/Project.h"
#include "store/TableQuery.h"

namespace ss::ui {

Result<CustomerHistory> CustomerHistory::load(const rec::RecommendationSession& s, const std::filesystem::path& project,
                                              const std::string& id, std::size_t limit) {
    const auto user = s.data().userByExternalId(id);
    if (!user) return makeError(ErrorCode::InputData, "no customer with id '" + id + "' in the project");
    CustomerHistory out;
    out.user = *user;
    out.externalId = qs(id);
    auto events = s.history(*user);
    out.events = events.size();
    for (const auto& e : events) {
        auto& best = out.strongest.try_emplace(e.item, e.type).first->second;
        if (BehaviourIcons::strength(e.type) > BehaviourIcons::strength(best)) best = e.type;
    }
    if (events.size() > limit) events.erase(events.begin(), events.end() - static_cast<std::ptrdiff_t>(limit));
    auto opened = Project::open(project, Database::Mode::ReadOnly);
    if (!opened) return opened.error();
    // The customer's reviews: the reviews table filtered by their id, keeping exact matches of the user
    // column (core has no reviews-by-user query yet; this scans the reviews table).
    std::map<std::string, std::pair<double, std::string>> reviews;
    TableQuery query((*opened)->db(), BrowsableTable::Reviews);
    auto rows = query.fetch(id, 5, true, 0, 5000);
    if (!rows) return rows.error();
    for (const auto& row : *rows)
        if (row.size() >= 4 && row[0] == id && !row[2].empty()) reviews[row[1]] = {std::atof(row[2].c_str()), row[3]};
    // Each review is shown once: on the item's latest purchase in the timeline, else on its latest event.
    std::unordered_map<std::int32_t, std::size_t> reviewRow;
    for (std::size_t i = 0; i < events.size(); ++i) {
        auto [it, fresh] = reviewRow.try_emplace(events[i].item, i);
        if (!fresh && (events[i].type == EventType::Purchase || events[it->second].type != EventType::Purchase)) it->second = i;
    }
    CatalogQuery catalog((*opened)->db());
    std::unordered_map<std::int32_t, CatalogItem> titles;
    const auto& items = s.data().items();
    for (const auto& e : events) {
        const auto& facts = items[static_cast<std::size_t>(e.item)];
        HistoryRow row;
        row.time = e.time;
        row.type = e.type;
        row.item = e.item;
        row.externalId = qs(facts.externalId);
        row.category = qs(facts.category);
        row.price = facts.price;
        auto t = titles.find(e.item);
        if (t == titles.end()) {
            auto found = catalog.byId(facts.id);
            t = titles.emplace(e.item, found && *found ? **found : CatalogItem{}).first;
        }
        row.title = qs(t->second.title);
        if (auto r = reviews.find(facts.externalId); r != reviews.end() && reviewRow[e.item] == out.rows.size()) {
            row.rating = r->second.first;
            row.reviewTitle = qs(r->second.second);
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace ss::ui
