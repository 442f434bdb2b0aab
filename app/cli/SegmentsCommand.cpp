// `segments`: named customer sets kept in the project (DESIGN §3) — list, save (from a file of
// customer ids or from a customer property), export, delete. Cells of a cohort matrix are saved with
// `cohorts --members DATE:N --save-segment NAME`.
#include <boost/json.hpp>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "cohorts/Segments.h"
#include "common/TimeUtil.h"
#include "store/Project.h"

namespace ss::cli {
namespace {

Result<std::vector<std::int64_t>> idsFromFile(Database& db, const std::string& path) {
    std::ifstream in(path);
    if (!in) return makeError(ErrorCode::Io, "cannot read the customer list", path);
    std::vector<std::string> ids;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) ids.push_back(line);
    }
    auto resolved = Segments::resolve(db, ids);
    if (!resolved) {
        Error e = resolved.error();
        e.context = path;
        return e;
    }
    return resolved;
}

Result<std::vector<std::int64_t>> idsWithProperty(Database& db, const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) return makeError(ErrorCode::Usage, "--property needs NAME=VALUE, e.g. variant=control");
    return Segments::withProperty(db, assignment.substr(0, eq), assignment.substr(eq + 1));
}

boost::json::object infoJson(const SegmentInfo& s) {
    return {{"name", s.name}, {"description", s.description}, {"created", isoDateTime(s.created)}, {"customers", s.customers}};
}

}  // namespace

Status runSegments(const std::vector<std::string>& args) {
    ArgParser parser({"db", "customers", "property", "description"}, {"json", "replace"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    const auto& words = parser.positionals();
    if (words.empty()) return makeError(ErrorCode::Usage, "say what to do: list, save NAME, export NAME or delete NAME");
    const std::string& action = words[0];
    const bool writes = action == "save" || action == "delete";
    auto project = Project::openExisting(*db, writes ? Database::Mode::ReadWrite : Database::Mode::ReadOnly);
    if (!project) return project.error();
    Database& database = (*project)->db();
    if (action == "list") {
        auto list = Segments::list(database);
        if (!list) return list.error();
        if (parser.flag("json")) {
            boost::json::array out;
            for (const auto& s : *list) out.emplace_back(infoJson(s));
            printJson(out);
        } else {
            for (const auto& s : *list)
                std::printf("%-30s %10lld  %s  %s\n", s.name.c_str(), static_cast<long long>(s.customers), isoDate(s.created).c_str(), s.description.c_str());
        }
        return {};
    }
    if (words.size() != 2) return makeError(ErrorCode::Usage, action + " needs one segment name");
    const std::string& name = words[1];
    if (action == "save") {
        if (parser.value("customers").has_value() == parser.value("property").has_value())
            return makeError(ErrorCode::Usage, "save needs either --customers FILE (one customer id a line) or --property NAME=VALUE");
        auto ids = parser.value("customers") ? idsFromFile(database, *parser.value("customers")) : idsWithProperty(database, *parser.value("property"));
        if (!ids) return ids.error();
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        auto info = Segments::save(database, name, parser.value("description").value_or(""), *ids, parser.flag("replace"), now);
        if (!info) return info.error();
        if (parser.flag("json")) printJson(infoJson(*info));
        else std::printf("saved segment '%s' with %lld customers\n", name.c_str(), static_cast<long long>(info->customers));
        return {};
    }
    if (action == "delete") return Segments::remove(database, name);
    if (action == "export") {
        auto members = Segments::members(database, name);
        if (!members) return members.error();
        if (parser.flag("json")) {
            boost::json::array out;
            for (const auto& m : *members) out.emplace_back(m.externalId);
            printJson(boost::json::object{{"name", name}, {"customers", std::move(out)}});
        } else {
            std::cout << "customer\n";
            for (const auto& m : *members) std::cout << m.externalId << "\n";
        }
        return {};
    }
    return makeError(ErrorCode::Usage, "unknown segments action '" + action + "' (list, save, export, delete)");
}

}  // namespace ss::cli
