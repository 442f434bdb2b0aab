// ActivitySummary: the ActivityLog kept in the project (table activity_summary: the encoded events in
// blobs of a few MB, and a fingerprint of the events table it was built from), so that retention and
// survival read every customer's events in one pass over a few blobs instead of scanning and sorting
// the events table. Imports and the sample shop rebuild it before they commit; an older project
// builds it once on first use. Call from the thread that owns the Database.
#pragma once

#include <filesystem>
#include <optional>

#include "ActivityLog.h"

namespace ss {

class ActivitySummary {
public:
    // Scans the events table and stores the summary (in the caller's transaction when one is open).
    static Status rebuild(Database& db, const JobContext& job = {});
    // The stored summary when it matches the events table; nullopt when absent or out of date.
    static Result<std::optional<ActivityLog>> read(Database& db, const JobContext& job = {});
    // Whether a stored summary matches the events table (cheap: no scan).
    static Result<bool> current(Database& db);
    // Opens the project file read-write only when its summary is out of date, and rebuilds it then;
    // true when it rebuilt. Opening migrates an older project, as every writer does.
    static Result<bool> ensureCurrent(const std::filesystem::path& project, const JobContext& job = {});

private:
    static Status write(Database& db, const ActivityLog& log);
    static Result<std::string> fingerprint(Database& db);
};

}  // namespace ss
