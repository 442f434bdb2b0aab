// `cohorts`: the retention matrix of a project (DESIGN §3) — counts, rates with Wilson intervals,
// incomplete periods, the mean row — as JSON, long-format CSV or a readable table.
#include <boost/json.hpp>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>

#include "AnalysisInput.h"
#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "cohorts/CohortEngine.h"
#include "cohorts/CustomerGroups.h"
#include "cohorts/ImportedCohorts.h"
#include "cohorts/Segments.h"
#include "common/Numbers.h"
#include "common/TimeUtil.h"

namespace ss::cli {
namespace {

Result<std::optional<EventType>> cohortEventOption(const std::string& s) {
    if (s == "first-any" || s == "any") return std::optional<EventType>{};
    if (s == "first-purchase") return std::optional<EventType>{EventType::Purchase};
    if (auto t = parseEventType(s)) return std::optional<EventType>{*t};
    return makeError(ErrorCode::Usage, "--cohort-event must be first-any, first-purchase, view, cart, favourite or purchase");
}

Result<std::vector<EventType>> returnEventsOption(const std::vector<std::string>& values) {
    std::vector<EventType> out;
    for (const auto& value : values) {
        std::string_view rest = value;
        while (!rest.empty()) {
            const auto comma = rest.find(',');
            const auto part = rest.substr(0, comma);
            if (part != "any") {
                const auto t = parseEventType(part);
                if (!t) return makeError(ErrorCode::Usage, "--return-event must be any or one or two of view, cart, favourite, purchase");
                out.push_back(*t);
            }
            if (comma == std::string_view::npos) break;
            rest.remove_prefix(comma + 1);
        }
    }
    return out;
}

Result<CohortDefinition> definitionFrom(const ArgParser& p) {
    CohortDefinition d;
    const auto type = p.value("cohort-type").value_or("first-time");
    if (type != "first-time" && type != "recurring") return makeError(ErrorCode::Usage, "--cohort-type must be first-time or recurring");
    d.type = type == "first-time" ? CohortType::FirstTime : CohortType::Recurring;
    auto cohortEvent = cohortEventOption(p.value("cohort-event").value_or("first-any"));
    if (!cohortEvent) return cohortEvent.error();
    d.cohortEvent = *cohortEvent;
    auto ret = returnEventsOption(p.values("return-event"));
    if (!ret) return ret.error();
    d.returnEvents = *ret;
    const auto period = parsePeriod(p.value("period").value_or("week"));
    if (!period) return makeError(ErrorCode::Usage, "--period must be day, week or month");
    d.period = *period;
    const auto window = parseWindow(p.value("window").value_or(p.value("brackets") ? "brackets" : "calendar"));
    if (!window) return makeError(ErrorCode::Usage, "--window must be calendar, rolling or brackets");
    d.window = *window;
    if (auto b = p.value("brackets")) {
        auto brackets = parseBrackets(*b);
        if (!brackets) return brackets.error();
        d.brackets = *brackets;
    }
    const auto mode = p.value("mode").value_or("on");
    if (mode != "on" && mode != "on-or-after") return makeError(ErrorCode::Usage, "--mode must be on or on-or-after");
    d.counting = mode == "on" ? RetentionCounting::On : RetentionCounting::OnOrAfter;
    const auto base = p.value("rate-base").value_or("cohort");
    if (base != "cohort" && base != "previous") return makeError(ErrorCode::Usage, "--rate-base must be cohort or previous");
    d.base = base == "cohort" ? RateBase::CohortSize : RateBase::PreviousPeriod;
    const auto mean = p.value("mean").value_or("weighted");
    if (mean != "weighted" && mean != "simple") return makeError(ErrorCode::Usage, "--mean must be weighted or simple");
    d.mean = mean == "weighted" ? MeanKind::Weighted : MeanKind::Simple;
    SS_TRY(d.validate());
    return d;
}

void printTable(const CohortMatrix& m) {
    std::printf("%s\n\n%-12s %8s", m.definition.describe().c_str(), "cohort", "size");
    for (std::size_t c = 1; c < m.periodLabels.size(); ++c) std::printf(" %9s", m.periodLabels[c].c_str());
    std::printf("\n");
    auto cells = [](const std::vector<CohortCell>& row) {
        for (std::size_t c = 1; c < row.size(); ++c) {
            if (std::isnan(row[c].rate)) std::printf(" %9s", "-");
            else std::printf(" %8.1f%c", row[c].rate * 100.0, row[c].complete ? ' ' : '*');
        }
        std::printf("\n");
    };
    for (const auto& r : m.rows) {
        std::printf("%-12s %8lld", r.label.c_str(), static_cast<long long>(r.size));
        cells(r.cells);
    }
    std::printf("%-12s %8lld", "mean", static_cast<long long>(m.customers));
    cells(m.mean);
    std::printf("\n* incomplete: the data does not yet cover the whole period\n");
}

// Two groups' matrices and their per-period difference in mean retention with Newcombe intervals.
Status runComparison(const AnalysisInput& input, const CohortDefinition& definition, CustomerGroups& groups, const std::string& pair,
                     bool json, const JobContext& job) {
    const auto comma = pair.find(',');
    if (comma == std::string::npos || comma == 0 || comma + 1 == pair.size())
        return makeError(ErrorCode::Usage, "--compare needs two group values, e.g. --compare control,recommendations");
    const std::vector<std::string> names{pair.substr(0, comma), pair.substr(comma + 1)};
    SS_TRY(groups.keepOnly(names));
    std::vector<CohortMatrix> matrices;
    for (const auto& name : names) {
        auto m = CohortEngine::compute(input.log, definition, input.zone, job, groups.members(name));
        if (!m) return m.error();
        matrices.push_back(std::move(*m));
    }
    const auto differences = compareMeanRetention(matrices[0], matrices[1]);
    if (json) {
        boost::json::object out;
        out["definition"] = definition.describe();
        out["segment_by"] = groups.by;
        if (groups.recommendations) out["segment_description"] = groups.describe();
        out["groups"] = boost::json::array{boost::json::value(names[0]), boost::json::value(names[1])};
        out["matrices"] = boost::json::array{matrices[0].toJson(), matrices[1].toJson()};
        out["differences"] = toJson(differences);
        printJson(out);
        return {};
    }
    std::printf("%s\nGroups: %s.\n\n%-10s %10s %10s %12s %22s\n", definition.describe().c_str(), groups.describe().c_str(), "period",
                names[0].c_str(), names[1].c_str(),
                "difference", "95% interval (points)");
    for (const auto& d : differences) {
        if (d.column == 0) continue;
        std::printf("%-10s %9.1f%% %9.1f%% %+11.1f %10.1f to %+.1f\n", matrices[0].periodLabels[d.column].c_str(), d.rateA * 100,
                    d.rateB * 100, d.difference * 100, d.low * 100, d.high * 100);
    }
    return {};
}

// The customers behind one cell (`DATE:N`: the cohort starting on DATE, period N), listed or saved
// as a segment.
Status runMembers(AnalysisInput& input, const CohortDefinition& definition, const std::vector<char>& include, const std::string& cell,
                  const ArgParser& parser) {
    const auto colon = cell.rfind(':');
    std::int64_t column = -1;
    if (colon != std::string::npos) column = parseInt64(std::string_view(cell).substr(colon + 1)).value_or(-1);
    if (colon == std::string::npos || column < 0)
        return makeError(ErrorCode::Usage, "--members needs COHORT-DATE:PERIOD, e.g. 2025-03-03:2 (period 0 is the whole cohort)");
    auto customers = CohortEngine::members(input.log, definition, input.zone, cell.substr(0, colon), static_cast<std::size_t>(column), include);
    if (!customers) return customers.error();
    std::vector<std::int64_t> userIds;
    for (auto c : *customers) userIds.push_back(input.log.userId(c));
    if (auto name = parser.value("save-segment")) {
        auto writable = Project::open(input.project->path());
        if (!writable) return writable.error();
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        const std::string description = "cohort " + cell.substr(0, colon) + ", " + definition.periodLabel(static_cast<std::size_t>(column)) +
                                        ": " + definition.describe();
        auto info = Segments::save((*writable)->db(), *name, description, userIds, parser.flag("replace"), now);
        if (!info) return info.error();
        if (!parser.flag("json")) std::fprintf(stderr, "saved segment '%s' with %lld customers\n", name->c_str(), static_cast<long long>(info->customers));
    }
    auto external = Segments::externalIds(input.project->db(), userIds);
    if (!external) return external.error();
    boost::json::array ids;
    for (auto& id : *external) ids.emplace_back(id);
    if (parser.flag("json")) {
        printJson(boost::json::object{{"definition", definition.describe()}, {"cohort", cell.substr(0, colon)}, {"column", column},
                                      {"period", definition.periodLabel(static_cast<std::size_t>(column))}, {"customers", std::move(ids)}});
    } else {
        std::cout << "customer\n";
        for (const auto& id : ids) std::cout << id.as_string().c_str() << "\n";
    }
    return {};
}

// --list-stored, --stored NAME: matrices imported from another engine (import-results --cohorts).
Status runStored(const std::string& db, const ArgParser& parser) {
    if (parser.flag("list-stored")) {
        auto all = ImportedCohorts::list(db);
        if (!all) return all.error();
        boost::json::array out;
        for (const auto& m : *all) {
            if (parser.flag("json")) {
                out.push_back(boost::json::object{{"name", m.name}, {"engine", m.engine}, {"imported", isoDateTime(m.imported)},
                                                  {"definition", m.matrix.definition.describe()}, {"cohorts", m.matrix.rows.size()},
                                                  {"customers", m.matrix.customers}});
            } else {
                std::printf("%-20s %-10s imported %s: %s (%zu cohorts)\n", m.name.c_str(), m.engine.c_str(), isoDateTime(m.imported).c_str(),
                            m.matrix.definition.describe().c_str(), m.matrix.rows.size());
            }
        }
        if (parser.flag("json")) printJson(boost::json::object{{"stored", std::move(out)}});
        else if (all->empty()) std::printf("no stored cohort matrices (import-results --cohorts FILE brings one in)\n");
        return {};
    }
    const std::string name = *parser.value("stored");
    auto stored = ImportedCohorts::load(db, name);
    if (!stored) return stored.error();
    if (!*stored) return makeError(ErrorCode::Usage, "no stored cohort matrix named '" + name + "' (cohorts --list-stored lists them)", "stored");
    const auto& m = (*stored)->matrix;
    if (parser.flag("json")) {
        auto json = m.toJson();
        json["stored"] = boost::json::object{{"name", (*stored)->name}, {"engine", (*stored)->engine},
                                             {"imported", isoDateTime((*stored)->imported)}, {"source", (*stored)->source}};
        printJson(json);
    } else if (parser.flag("csv")) {
        std::cout << m.toCsv();
    } else {
        std::printf("Stored '%s', computed by %s, imported %s.\n", (*stored)->name.c_str(), (*stored)->engine.c_str(),
                    isoDateTime((*stored)->imported).c_str());
        printTable(m);
    }
    return {};
}

}  // namespace

Status runCohorts(const std::vector<std::string>& args) {
    ArgParser parser({"db", "period", "mode", "cohort-type", "cohort-event", "return-event", "window", "brackets", "rate-base",
                      "mean", "timezone", "segment-by", "segment", "compare", "members", "save-segment", "stored"},
                     {"json", "csv", "quiet", "replace", "list-stored"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    if (parser.flag("list-stored") || parser.value("stored")) return runStored(*db, parser);
    auto definition = definitionFrom(parser);
    if (!definition) return definition.error();
    if ((parser.value("segment") || parser.value("compare")) && !parser.value("segment-by"))
        return makeError(ErrorCode::Usage, "--segment and --compare need --segment-by (segment, acquisition-category, first-order-value, first-review-sentiment, property:NAME or recommended-by:RUN)");
    if (parser.value("segment") && parser.value("compare")) return makeError(ErrorCode::Usage, "--segment and --compare exclude each other");
    const JobContext job = stderrProgress(parser.flag("quiet") || !parser.flag("json"));
    auto input = openAnalysis(*db, parser.value("timezone"), job);
    if (!input) return input.error();
    definition->timeZone = input->zone.name();
    std::vector<char> include;
    if (auto by = parser.value("segment-by")) {
        auto groups = CustomerGroups::load(input->project->db(), input->log, *by);
        if (!groups) return groups.error();
        if (auto compare = parser.value("compare")) return runComparison(*input, *definition, *groups, *compare, parser.flag("json"), job);
        const auto segment = parser.value("segment");
        if (!segment) return makeError(ErrorCode::Usage, "--segment-by needs --segment VALUE or --compare A,B");
        SS_TRY(groups->keepOnly({*segment}));
        include = groups->members(*segment);
    }
    if (auto cell = parser.value("members")) return runMembers(*input, *definition, include, *cell, parser);
    if (parser.value("save-segment")) return makeError(ErrorCode::Usage, "--save-segment needs --members DATE:N (the cell to save)");
    auto matrix = CohortEngine::compute(input->log, *definition, input->zone, job, include);
    if (!matrix) return matrix.error();
    if (parser.flag("json")) {
        auto json = matrix->toJson();
        if (auto s = parser.value("segment")) json["segment"] = boost::json::object{{"by", *parser.value("segment-by")}, {"value", *s}};
        printJson(json);
    } else if (parser.flag("csv")) {
        std::cout << matrix->toCsv();
    } else {
        printTable(*matrix);
    }
    return {};
}

}  // namespace ss::cli
