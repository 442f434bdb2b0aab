// CohortText: the translated words of the cohort screens — period headings ("Week 3", "Days 4–7")
// and the one-sentence definition shown above every table, composed from the definition's fields so
// that each language can order them its own way. GUI thread only (uses tr()).
#pragma once

#include <QCoreApplication>
#include <QString>

#include "cohorts/CohortDefinition.h"
#include "cohorts/CustomerGroups.h"

namespace ss::ui {

class CohortText {
    Q_DECLARE_TR_FUNCTIONS(CohortText)
public:
    static QString periodLabel(const CohortDefinition& d, std::size_t column);
    static QString definition(const CohortDefinition& d);
    static QString periodsAfterJoining(const CohortDefinition& d);  // an axis title: "Weeks after joining"
    static QString behaviour(std::optional<EventType> type);  // "any behaviour", "purchase", ...
    // A grouping's name in the "Group by" list: "Acquisition category", "Property: channel",
    // "Bought what ALS recommended (run 12)".
    static QString grouping(const CustomerGroups& groups);
    // A group's name in lists, legends and summaries: "Negative first review", "Yes: bought a
    // recommended item", or the data's own value.
    static QString groupValue(const CustomerGroups& groups, const std::string& value);
};

}  // namespace ss::ui
