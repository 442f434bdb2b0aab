// Shared by `cohorts` and `survival`: open the project for reading, resolve its time zone and load
// every customer's events once. Main thread only.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "store/ActivityLog.h"
#include "store/ActivitySummary.h"
#include "common/TimeZone.h"
#include "store/Project.h"

namespace ss::cli {

struct AnalysisInput {
    std::unique_ptr<Project> project;
    ActivityLog log;
    TimeZone zone;
};

// The zone named on the command line, else the project's "project.timezone" setting, else UTC.
inline Result<AnalysisInput> openAnalysis(const std::string& db, const std::optional<std::string>& zoneName, const JobContext& job) {
    std::error_code ec;
    if (!std::filesystem::exists(db, ec)) return makeError(ErrorCode::Io, "no such project file", db);
    // An older project (or one written before summaries existed) builds its activity summary once;
    // where the file cannot be written, the events are scanned instead (slower, same numbers).
    if (auto rebuilt = ActivitySummary::ensureCurrent(db, job); !rebuilt)
        std::fprintf(stderr, "shelfsense-cli: could not store the activity summary (%s); reading the events instead\n",
                     rebuilt.error().describe().c_str());
    else if (*rebuilt)
        std::fprintf(stderr, "shelfsense-cli: summarised the project's activity once; later runs read the summary\n");
    auto project = Project::open(db, Database::Mode::ReadOnly);
    if (!project) return project.error();
    std::string name = "UTC";
    if (zoneName) {
        name = *zoneName;
    } else {
        auto stored = (*project)->setting("project.timezone");
        if (!stored) return stored.error();
        if (*stored && !(*stored)->empty()) name = **stored;
    }
    auto zone = TimeZone::load(name);
    if (!zone) return zone.error();
    auto log = ActivityLog::load((*project)->db(), job);
    if (!log) return log.error();
    if (log->eventCount() == 0) return makeError(ErrorCode::InputData, "the project has no events", db);
    return AnalysisInput{std::move(*project), std::move(*log), std::move(*zone)};
}

}  // namespace ss::cli
