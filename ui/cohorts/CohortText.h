// CohortText: the translated words of the cohort screens — period headings ("Week 3", "Days 4–7")
// and the one-sentence definition shown above every table, composed from the definition's fields so
// that each language can order them its own way. GUI thread only (uses tr()).
#pragma once

#include <QCoreApplication>
#include <QString>

#include "cohorts/CohortDefinition.h"

namespace ss::ui {

class CohortText {
    Q_DECLARE_TR_FUNCTIONS(CohortText)
public:
    static QString periodLabel(const CohortDefinition& d, std::size_t column);
    static QString definition(const CohortDefinition& d);
    static QString periodsAfterJoining(const CohortDefinition& d);  // an axis title: "Weeks after joining"
    static QString behaviour(std::optional<EventType> type);  // "any behaviour", "purchase", ...
};

}  // namespace ss::ui
