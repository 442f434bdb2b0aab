#include "ProjectExport.h"

#include <boost/json.hpp>

#include <charconv>
#include <fstream>
#include <optional>
#include <sstream>

#include "EncoderText.h"
#include "EventType.h"
#include "common/CsvWriter.h"
#include "common/JobStages.h"

namespace ss {
namespace {

namespace fs = std::filesystem;

constexpr const char* kExportTag = "shelfsense-export";
constexpr const char* kPartSuffix = ".part";

// What each file holds: a query whose columns are named as they are written. Behaviour codes are
// written as names (view, cart, favourite, purchase).
// Items and reviews carry `text`: exactly what ShelfSense's encoder reads for them.
struct TableQuery {
    std::string name;
    std::string sql;
};
const std::vector<TableQuery>& tableQueries() {
    static const std::vector<TableQuery> all = {
        {"events",
         "SELECT u.external_id AS user, i.external_id AS item, e.type AS behaviour, e.ts AS ts, e.quantity AS quantity, e.value AS value "
         "FROM events e JOIN users u ON u.id = e.user_id JOIN items i ON i.id = e.item_id"},
        {"items", "SELECT external_id AS item, title, description, category, brand, price, available, " + encoderText::itemsSql() +
                      " AS text FROM items ORDER BY id"},
        {"users", "SELECT external_id AS user, segment FROM users ORDER BY id"},
        {"user_properties",
         "SELECT u.external_id AS user, p.name AS name, p.value AS value FROM user_properties p JOIN users u ON u.id = p.user_id "
         "ORDER BY p.user_id, p.name"},
        {"reviews",
         "SELECT r.id AS review, u.external_id AS user, i.external_id AS item, r.rating AS rating, r.title AS title, r.body AS body, "
         "r.ts AS ts, r.label AS label, " + encoderText::reviewsSql("r") +
             " AS text FROM reviews r JOIN users u ON u.id = r.user_id JOIN items i ON i.id = r.item_id ORDER BY r.id"},
    };
    return all;
}

std::string extension(ProjectExport::Format f) { return f == ProjectExport::Format::Csv ? ".csv" : ".jsonl"; }
std::string formatName(ProjectExport::Format f) { return f == ProjectExport::Format::Csv ? "csv" : "jsonl"; }

// A cell as text for CSV (NULL is an empty field) and as JSON.
std::string cellText(const SqlValue& v) {
    if (std::holds_alternative<std::int64_t>(v)) return std::to_string(std::get<std::int64_t>(v));
    if (std::holds_alternative<double>(v)) {  // the shortest text that reads back as the same double
        char buffer[32];
        const auto end = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(v)).ptr;
        return std::string(buffer, end);
    }
    if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
    return {};
}
boost::json::value cellJson(const SqlValue& v) {
    if (std::holds_alternative<std::int64_t>(v)) return std::get<std::int64_t>(v);
    if (std::holds_alternative<double>(v)) return std::get<double>(v);
    if (std::holds_alternative<std::string>(v)) return boost::json::string(std::get<std::string>(v));
    return nullptr;
}

// Whether `folder` may be written: new, empty, or an earlier export (when replacing). Names the
// first file that is not ours.
Status checkFolder(const fs::path& folder, bool replace) {
    std::error_code ec;
    if (!fs::exists(folder, ec)) return {};
    if (!fs::is_directory(folder, ec)) return makeError(ErrorCode::Io, "not a folder", folder.string());
    if (fs::is_empty(folder, ec)) return {};
    const fs::path manifest = folder / ProjectExport::kManifestFile;
    std::ifstream in(manifest);
    std::stringstream text;
    text << in.rdbuf();
    boost::system::error_code parseError;
    const auto json = boost::json::parse(text.str(), parseError);
    const bool ours = in && !parseError && json.is_object() && json.as_object().contains(kExportTag);
    if (!ours) return makeError(ErrorCode::Io, "the folder is not empty and holds no ShelfSense export; choose a new or empty folder", folder.string());
    if (!replace) return makeError(ErrorCode::Io, "the folder holds an earlier export; give --replace to replace it", folder.string());
    // Only our own file names may be there.
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        bool known = name == ProjectExport::kManifestFile;
        for (const auto& t : tableQueries())
            for (auto f : {ProjectExport::Format::Csv, ProjectExport::Format::JsonLines})
                known = known || name == t.name + extension(f) || name == t.name + extension(f) + kPartSuffix;
        if (!known) return makeError(ErrorCode::Io, "the folder holds a file that is not part of the export: " + name, folder.string());
    }
    return {};
}

}  // namespace

Result<ProjectExport::Manifest> ProjectExport::write(Database& db, const fs::path& folder, Format format, bool replace, const JobContext& job) {
    SS_TRY(checkFolder(folder, replace));
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create the folder: " + ec.message(), folder.string());

    Manifest manifest;
    manifest.format = format;
    std::vector<fs::path> parts;
    auto removeParts = [&]() {
        for (const auto& p : parts) fs::remove(p, ec);
    };
    std::int64_t total = 0;
    for (const auto& t : tableQueries()) {
        auto count = db.queryInt("SELECT count(*) FROM (" + t.sql + ")");
        if (!count) return count.error();
        total += *count;
    }
    std::int64_t written = 0;
    for (const auto& t : tableQueries()) {
        Table table;
        table.name = t.name;
        table.file = t.name + extension(format);
        const fs::path part = folder / (table.file + kPartSuffix);
        parts.push_back(part);
        std::ofstream out(part, std::ios::binary | std::ios::trunc);
        if (!out) {
            removeParts();
            return makeError(ErrorCode::Io, "cannot write the file", part.string());
        }
        auto stmt = db.prepare(t.sql);
        if (!stmt) {
            removeParts();
            return stmt.error();
        }
        for (int c = 0; c < stmt->columnCount(); ++c) table.columns.push_back(stmt->columnName(c));
        const int behaviourColumn = table.name == "events" ? 2 : -1;
        CsvWriter csv(out);
        if (format == Format::Csv) {
            for (const auto& c : table.columns) csv.field(c);
            csv.endRow();
        }
        for (;;) {
            auto more = stmt->step();
            if (!more) {
                removeParts();
                return more.error();
            }
            if (!*more) break;
            if ((++written & 0xFFFF) == 0) {
                if (job.cancelled()) {
                    removeParts();
                    return makeError(ErrorCode::Cancelled, "cancelled while exporting");
                }
                job.report(total > 0 ? static_cast<double>(written) / static_cast<double>(total) : -1.0, stages::kExporting);
            }
            boost::json::object row;
            for (int c = 0; c < stmt->columnCount(); ++c) {
                SqlValue value = stmt->columnValue(c);
                if (c == behaviourColumn && std::holds_alternative<std::int64_t>(value))
                    value = std::string(eventTypeName(static_cast<EventType>(std::get<std::int64_t>(value))));
                if (format == Format::Csv) csv.field(cellText(value));
                else row[table.columns[static_cast<std::size_t>(c)]] = cellJson(value);
            }
            if (format == Format::Csv) csv.endRow();
            else out << boost::json::serialize(row) << '\n';
            ++table.rows;
        }
        out.close();
        if (!out) {
            removeParts();
            return makeError(ErrorCode::Storage, "could not finish writing the file (disk full?)", part.string());
        }
        manifest.tables.push_back(std::move(table));
    }

    // Every table is complete: the earlier export's files go, the new ones take their names, and
    // the manifest is written last (an export without a manifest is not finished).
    for (const auto& t : tableQueries())
        for (auto f : {Format::Csv, Format::JsonLines}) fs::remove(folder / (t.name + extension(f)), ec);
    boost::json::array tables;
    for (const auto& table : manifest.tables) {
        fs::rename(folder / (table.file + kPartSuffix), folder / table.file, ec);
        if (ec) {
            removeParts();
            return makeError(ErrorCode::Io, "cannot rename the file: " + ec.message(), (folder / table.file).string());
        }
        boost::json::array columns;
        for (const auto& c : table.columns) columns.emplace_back(c);
        tables.push_back({{"name", table.name}, {"file", table.file}, {"rows", table.rows}, {"columns", std::move(columns)}});
    }
    std::string zone = "UTC";
    if (auto stored = db.prepare("SELECT value FROM settings WHERE key = 'project.timezone'"); stored) {
        if (auto row = stored->step(); row && *row && !stored->columnText(0).empty()) zone = stored->columnText(0);
    }
    boost::json::object json{{kExportTag, 1},
                             {"format", formatName(format)},
                             {"project", fs::absolute(db.path(), ec).string()},
                             {"timezone", zone},
                             {"times", "unix seconds (UTC)"},
                             {"behaviours", boost::json::array{"view", "cart", "favourite", "purchase"}},
                             {"tables", std::move(tables)}};
    const fs::path manifestPath = folder / kManifestFile;
    std::ofstream out(manifestPath, std::ios::trunc);
    out << boost::json::serialize(json) << '\n';
    out.close();
    if (!out) return makeError(ErrorCode::Storage, "could not write the manifest", manifestPath.string());
    job.report(1.0, stages::kExporting);
    return manifest;
}

}  // namespace ss
