#include "CustomerHistory.h"

#include <map>

#include "BehaviourIcons.h"
#include "ProjectContext.h"
#include "Text.h"
#include "store/ReviewQuery.h"

namespace ss::ui {

Result<CustomerHistory> CustomerHistory::load(const rec::RecommendationSession& s, ProjectContext& project,
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
    auto reader = project.readers().lease();
    if (!reader) return reader.error();
    // The customer's reviews, the latest per item (through the reviews_user index).
    std::map<std::int64_t, StoredReview> reviews;
    auto written = ReviewQuery((*reader)->db()).byUser(s.data().users()[static_cast<std::size_t>(*user)].id);
    if (!written) return written.error();
    for (auto& review : *written) reviews[review.itemId] = std::move(review);  // oldest first: the latest stays
    // Each review is shown once: on the item's latest purchase in the timeline, else on its latest event.
    std::unordered_map<std::int32_t, std::size_t> reviewRow;
    for (std::size_t i = 0; i < events.size(); ++i) {
        auto [it, fresh] = reviewRow.try_emplace(events[i].item, i);
        if (!fresh && (events[i].type == EventType::Purchase || events[it->second].type != EventType::Purchase)) it->second = i;
    }
    const auto& items = s.data().items();
    std::vector<std::int64_t> ids;
    for (const auto& e : events) ids.push_back(items[static_cast<std::size_t>(e.item)].id);
    SS_TRY(project.catalog().prefetch(**reader, ids));
    for (const auto& e : events) {
        const auto& facts = items[static_cast<std::size_t>(e.item)];
        HistoryRow row;
        row.time = e.time;
        row.type = e.type;
        row.item = e.item;
        row.externalId = qs(facts.externalId);
        row.category = qs(facts.category);
        row.price = facts.price;
        row.title = qs(project.catalog().item(facts.id).title);
        if (auto r = reviews.find(facts.id); r != reviews.end() && r->second.rating && reviewRow[e.item] == out.rows.size()) {
            row.rating = *r->second.rating;
            row.reviewTitle = qs(r->second.title);
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

}  // namespace ss::ui
