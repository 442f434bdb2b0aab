#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "ingest/Importer.h"

namespace ss::cli {

Status runImport(const std::vector<std::string>& args) {
    ArgParser parser({"db", "format", "map", "event-type"}, {"json", "quiet", "drop-outside-window"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto formatName = parser.required("format");
    if (!formatName) return formatName.error();
    const auto format = parseImportFormat(*formatName);
    if (!format)
        return makeError(ErrorCode::Usage, "unknown format '" + *formatName +
                                               "' (taobao, retailrocket, amazon-reviews, amazon-meta, transactions, csv)");
    if (parser.positionals().empty()) return makeError(ErrorCode::Usage, "no file to import");

    ImportRequest request;
    request.project = *db;
    request.format = *format;
    for (const auto& p : parser.positionals()) request.files.emplace_back(p);
    request.options.dropOutsideWindow = parser.flag("drop-outside-window");
    for (const auto& m : parser.values("map")) {
        const auto eq = m.find('=');
        if (eq == std::string::npos || eq == 0 || eq + 1 == m.size())
            return makeError(ErrorCode::Usage, "--map needs column=field, got '" + m + "'");
        request.options.columnMap.emplace_back(m.substr(0, eq), m.substr(eq + 1));
    }
    if (auto t = parser.value("event-type")) {
        request.options.defaultEventType = parseEventType(*t);
        if (!request.options.defaultEventType) return makeError(ErrorCode::Usage, "unknown event type '" + *t + "'");
    }

    const JobContext context = stderrProgress(parser.flag("quiet"));
    auto summary = Importer::run(request, context);
    if (!summary) return summary.error();

    if (parser.flag("json")) {
        boost::json::object out;
        out["rows_read"] = summary->rowsRead;
        out["rows_imported"] = summary->rowsImported;
        out["rows_rejected"] = summary->rowsRejected;
        out["rows_flagged"] = summary->rowsFlagged;
        out["rows_duplicate"] = summary->rowsDuplicate;
        out["seconds"] = summary->seconds;
        out["index_seconds"] = summary->indexSeconds;
        out["summary_seconds"] = summary->summarySeconds;
        boost::json::array rejects, files;
        for (const auto& f : summary->files) {
            boost::json::object fo;
            fo["path"] = f.path;
            fo["import_id"] = f.id;
            fo["rows_read"] = f.rowsRead;
            fo["rows_imported"] = f.rowsImported;
            fo["rows_rejected"] = f.rowsRejected;
            fo["rows_flagged"] = f.rowsFlagged;
            fo["rows_duplicate"] = f.rowsDuplicate;
            fo["notes"] = f.notes;
            files.push_back(std::move(fo));
            for (const auto& r : f.rejects)
                rejects.push_back({{"file", f.path}, {"line", r.line}, {"field", r.field}, {"reason", r.reason},
                                   {"kept", r.flaggedOnly}});
        }
        out["files"] = std::move(files);
        out["rejects"] = std::move(rejects);
        printJson(out);
    } else {
        for (const auto& f : summary->files) {
            std::printf("%s: %lld read, %lld imported, %lld rejected, %lld flagged, %lld duplicate\n", f.path.c_str(),
                        (long long)f.rowsRead, (long long)f.rowsImported, (long long)f.rowsRejected,
                        (long long)f.rowsFlagged, (long long)f.rowsDuplicate);
            for (std::size_t i = 0; i < f.rejects.size() && i < 20; ++i)
                std::printf("  line %lld%s: %s%s\n", (long long)f.rejects[i].line,
                            f.rejects[i].field.empty() ? "" : (" [" + f.rejects[i].field + "]").c_str(),
                            f.rejects[i].reason.c_str(), "");
            if (!f.notes.empty()) std::printf("  %s", f.notes.c_str());
        }
        std::printf("%.2f s\n", summary->seconds);
    }
    return {};
}

}  // namespace ss::cli
