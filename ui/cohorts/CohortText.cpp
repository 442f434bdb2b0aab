#include "CohortText.h"

#include "RecommenderChoices.h"
#include "Text.h"

namespace ss::ui {

QString CohortText::periodLabel(const CohortDefinition& d, std::size_t column) {
    const int n = static_cast<int>(column);
    if (d.window == PeriodWindow::Brackets) {
        if (column == 0 || column > d.brackets.size()) return tr("Day 0");
        const auto& b = d.brackets[column - 1];
        if (b.firstDay == b.lastDay) return tr("Day %1").arg(b.firstDay);
        return tr("Days %1–%2").arg(b.firstDay).arg(b.lastDay);
    }
    switch (d.period) {
    case CohortPeriod::Day: return tr("Day %1").arg(n);
    case CohortPeriod::Week: return tr("Week %1").arg(n);
    case CohortPeriod::Month: return tr("Month %1").arg(n);
    }
    return QString::number(n);
}

QString CohortText::periodsAfterJoining(const CohortDefinition& d) {
    if (d.window == PeriodWindow::Brackets) return tr("Bracket (days after joining)");
    switch (d.period) {
    case CohortPeriod::Day: return tr("Days after joining");
    case CohortPeriod::Week: return tr("Weeks after joining");
    case CohortPeriod::Month: return tr("Months after joining");
    }
    return {};
}

QString CohortText::behaviour(std::optional<EventType> type) {
    if (!type) return tr("any behaviour");
    switch (*type) {
    case EventType::View: return tr("a view");
    case EventType::Cart: return tr("an add-to-cart");
    case EventType::Favourite: return tr("a favourite");
    case EventType::Purchase: return tr("a purchase");
    }
    return tr("any behaviour");
}

QString CohortText::definition(const CohortDefinition& d) {
    const QString zone = qs(d.timeZone);
    QString unit;
    switch (d.period) {
    case CohortPeriod::Day: unit = tr("calendar day (%1)").arg(zone); break;
    case CohortPeriod::Week: unit = tr("ISO week (Monday to Sunday, %1)").arg(zone); break;
    case CohortPeriod::Month: unit = tr("calendar month (%1)").arg(zone); break;
    }
    const QString cohortEvent = behaviour(d.cohortEvent);
    QString returned;
    if (d.returnEvents.empty()) returned = behaviour(std::nullopt);
    else if (d.returnEvents.size() == 1) returned = behaviour(d.returnEvents[0]);
    else returned = tr("%1 or %2").arg(behaviour(d.returnEvents[0]), behaviour(d.returnEvents[1]));

    QString who = d.type == CohortType::FirstTime
                      ? tr("First-time cohorts: each customer joins the cohort of the %1 of their first event (%2).").arg(unit, cohortEvent)
                      : tr("Recurring cohorts: a customer joins the cohort of every %1 in which they did %2.").arg(unit, cohortEvent);
    const bool orAfter = d.counting == RetentionCounting::OnOrAfter;
    QString when;
    switch (d.window) {
    case PeriodWindow::Calendar:
        when = orAfter ? tr("Period N counts those who did %1 in the N-th period after the cohort's own or any later one.").arg(returned)
                       : tr("Period N counts those who did %1 in exactly the N-th period after the cohort's own.").arg(returned);
        break;
    case PeriodWindow::Rolling:
        when = orAfter ? tr("Period N counts those who did %1 in the N-th window (24 h, 7 or 30 days) from their own cohort event or later.").arg(returned)
                       : tr("Period N counts those who did %1 in exactly the N-th window (24 h, 7 or 30 days) from their own cohort event.").arg(returned);
        break;
    case PeriodWindow::Brackets:
        when = orAfter ? tr("A bracket counts those who did %1 on its first day or later, days counted from their own cohort event.").arg(returned)
                       : tr("A bracket counts those who did %1 within it, days counted from their own cohort event.").arg(returned);
        break;
    }
    const QString base = d.base == RateBase::CohortSize ? tr("Rates are relative to the cohort's size.")
                                                        : tr("Rates are relative to the previous period's count.");
    const QString mean = d.mean == MeanKind::Weighted
                             ? tr("Periods the data does not fully cover are marked … and left out of the mean, which is weighted by cohort size.")
                             : tr("Periods the data does not fully cover are marked … and left out of the mean, a simple mean of the cohorts' rates.");
    return QStringList{who, when, base, mean}.join(QLatin1Char(' '));
}

QString CohortText::grouping(const CustomerGroups& groups) {
    const QString by = qs(groups.by);
    if (by == QLatin1String("segment")) return tr("Segment");
    if (by == QLatin1String("acquisition-category")) return tr("Acquisition category");
    if (by == QLatin1String("first-order-value")) return tr("First-order value");
    if (by == QLatin1String("first-review-sentiment")) return tr("Sentiment of the first review");
    if (by.startsWith(QLatin1String("property:"))) return tr("Property: %1").arg(by.mid(9));
    if (const auto& run = groups.recommendations) {
        const QString model = RecommenderChoices::shortLabel(qs(run->recommender));
        if (run->target == EventType::Purchase) return tr("Bought what %1 recommended (run %2)").arg(model).arg(run->run);
        return tr("Took up what %1 recommended (run %2, %3)").arg(model).arg(run->run).arg(behaviour(run->target));
    }
    return by;
}

QString CohortText::groupValue(const CustomerGroups& groups, const std::string& value) {
    const QString v = qs(value);
    if (groups.by == "first-review-sentiment") {
        if (v == QLatin1String("negative")) return tr("Negative first review");
        if (v == QLatin1String("neutral")) return tr("Neutral first review");
        if (v == QLatin1String("positive")) return tr("Positive first review");
    }
    if (const auto& run = groups.recommendations) {
        if (v == QLatin1String("yes"))
            return run->target == EventType::Purchase ? tr("Yes: bought an item of its top %1").arg(run->k)
                                                      : tr("Yes: %1 of an item of its top %2").arg(behaviour(run->target)).arg(run->k);
        if (v == QLatin1String("no")) return tr("No: none of its top %1").arg(run->k);
    }
    return v;
}

}  // namespace ss::ui
