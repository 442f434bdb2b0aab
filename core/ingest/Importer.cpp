#include "Importer.h"

#include <chrono>

#include "AmazonFormat.h"
#include "MappedCsvFormat.h"
#include "RetailRocketFormat.h"
#include "TaobaoFormat.h"
#include "TransactionsFormat.h"
#include "archive/ZipArchive.h"
#include "common/JobStages.h"
#include "store/ActivitySummary.h"
#include "store/EventTable.h"
#include "store/Schema.h"

namespace ss {
namespace {

constexpr std::pair<ImportFormat, std::string_view> kFormats[] = {
    {ImportFormat::Taobao, "taobao"},
    {ImportFormat::RetailRocket, "retailrocket"},
    {ImportFormat::AmazonReviews, "amazon-reviews"},
    {ImportFormat::AmazonMeta, "amazon-meta"},
    {ImportFormat::Transactions, "transactions"},
    {ImportFormat::Csv, "csv"},
};

Status runFormat(ImportFormat format, ImportSession& session) {
    switch (format) {
    case ImportFormat::Taobao: return TaobaoFormat::run(session);
    case ImportFormat::RetailRocket: return RetailRocketFormat::run(session);
    case ImportFormat::AmazonReviews: return AmazonFormat::runReviews(session);
    case ImportFormat::AmazonMeta: return AmazonFormat::runMetadata(session);
    case ImportFormat::Transactions: return TransactionsFormat::run(session);
    case ImportFormat::Csv: return MappedCsvFormat::run(session);
    }
    return makeError(ErrorCode::Internal, "unknown format");
}

// Puts a bulk load on a rollback journal for its duration and back on WAL afterwards; a no-op when
// another connection has the file open (leaving WAL then fails at once, without waiting).
class BulkJournalMode {
public:
    BulkJournalMode(Database& db, bool bulk) : db_(db) {
        if (!bulk) return;
        (void)db_.exec("PRAGMA busy_timeout=0");
        auto mode = db_.prepare("PRAGMA journal_mode=DELETE");
        if (mode) {
            auto row = mode->step();
            switched_ = row && *row && mode->columnText(0) == "delete";
        }
        (void)db_.exec("PRAGMA busy_timeout=10000");
    }
    ~BulkJournalMode() {
        if (switched_) (void)db_.exec("PRAGMA journal_mode=WAL");
    }
    BulkJournalMode(const BulkJournalMode&) = delete;
    BulkJournalMode& operator=(const BulkJournalMode&) = delete;

private:
    Database& db_;
    bool switched_ = false;
};

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::optional<ImportFormat> parseImportFormat(std::string_view name) {
    for (auto [format, n] : kFormats)
        if (n == name) return format;
    return std::nullopt;
}

std::string_view importFormatName(ImportFormat format) {
    for (auto [f, n] : kFormats)
        if (f == format) return n;
    return "?";
}

std::optional<ImportFormat> detectImportFormat(const std::filesystem::path& file) {
    auto reader = LineReader::open(file);
    if (!reader) return std::nullopt;
    std::string_view line;
    if (!(*reader)->next(line)) return std::nullopt;
    if (line.starts_with("timestamp,visitorid,event") || line.starts_with("timestamp,itemid,property")) return ImportFormat::RetailRocket;
    if (line.starts_with("{")) {
        if (line.find("\"reviewerID\"") != std::string_view::npos || line.find("\"user_id\"") != std::string_view::npos)
            return ImportFormat::AmazonReviews;
        if (line.find("\"title\"") != std::string_view::npos) return ImportFormat::AmazonMeta;
        return std::nullopt;
    }
    int commas = 0;
    for (char c : line) commas += c == ',';
    if (commas == 4 && (line.find(",pv,") != std::string_view::npos || line.find(",buy,") != std::string_view::npos ||
                        line.find(",cart,") != std::string_view::npos || line.find(",fav,") != std::string_view::npos))
        return ImportFormat::Taobao;
    if (line.find("customer") != std::string_view::npos || line.find("Customer") != std::string_view::npos)
        return ImportFormat::Transactions;
    return std::nullopt;
}

namespace {
Result<ImportSummary> importFiles(const ImportRequest& request, const JobContext& context);
}  // namespace

Result<ImportSummary> Importer::run(const ImportRequest& request, const JobContext& context) {
    auto summary = importFiles(request, context);
    // The whole import is one transaction: when the file cannot be written, nothing was imported.
    if (!summary && summary.error().code == ErrorCode::Storage) {
        Error error = summary.error();
        error.message = "nothing was imported: " + error.message;
        return error;
    }
    return summary;
}

namespace {

Result<ImportSummary> importFiles(const ImportRequest& request, const JobContext& context) {
    const auto start = std::chrono::steady_clock::now();
    if (request.files.empty()) return makeError(ErrorCode::Usage, "no file to import");
    for (const auto& f : request.files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(ZipArchive::fileOnDisk(f), ec))
            return makeError(ErrorCode::Io, std::filesystem::exists(f, ec) ? "not a regular file" : "no such file", f.string());
    }
    auto project = Project::open(request.project);
    if (!project) return project.error();
    Database& db = (*project)->db();
    auto before = EventTable::count(db);
    if (!before) return before.error();

    // The writer creates every referenced user and item itself, so per-row foreign-key probes only
    // cost time (two B-tree lookups per event).
    ForeignKeysOff foreignKeysOff(db);
    // Secondary indexes on events (the data browser's) slow bulk inserts; rebuild them once at the end
    // (inside the transaction).
    std::uintmax_t totalBytes = 0;
    for (const auto& f : request.files) totalBytes += std::filesystem::file_size(ZipArchive::fileOnDisk(f));
    const bool rebuildIndexes = static_cast<std::int64_t>(totalBytes / 40) > *before;
    // A bulk load into WAL writes every new page twice (log, then checkpoint). A rollback journal
    // records only the pages that existed before, so while no other connection has the file open
    // the load runs in that mode; with readers present the switch fails at once and WAL stays.
    BulkJournalMode journalMode(db, rebuildIndexes);
    Transaction tx(db);
    if (!tx.begun()) return tx.begun().error();
    std::vector<std::string> droppedIndexes;
    if (rebuildIndexes) {
        auto dropped = EventTable::dropIndexes(db);
        if (!dropped) return dropped.error();
        droppedIndexes = std::move(*dropped);
    }
    SS_TRY(Schema::deferTextIndex(db));
    // Imports only add events: when this one adds none, a summary current now stays current.
    auto summaryWasCurrent = ActivitySummary::current(db);
    if (!summaryWasCurrent) return summaryWasCurrent.error();

    auto insertImport = db.prepare(
        "INSERT INTO imports(format, path, fingerprint, started, seconds, rows_read, rows_imported, rows_rejected)"
        " VALUES(?1, ?2, '', ?3, 0, 0, 0, 0)");
    auto updateImport = db.prepare(
        "UPDATE imports SET fingerprint=?2, seconds=?3, rows_read=?4, rows_imported=?5, rows_rejected=?6,"
        " rows_flagged=?7, rows_duplicate=?8, notes=?9 WHERE id=?1");
    auto findPrevious = db.prepare("SELECT id FROM imports WHERE fingerprint=?1 AND format=?2 AND id<>?3 LIMIT 1");
    if (!insertImport) return insertImport.error();
    if (!updateImport) return updateImport.error();
    if (!findPrevious) return findPrevious.error();

    ImportSummary summary;
    const std::string formatName(importFormatName(request.format));
    for (const auto& file : request.files) {
        const auto fileStart = std::chrono::steady_clock::now();
        const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
        insertImport->bind(1, formatName).bind(2, std::filesystem::absolute(file).string()).bind(3, std::int64_t(now));
        SS_TRY(insertImport->run());
        const std::int64_t importId = db.lastInsertRowId();

        auto lines = LineReader::open(file);
        if (!lines) return lines.error();
        auto writer = BulkWriter::create(db, importId);
        if (!writer) return writer.error();
        ImportSession session(*writer, **lines, request.options, context, formatName);
        SS_TRY(runFormat(request.format, session));
        SS_TRY(writer->stage());
        SS_TRY(session.finish());
        const std::string fingerprint = (*lines)->fingerprint();

        findPrevious->reset();
        findPrevious->bind(1, fingerprint).bind(2, formatName).bind(3, importId);
        auto previous = findPrevious->step();
        if (!previous) return previous.error();
        const std::int64_t earlier = *previous ? findPrevious->columnInt(0) : 0;
        findPrevious->reset();  // no statement left reading while the load finishes
        std::string notes;
        for (const auto& n : session.notes()) notes += n + "\n";
        if (session.rowsFlagged() > ImportSession::kFlaggedRowsListed)
            notes += std::to_string(session.rowsFlagged()) + " rows were kept with a flag; the first " +
                     std::to_string(ImportSession::kFlaggedRowsListed) + " are listed\n";
        std::int64_t imported = session.rowsImported(), duplicates = session.rowsDuplicate();
        if (*previous) {
            // Same bytes, same format: undo this file's rows and record that nothing was added.
            SS_TRY(EventTable::discardStaged(db));
            for (const char* sql : {"DELETE FROM reviews WHERE import_id=?1", "DELETE FROM import_rejects WHERE import_id=?1"}) {
                auto del = db.prepare(sql);
                if (!del) return del.error();
                del->bind(1, importId);
                SS_TRY(del->run());
            }
            notes += "already imported as import #" + std::to_string(earlier) + "; no rows added\n";
            duplicates += imported;
            imported = 0;
        } else {
            // The file's events, staged as they were read, go into the table in customer and time order.
            context.report(-1, stages::kSortingEvents);
            const auto mergeStart = std::chrono::steady_clock::now();
            SS_TRY(writer->flush(context));
            summary.indexSeconds += secondsSince(mergeStart);
        }
        const double seconds = secondsSince(fileStart);
        updateImport->bind(1, importId).bind(2, fingerprint).bind(3, seconds).bind(4, session.rowsRead())
            .bind(5, imported).bind(6, *previous ? std::int64_t(0) : session.rowsRejected())
            .bind(7, *previous ? std::int64_t(0) : session.rowsFlagged()).bind(8, duplicates).bind(9, notes);
        SS_TRY(updateImport->run());

        ImportReport report;
        report.id = importId;
        report.format = formatName;
        report.path = file.string();
        report.fingerprint = fingerprint;
        report.started = now;
        report.seconds = seconds;
        report.rowsRead = session.rowsRead();
        report.rowsImported = imported;
        report.rowsRejected = *previous ? 0 : session.rowsRejected();
        report.rowsFlagged = *previous ? 0 : session.rowsFlagged();
        report.rowsDuplicate = duplicates;
        report.notes = notes;
        summary.rowsRead += report.rowsRead;
        summary.rowsImported += imported;
        summary.rowsRejected += report.rowsRejected;
        summary.rowsFlagged += report.rowsFlagged;
        summary.rowsDuplicate += duplicates;
        summary.files.push_back(std::move(report));
    }
    if (context.cancelled()) return makeError(ErrorCode::Cancelled, "import cancelled; the project is unchanged");
    context.report(-1, stages::kBuildingIndexes);
    SS_TRY(Schema::catchUpTextIndex(db));
    if (rebuildIndexes) {
        const auto indexStart = std::chrono::steady_clock::now();
        SS_TRY(EventTable::createIndexes(db, droppedIndexes));
        summary.indexSeconds += secondsSince(indexStart);
    }
    // Retention and survival read every customer's events from the activity summary: kept current here
    // (a catalog or review import leaves the events as they were, and the summary with them).
    auto after = EventTable::count(db);
    if (!after) return after.error();
    if (*summaryWasCurrent && *after == *before) {
        SS_TRY(ActivitySummary::keepForUnchangedEvents(db));
    } else {
        context.report(-1, stages::kSummarisingActivity);
        const auto summaryStart = std::chrono::steady_clock::now();
        SS_TRY(ActivitySummary::rebuild(db, context));
        summary.summarySeconds = secondsSince(summaryStart);
    }
    SS_TRY(tx.commit());

    // Rejects are read back after commit so the summary shows exactly what was stored.
    auto reports = (*project)->importReports(1000);
    if (reports) {
        for (auto& fileReport : summary.files)
            for (auto& stored : *reports)
                if (stored.id == fileReport.id) fileReport.rejects = std::move(stored.rejects);
    }
    summary.seconds = secondsSince(start);
    context.report(1.0, stages::kDone);
    return summary;
}

}  // namespace

}  // namespace ss
