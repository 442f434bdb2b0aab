// CustomerHistory: what the Recommendations screen shows of one customer — their events as timeline
// rows (the most recent ones, with titles, categories, prices, and their review of an item shown once,
// on its latest purchase) and their strongest behaviour per item (for "because you bought …").
// load() is a job body: it runs on a worker thread on a connection of the project's pool, and leaves
// the titles of the items it names in the project's CatalogCache.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "HistoryModel.h"
#include "rec/Session.h"

namespace ss::ui {

class ProjectContext;

struct CustomerHistory {
    std::int32_t user = -1;
    QString externalId;
    std::size_t events = 0;                                   // all of them, not only the rows
    std::vector<HistoryRow> rows;                             // the most recent `limit` events, time order
    std::unordered_map<std::int32_t, EventType> strongest;   // purchase > cart > favourite > view

    static Result<CustomerHistory> load(const rec::RecommendationSession& session, ProjectContext& project,
                                        const std::string& externalId, std::size_t limit);
};

}  // namespace ss::ui
