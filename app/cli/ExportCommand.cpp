#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "store/Project.h"
#include "store/ProjectExport.h"

namespace ss::cli {

// export --db F --to DIR: the project's tables as CSV or JSON Lines with a manifest, for engines
// that run elsewhere (the cluster jobs read it).
Status runExport(const std::vector<std::string>& args) {
    ArgParser parser({"db", "to", "format"}, {"replace", "json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto to = parser.required("to");
    if (!to) return to.error();
    const std::string formatName = parser.value("format").value_or("csv");
    if (formatName != "csv" && formatName != "jsonl")
        return makeError(ErrorCode::Usage, "--format is csv or jsonl, not '" + formatName + "'", "format");
    auto project = Project::openExisting(*db);  // an older project is upgraded in place, as by every command
    if (!project) return project.error();
    const JobContext context = stderrProgress(parser.flag("quiet"));
    auto manifest = ProjectExport::write((*project)->db(), *to, formatName == "csv" ? ProjectExport::Format::Csv : ProjectExport::Format::JsonLines,
                                         parser.flag("replace"), context);
    if (!manifest) return manifest.error();
    if (parser.flag("json")) {
        boost::json::array tables;
        for (const auto& t : manifest->tables) tables.push_back({{"name", t.name}, {"file", t.file}, {"rows", t.rows}});
        printJson(boost::json::object{{"folder", *to}, {"format", formatName}, {"manifest", ProjectExport::kManifestFile}, {"tables", std::move(tables)}});
    } else {
        for (const auto& t : manifest->tables) std::printf("%-16s %12lld rows  %s\n", t.name.c_str(), static_cast<long long>(t.rows), t.file.c_str());
    }
    return {};
}

}  // namespace ss::cli
