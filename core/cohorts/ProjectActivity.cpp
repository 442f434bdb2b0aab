#include "ProjectActivity.h"

#include "store/ActivitySummary.h"

namespace ss {

Result<ProjectActivity> ProjectActivity::open(const std::filesystem::path& path, const std::optional<std::string>& zoneName,
                                              const JobContext& job) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return makeError(ErrorCode::Io, "no such project file", path.string());
    ProjectActivity out;
    // An older project builds its activity summary once; where the file cannot be written the
    // events are scanned instead (slower, same numbers).
    if (auto rebuilt = ActivitySummary::ensureCurrent(path, job); !rebuilt) {
        if (rebuilt.error().code == ErrorCode::Cancelled) return rebuilt.error();
        out.summaryNote = rebuilt.error().describe();
    } else {
        out.summaryRebuilt = *rebuilt;
    }
    auto project = Project::open(path, Database::Mode::ReadOnly);
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
    if (log->eventCount() == 0) return makeError(ErrorCode::InputData, "the project has no events", path.string());
    out.project = std::move(*project);
    out.log = std::move(*log);
    out.zone = std::move(*zone);
    return out;
}

}  // namespace ss
