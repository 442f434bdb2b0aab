// OpenedSession: what the Recommendations screen's opening job makes on a worker thread — the
// session (every event loaded), the customers' ids for the search field, the catalogue's categories
// and highest price for the rules, and the customer to show first. With a million customers and
// four million items the ids and categories alone held the window ~0.5 s when made on the GUI
// thread. open() runs on any thread; the result is handed to the GUI thread whole.
#pragma once

#include <QString>

#include <filesystem>
#include <memory>

#include "RulesPanel.h"
#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/Session.h"

namespace ss::ui {

class CustomerSearch;

struct OpenedSession {
    std::shared_ptr<rec::RecommendationSession> session;
    std::shared_ptr<const CustomerSearch> customers;
    CatalogChoices catalog;
    QString firstCustomer;  // the first with at least five items in their history (else the first; empty: none)

    static Result<OpenedSession> open(const std::filesystem::path& project, const rec::SessionOptions& options, const JobContext& job);
};

}  // namespace ss::ui
