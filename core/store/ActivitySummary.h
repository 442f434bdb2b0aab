// ActivitySummary: the ActivityLog kept in the project (table activity_summary: the encoded events in
// blobs of a few MB, and a fingerprint of the events table it was built from), so that retention and
// survival read every customer's events in one pass over a few blobs instead of scanning and sorting
// the events table. Imports and the sample shop rebuild it before they commit; an older project
// builds it once on first use. The overview's per-day counts (event_days) are written with it and
// are current exactly when it is. Call from the thread that owns the Database.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "ActivityLog.h"

namespace ss {

class ActivitySummary {
public:
    // Customers are cut into blobs of about this size (read back in parallel).
    static constexpr std::size_t kBlobBytes = 4 << 20;
    // Scans the events table and stores the summary (in the caller's transaction when one is open).
    static Status rebuild(Database& db, const JobContext& job = {}, std::size_t blobBytes = kBlobBytes);
    // The stored summary when it matches the events table; nullopt when absent or out of date.
    static Result<std::optional<ActivityLog>> read(Database& db, const JobContext& job = {});
    // Whether a stored summary matches the events table (cheap: no scan).
    static Result<bool> current(Database& db);
    // After a write that added no event and changed none (a catalog or review import), marks the
    // summary current again without a scan. Only for a summary that was current before that write.
    static Status keepForUnchangedEvents(Database& db);
    // Opens the project file read-write only when its summary is out of date, and rebuilds it then;
    // true when it rebuilt. Opening migrates an older project, as every writer does.
    static Result<bool> ensureCurrent(const std::filesystem::path& project, const JobContext& job = {});

    // The log held by stored blobs as they are (what read() checks them with): for tests and fuzzing.
    static Result<ActivityLog> fromBlobs(const std::vector<std::vector<std::uint8_t>>& blobs);

private:
    static Status write(Database& db, const ActivityLog& log, std::size_t blobBytes);
    // The overview's table (event_days): events per UTC day and behaviour, first and last time.
    static Status writeEventDays(Database& db, const ActivityLog& log);
    static Result<std::string> fingerprint(Database& db);
    static Status storeFingerprint(Database& db, const std::string& fingerprint);
    // One stored blob, parsed and checked on its own (read() runs them in parallel).
    struct ParsedBlob;
    static ParsedBlob parseBlob(const std::uint8_t* base, std::size_t from, std::size_t to);
    // Joins the parsed blobs into the log; false when one is damaged or they are out of order.
    static bool assemble(ActivityLog& log, std::vector<ParsedBlob>& parsed);
};

}  // namespace ss
