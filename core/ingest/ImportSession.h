// ImportSession: the state of importing one file inside the caller's transaction — the line
// source, the writer, the counters, and the rejected or flagged rows (recorded with line and reason).
// Format parsers receive one and call reject()/flag()/imported(). One session per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/JobContext.h"
#include "io/LineReader.h"
#include "store/BulkWriter.h"
#include "store/Database.h"
#include "store/EventType.h"

namespace ss {

struct ImportOptions {
    bool dropOutsideWindow = false;  // rows outside a format's documented collection window
    std::vector<std::pair<std::string, std::string>> columnMap;  // csv: column (name or 1-based index) → field
    std::optional<EventType> defaultEventType;                   // csv events without a type column
    std::int64_t now = 0;  // "in the future" means after this (unix seconds); 0 = the clock
};

class ImportSession {
public:
    ImportSession(BulkWriter& writer, LineReader& lines, const ImportOptions& options, const JobContext& context,
                  std::string formatName);

    BulkWriter& writer() { return writer_; }
    LineReader& lines() { return lines_; }
    const ImportOptions& options() const { return options_; }
    const std::string& fileName() const { return fileName_; }

    void countRead() { ++rowsRead_; }
    void imported(std::int64_t n = 1) { rowsImported_ += n; }
    void duplicate() { ++rowsDuplicate_; }
    Status reject(std::int64_t line, std::string_view field, std::string reason);
    // A row kept but flagged: counted always, listed in import_rejects only for the first
    // kFlaggedRowsListed of the file — Taobao's out-of-window rows are most of a full dump, and a
    // listed row each made a 20-million-event project 3.4 GB. Rejected rows are always all listed.
    Status flag(std::int64_t line, std::string_view field, std::string reason);
    static constexpr std::int64_t kFlaggedRowsListed = 1000;

    // Validates a unix time against the plausible range (1995 .. now); rejects the row otherwise.
    Result<bool> acceptTime(std::int64_t line, std::string_view field, std::int64_t time);
    // Validates UTF-8 of every field of a row; rejects the row otherwise.
    Result<bool> acceptUtf8(std::int64_t line, const std::vector<std::string_view>& fields,
                            const std::vector<std::string>& names);

    // Checked every few thousand rows by parsers: stops on cancel and on files of the wrong format.
    Status checkpoint();
    Status finish();  // final wrong-format / empty-file verdict

    std::int64_t rowsRead() const { return rowsRead_; }
    std::int64_t rowsImported() const { return rowsImported_; }
    std::int64_t rowsRejected() const { return rowsRejected_; }
    std::int64_t rowsFlagged() const { return rowsFlagged_; }
    std::int64_t rowsDuplicate() const { return rowsDuplicate_; }
    std::vector<std::string>& notes() { return notes_; }

private:
    Status record(std::int64_t line, std::string_view field, std::string reason, bool flaggedOnly);

    BulkWriter& writer_;
    LineReader& lines_;
    const ImportOptions& options_;
    const JobContext& context_;
    std::string format_, fileName_;
    std::int64_t rowsRead_ = 0, rowsImported_ = 0, rowsRejected_ = 0, rowsFlagged_ = 0, rowsDuplicate_ = 0;
    std::optional<std::string> firstReject_;
    std::vector<std::string> notes_;
    std::int64_t now_;
};

}  // namespace ss
