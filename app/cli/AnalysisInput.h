// Shared by `cohorts` and `survival`: open the project for reading, resolve its time zone and load
// every customer's events once. Main thread only.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "cohorts/ActivityLog.h"
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
