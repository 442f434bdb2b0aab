#include "OpenedSession.h"

#include "CustomerSearch.h"
#include "Text.h"

namespace ss::ui {

Result<OpenedSession> OpenedSession::open(const std::filesystem::path& project, const rec::SessionOptions& options, const JobContext& job) {
    auto s = rec::RecommendationSession::open(project, options, job);
    if (!s) return s.error();
    const auto& data = (*s)->data();
    auto customers = std::make_shared<CustomerSearch>();
    std::size_t bytes = 0;
    for (const auto& u : data.users()) bytes += u.externalId.size();
    customers->reserve(data.userCount(), bytes);
    for (const auto& u : data.users()) customers->add(u.externalId);
    OpenedSession out;
    // A customer with a real history (at least five items), so the first lists say something.
    const auto& weights = (*s)->interactions().weights;
    for (int u = 0; u < weights.rows && out.firstCustomer.isEmpty(); ++u)
        if (weights.rowSize(u) >= 5) out.firstCustomer = qs(data.users()[static_cast<std::size_t>(u)].externalId);
    if (out.firstCustomer.isEmpty() && customers->size() > 0) out.firstCustomer = customers->id(0);
    out.catalog = RulesPanel::catalogChoices(data);
    out.customers = std::move(customers);
    out.session = std::move(*s);
    return out;
}

}  // namespace ss::ui
