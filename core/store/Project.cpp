#include "Project.h"

#include "ActivitySummary.h"
#include "Schema.h"

namespace ss {

Result<std::unique_ptr<Project>> Project::open(const std::filesystem::path& path, Database::Mode mode) { return open(path, mode, true); }

Result<std::unique_ptr<Project>> Project::open(const std::filesystem::path& path, Database::Mode mode, bool mayUpgrade) {
    auto db = Database::open(path, mode);
    if (!db) return db.error();
    // Read what the file is before anything writes to it: a file that is not ours is never changed.
    auto identity = Schema::identify(**db);
    if (!identity) return identity.error();
    const bool writable = mode == Database::Mode::ReadWrite && !(*db)->readOnly();
    switch (identity->kind) {
    case FileIdentity::Kind::Foreign:
        return makeError(ErrorCode::InputData,
                         "a SQLite database, but not a ShelfSense project: " + identity->detail + ". ShelfSense leaves it unchanged",
                         path.string());
    case FileIdentity::Kind::Empty:
        if (!writable)
            return makeError(ErrorCode::InputData,
                             (*db)->readOnly() && mode == Database::Mode::ReadWrite
                                 ? "an empty file on a read-only drive or folder, not a ShelfSense project"
                                 : "an empty file, not a ShelfSense project",
                             path.string());
        SS_TRY((*db)->configureForProject(true));
        SS_TRY(Schema::migrate(**db));
        return std::unique_ptr<Project>(new Project(std::move(*db)));
    case FileIdentity::Kind::Project:
        break;
    }
    if (identity->version > Schema::kCurrentVersion) return Schema::newerVersion(identity->version, path.string());
    if (!identity->detail.empty())
        return makeError(ErrorCode::InputData,
                         "the project file is damaged or was changed by another program (" + identity->detail + "); " +
                             kDamagedProjectRemedy,
                         path.string());
    if (writable) {
        SS_TRY((*db)->configureForProject(false));
        SS_TRY(Schema::migrate(**db));
    } else if (identity->version < Schema::kCurrentVersion || !identity->marked) {
        // An older project is upgraded (and marked) in place once, every step in its own
        // transaction, so that reading commands work on it too; where the file cannot be written,
        // a current but unmarked project is read as it is, an older one is reported below.
        if (mayUpgrade && Database::canWrite(path)) {
            db->reset();
            auto upgraded = open(path, Database::Mode::ReadWrite, false);
            if (upgraded) {
                upgraded->reset();
                return open(path, Database::Mode::ReadOnly, false);
            }
            auto again = Database::open(path, mode);
            if (!again) return again.error();
            db = std::move(again);
        }
        if (identity->version == Schema::kCurrentVersion) return std::unique_ptr<Project>(new Project(std::move(*db)));
        return makeError(ErrorCode::InputData,
                         "the project has schema version " + std::to_string(identity->version) + " and this ShelfSense reads version " +
                             std::to_string(Schema::kCurrentVersion) + "; it could not be upgraded here (is the file writable?)",
                         path.string());
    }
    return std::unique_ptr<Project>(new Project(std::move(*db)));
}

Result<std::unique_ptr<Project>> Project::openExisting(const std::filesystem::path& path, Database::Mode mode) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return makeError(ErrorCode::Io, "no such project file", path.string());
    return open(path, mode);
}

Result<ProjectStats> Project::stats() {
    ProjectStats s;
    auto summary = ActivitySummary::current(*db_);
    if (!summary) return summary.error();
    s.fromSummary = *summary;
    // Items, customers and reviews are counted (their tables are small next to the events); the
    // events from the per-day summary when it is current, else by a scan.
    const std::string eventsFrom = s.fromSummary ? "(SELECT sum(events) FROM event_days), (SELECT min(first_ts) FROM event_days),"
                                                   " (SELECT max(last_ts) FROM event_days),"
                                                 : "(SELECT events FROM event_count), (SELECT min(ts) FROM events), (SELECT max(ts) FROM events),";
    auto counts = db_->prepare("SELECT (SELECT count(*) FROM items), (SELECT count(*) FROM users), " + eventsFrom +
                               " (SELECT count(*) FROM reviews), (SELECT min(ts) FROM reviews), (SELECT max(ts) FROM reviews)");
    if (!counts) return counts.error();
    auto row = counts->step();
    if (!row) return row.error();
    auto opt = [&](int c) -> std::optional<std::int64_t> {
        if (counts->columnIsNull(c)) return std::nullopt;
        return counts->columnInt(c);
    };
    s.items = counts->columnInt(0);
    s.users = counts->columnInt(1);
    s.events = opt(2).value_or(0);
    s.firstEvent = opt(3);
    s.lastEvent = opt(4);
    s.reviews = counts->columnInt(5);
    s.firstReview = opt(6);
    s.lastReview = opt(7);
    auto byType = db_->prepare(s.fromSummary ? "SELECT type, sum(events) FROM event_days GROUP BY type"
                                             : "SELECT type, count(*) FROM events GROUP BY type");
    if (!byType) return byType.error();
    for (;;) {
        auto r = byType->step();
        if (!r) return r.error();
        if (!*r) break;
        const auto type = byType->columnInt(0);
        if (type >= 1 && type <= 4) s.eventsByType[type] = byType->columnInt(1);
    }
    return s;
}

Result<std::vector<DailyCount>> Project::dailyEventCounts() {
    auto summary = ActivitySummary::current(*db_);
    if (!summary) return summary.error();
    auto stmt = db_->prepare(*summary ? "SELECT day, sum(events), coalesce(sum(events) FILTER (WHERE type = 4), 0) FROM event_days GROUP BY day ORDER BY day"
                                      : "SELECT ts / 86400 * 86400 AS day, count(*), sum(type = 4) FROM events GROUP BY day ORDER BY day");
    if (!stmt) return stmt.error();
    std::vector<DailyCount> days;
    for (;;) {
        auto r = stmt->step();
        if (!r) return r.error();
        if (!*r) break;
        days.push_back({stmt->columnInt(0), stmt->columnInt(1), stmt->columnInt(2)});
    }
    return days;
}

Result<std::vector<ImportReport>> Project::importReports(std::size_t rejectLimit) {
    auto stmt = db_->prepare(
        "SELECT id, format, path, fingerprint, started, seconds, rows_read, rows_imported, rows_rejected,"
        " rows_flagged, rows_duplicate, coalesce(notes,'') FROM imports ORDER BY id");
    if (!stmt) return stmt.error();
    auto rejects = db_->prepare(
        "SELECT line, coalesce(field,''), reason, flagged_only FROM import_rejects WHERE import_id=?1 ORDER BY line LIMIT ?2");
    if (!rejects) return rejects.error();
    std::vector<ImportReport> reports;
    for (;;) {
        auto r = stmt->step();
        if (!r) return r.error();
        if (!*r) break;
        ImportReport rep;
        rep.id = stmt->columnInt(0);
        rep.format = stmt->columnText(1);
        rep.path = stmt->columnText(2);
        rep.fingerprint = stmt->columnText(3);
        rep.started = stmt->columnInt(4);
        rep.seconds = stmt->columnDouble(5);
        rep.rowsRead = stmt->columnInt(6);
        rep.rowsImported = stmt->columnInt(7);
        rep.rowsRejected = stmt->columnInt(8);
        rep.rowsFlagged = stmt->columnInt(9);
        rep.rowsDuplicate = stmt->columnInt(10);
        rep.notes = stmt->columnText(11);
        rejects->reset();
        rejects->bind(1, rep.id).bind(2, static_cast<std::int64_t>(rejectLimit));
        for (;;) {
            auto rr = rejects->step();
            if (!rr) return rr.error();
            if (!*rr) break;
            rep.rejects.push_back({rejects->columnInt(0), rejects->columnText(1), rejects->columnText(2),
                                   rejects->columnInt(3) != 0});
        }
        reports.push_back(std::move(rep));
    }
    return reports;
}

Result<std::optional<std::string>> Project::setting(const std::string& key) {
    auto stmt = db_->prepare("SELECT value FROM settings WHERE key=?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, key);
    auto r = stmt->step();
    if (!r) return r.error();
    if (!*r) return std::optional<std::string>();
    return std::optional<std::string>(stmt->columnText(0));
}

Status Project::setSetting(const std::string& key, const std::string& value) {
    auto stmt = db_->prepare("INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value=excluded.value");
    if (!stmt) return stmt.error();
    stmt->bind(1, key).bind(2, value);
    return stmt->run();
}

}  // namespace ss
