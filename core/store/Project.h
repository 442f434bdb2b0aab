// Project: one open .shelfsense file (a migrated SQLite database) and the read queries the
// workbench and CLI need (stats, daily activity, settings, import reports).
// One Project per thread: a job opens its own Project on the same path.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "Database.h"

namespace ss {

struct ProjectStats {
    std::int64_t items = 0, users = 0, events = 0, reviews = 0;
    std::optional<std::int64_t> firstEvent, lastEvent, firstReview, lastReview;
    std::int64_t eventsByType[5] = {0, 0, 0, 0, 0};  // indexed by EventType value
    bool fromSummary = false;  // events counted from the kept per-day summary, not by a scan
};

struct DailyCount {
    std::int64_t day;  // unix seconds at 00:00 UTC
    std::int64_t events;
    std::int64_t purchases;
};

struct ImportReject {
    std::int64_t line = 0;
    std::string field, reason;
    bool flaggedOnly = false;  // kept, but outside the documented collection window
};

struct ImportReport {
    std::int64_t id = 0;
    std::string format, path, fingerprint, notes;
    std::int64_t started = 0;
    double seconds = 0;
    std::int64_t rowsRead = 0, rowsImported = 0, rowsRejected = 0, rowsFlagged = 0, rowsDuplicate = 0;
    std::vector<ImportReject> rejects;  // may be a prefix when loaded with a limit
};

class Project {
public:
    // ReadWrite creates the project when the file is missing or empty and upgrades an older one; a
    // file that cannot be written opens read-only (readOnly()), its writes failing with a clear
    // ErrorCode::Storage. A SQLite file that is not ours, or a damaged project, is refused unchanged.
    static Result<std::unique_ptr<Project>> open(const std::filesystem::path& path,
                                                 Database::Mode mode = Database::Mode::ReadWrite);
    // The same for commands that work on a project that must already exist ("no such project file").
    static Result<std::unique_ptr<Project>> openExisting(const std::filesystem::path& path,
                                                         Database::Mode mode = Database::Mode::ReadWrite);
    bool readOnly() const { return db_->readOnly(); }

    Database& db() { return *db_; }
    const std::filesystem::path& path() const { return db_->path(); }

    // From the per-day summary imports keep (event_days) when it is current, else by scanning events.
    Result<ProjectStats> stats();
    Result<std::vector<DailyCount>> dailyEventCounts();
    Result<std::vector<ImportReport>> importReports(std::size_t rejectLimit = 1000);

    Result<std::optional<std::string>> setting(const std::string& key);
    Status setSetting(const std::string& key, const std::string& value);

private:
    explicit Project(std::unique_ptr<Database> db) : db_(std::move(db)) {}
    // open() with the one in-place upgrade of an older or unmarked project allowed or not: the upgrade
    // opens the file again, and that opening must not try again (SQLite opens a file whose header
    // asks for a newer writer read-only, however writable the file itself is).
    static Result<std::unique_ptr<Project>> open(const std::filesystem::path& path, Database::Mode mode, bool mayUpgrade);
    std::unique_ptr<Database> db_;
};

}  // namespace ss
