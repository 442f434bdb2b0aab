#include "ImportedCohorts.h"

#include <boost/json/serialize.hpp>

#include <charconv>
#include <fstream>
#include <limits>
#include <sstream>

#include "CalendarPeriods.h"
#include "common/JsonParse.h"
#include "common/TimeUtil.h"
#include "common/TimeZone.h"
#include "store/ImportedResults.h"
#include "store/Project.h"

namespace ss {
namespace {

namespace fs = std::filesystem;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Error fieldError(const std::string& message, const std::string& where, const char* field) {
    return makeError(ErrorCode::InputData, message, where + ": field '" + field + "'");
}

std::optional<std::int64_t> wholeNumber(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return v;
}

std::vector<std::string_view> splitCommas(std::string_view line) {
    std::vector<std::string_view> out;
    for (std::size_t start = 0;;) {
        const auto comma = line.find(',', start);
        out.push_back(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
        if (comma == std::string_view::npos) return out;
        start = comma + 1;
    }
}

Result<std::string> readText(const fs::path& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, std::string("cannot read ") + what, path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Result<ImportedCohortMatrix> fromRow(Statement& stmt, const std::string& where) {
    ImportedCohortMatrix out;
    out.name = stmt.columnText(0);
    out.source = stmt.columnText(1);
    out.imported = stmt.columnInt(2);
    const auto blob = stmt.columnBlob(3);
    boost::system::error_code ec;
    const auto json = parseJson(std::string_view(reinterpret_cast<const char*>(blob.data()), blob.size()), ec);
    if (ec) return makeError(ErrorCode::InputData, "the kept matrix is damaged; import it again", where);
    auto matrix = CohortMatrix::fromJson(json);
    if (!matrix) return makeError(ErrorCode::InputData, "the kept matrix is damaged (" + matrix.error().describe() + "); import it again", where);
    out.matrix = std::move(*matrix);
    const auto source = parseJson(out.source, ec);
    out.engine = !ec && source.is_object() && source.as_object().contains("engine") && source.as_object().at("engine").is_string()
                     ? std::string(source.as_object().at("engine").as_string())
                     : std::string("unknown");
    return out;
}

}  // namespace

Result<ImportedCohortMatrix> ImportedCohorts::readFile(const fs::path& csv, std::string name) {
    ImportedCohortMatrix out;
    out.name = name.empty() ? csv.stem().string() : std::move(name);
    // The job's statement of what it computed.
    const fs::path sidecar = csv.string() + ".json";
    auto sourceText = readText(sidecar, "the definition cluster/cohorts.py writes beside its cells (FILE.json)");
    if (!sourceText) return sourceText.error();
    boost::system::error_code ec;
    const auto source = parseJson(*sourceText, ec);
    if (ec || !source.is_object()) return makeError(ErrorCode::InputData, "not a JSON object", sidecar.string());
    const auto& o = source.as_object();
    const auto* definition = o.if_contains("definition");
    if (!definition) return fieldError("is missing", sidecar.string(), "definition");
    auto parsed = CohortDefinition::fromJson(*definition);
    if (!parsed) return fieldError(parsed.error().message, sidecar.string(), "definition");
    SS_TRY(parsed->validate());
    if (parsed->window != PeriodWindow::Calendar)
        return fieldError("only calendar periods come from the cluster job", sidecar.string(), "definition");
    const auto* dataEnd = o.if_contains("data_end");
    if (!dataEnd || !dataEnd->is_int64()) return fieldError("must be unix seconds (a whole number)", sidecar.string(), "data_end");
    const auto* customers = o.if_contains("customers");
    if (!customers || !customers->is_int64() || customers->as_int64() < 0)
        return fieldError("must be a whole number >= 0", sidecar.string(), "customers");
    out.engine = o.contains("engine") && o.at("engine").is_string() ? std::string(o.at("engine").as_string()) : "unknown";
    out.source = *sourceText;
    CohortMatrix& m = out.matrix;
    m.definition = *parsed;
    m.dataEnd = dataEnd->as_int64();
    m.customers = customers->as_int64();
    auto zone = TimeZone::load(m.definition.timeZone);
    if (!zone) return fieldError(zone.error().message, sidecar.string(), "definition");
    const CalendarPeriods calendar(m.definition.period, *zone);

    // The cells, one line per cohort and column, cohorts in order and columns from 0 without gaps.
    auto text = readText(csv, "the cells");
    if (!text) return text.error();
    std::istringstream lines(*text);
    std::string line;
    const std::string file = csv.filename().string();
    if (!std::getline(lines, line)) return makeError(ErrorCode::InputData, "the file is empty", csv.string());
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line != "cohort,size,column,count,complete")
        return makeError(ErrorCode::InputData, "the header must be cohort,size,column,count,complete (the cluster job's cells)", file + ":1");
    for (std::int64_t number = 2; std::getline(lines, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) continue;
        const std::string where = file + ":" + std::to_string(number);
        const auto fields = splitCommas(line);
        if (fields.size() != 5) return makeError(ErrorCode::InputData, "expected 5 fields, found " + std::to_string(fields.size()), where);
        const auto date = parseDateTime(fields[0]);
        if (!date || fields[0].size() != 10) return fieldError("must be a date like 2017-11-27", where, "cohort");
        const std::int64_t period = calendar.indexOfLocal(*date);
        if (calendar.label(period) != fields[0]) return fieldError("is not the first day of a " + std::string(periodName(m.definition.period)), where, "cohort");
        const auto size = wholeNumber(fields[1]);
        if (!size || *size < 1) return fieldError("must be a whole number >= 1", where, "size");
        const auto column = wholeNumber(fields[2]);
        if (!column || *column < 0) return fieldError("must be a whole number >= 0", where, "column");
        const auto count = wholeNumber(fields[3]);
        if (!count || *count < 0 || *count > *size) return fieldError("must be a whole number from 0 to the cohort's size", where, "count");
        if (fields[4] != "true" && fields[4] != "false") return fieldError("must be true or false", where, "complete");
        const bool newCohort = m.rows.empty() || m.rows.back().label != fields[0];
        if (newCohort) {
            if (!m.rows.empty() && m.rows.back().start >= calendar.startUtc(period))
                return fieldError("cohorts must come oldest first, each once", where, "cohort");
            if (*column != 0) return fieldError("a cohort's first line must be column 0", where, "column");
            if (*count != *size) return fieldError("column 0 counts the whole cohort: it must equal size", where, "count");
            CohortRow row;
            row.start = calendar.startUtc(period);
            row.label = std::string(fields[0]);
            row.size = *size;
            m.rows.push_back(std::move(row));
        } else {
            CohortRow& row = m.rows.back();
            if (*size != row.size) return fieldError("differs from the cohort's earlier lines", where, "size");
            if (*column != static_cast<std::int64_t>(row.cells.size())) return fieldError("columns must follow 0, 1, 2, ... without gaps", where, "column");
        }
        CohortCell cell;
        cell.count = *count;
        cell.complete = fields[4] == "true";
        cell.purchasesPerCustomer = cell.revenuePerCustomer = kNaN;  // not computed by the job
        m.rows.back().cells.push_back(cell);
    }
    if (m.rows.empty()) return makeError(ErrorCode::InputData, "holds no cells", csv.string());
    m.finish();
    return out;
}

Status ImportedCohorts::store(const fs::path& project, ImportedCohortMatrix& imported) {
    const std::string payload = boost::json::serialize(imported.matrix.toJson());
    auto stamped = ImportedResults::put(project, kKind, imported.name, imported.source,
                                        std::span<const std::byte>(reinterpret_cast<const std::byte*>(payload.data()), payload.size()));
    if (!stamped) return stamped.error();
    imported.imported = *stamped;
    return {};
}

Result<std::vector<ImportedCohortMatrix>> ImportedCohorts::list(const fs::path& project) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto table = ImportedResults::present((*p)->db());
    if (!table) return table.error();
    std::vector<ImportedCohortMatrix> out;
    if (!*table) return out;
    auto stmt = (*p)->db().prepare("SELECT name, source, created, payload FROM imported_results WHERE kind=?1 ORDER BY created, name");
    if (!stmt) return stmt.error();
    stmt->bind(1, kKind);
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        auto m = fromRow(*stmt, project.string() + ": imported cohorts '" + stmt->columnText(0) + "'");
        if (!m) return m.error();
        out.push_back(std::move(*m));
    }
    return out;
}

Result<std::optional<ImportedCohortMatrix>> ImportedCohorts::load(const fs::path& project, const std::string& name) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto table = ImportedResults::present((*p)->db());
    if (!table) return table.error();
    if (!*table) return std::optional<ImportedCohortMatrix>();
    auto stmt = (*p)->db().prepare("SELECT name, source, created, payload FROM imported_results WHERE kind=?1 AND name=?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, kKind).bind(2, name);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<ImportedCohortMatrix>();
    auto m = fromRow(*stmt, project.string() + ": imported cohorts '" + name + "'");
    if (!m) return m.error();
    return std::optional<ImportedCohortMatrix>(std::move(*m));
}

}  // namespace ss
