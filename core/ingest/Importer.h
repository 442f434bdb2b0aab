// Importer: the import job. Opens the project, runs one format over one or more files inside a
// single transaction, stores an import report per file, and commits only if everything succeeded:
// a failed or cancelled import leaves the project file exactly as it was. A file already imported
// (same content fingerprint and format) is skipped, so re-importing duplicates nothing.
// Runs on a worker thread (or the CLI's main thread); opens its own connection.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "ImportSession.h"
#include "common/JobContext.h"
#include "store/Project.h"

namespace ss {

enum class ImportFormat { Taobao, RetailRocket, AmazonReviews, AmazonMeta, Transactions, Csv };

std::optional<ImportFormat> parseImportFormat(std::string_view name);
std::string_view importFormatName(ImportFormat format);
// Guesses a format from a file's first line (for the import wizard); nullopt when unsure.
std::optional<ImportFormat> detectImportFormat(const std::filesystem::path& file);

struct ImportRequest {
    std::filesystem::path project;
    ImportFormat format = ImportFormat::Csv;
    std::vector<std::filesystem::path> files;
    ImportOptions options;
};

struct ImportSummary {
    std::vector<ImportReport> files;  // one report per file (rejects limited to the first 1000)
    std::int64_t rowsRead = 0, rowsImported = 0, rowsRejected = 0, rowsFlagged = 0, rowsDuplicate = 0;
    double seconds = 0;
    double indexSeconds = 0;  // part of seconds spent putting events in customer and time order and rebuilding indexes
    double summarySeconds = 0;  // part of seconds spent rebuilding the activity summary (retention reads it)
};

class Importer {
public:
    static Result<ImportSummary> run(const ImportRequest& request, const JobContext& context);
};

}  // namespace ss
