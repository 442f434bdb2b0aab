// ProjectActivity: what every retention analysis reads from a project — a read-only connection, the
// project's time zone and every customer's events (the activity summary, built once for an older
// project) — opened in one call by the CLI and the workbench's jobs alike. Load on a job's thread;
// the result belongs to that thread (its Project connection) until handed over whole.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "common/JobContext.h"
#include "common/TimeZone.h"
#include "store/ActivityLog.h"
#include "store/Project.h"

namespace ss {

struct ProjectActivity {
    std::unique_ptr<Project> project;  // read-only
    ActivityLog log;
    TimeZone zone;
    bool summaryRebuilt = false;  // the summary was built (an older project) or could not be stored
    std::string summaryNote;      // why it could not be stored, when it could not

    // `zone`: a time-zone name to use instead of the project's own ("project.timezone", else UTC).
    static Result<ProjectActivity> open(const std::filesystem::path& path, const std::optional<std::string>& zone = {},
                                        const JobContext& job = {});
};

}  // namespace ss
