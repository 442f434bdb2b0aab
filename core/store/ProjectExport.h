// ProjectExport: a project's events, items, customers (with their properties) and reviews written
// to a folder as CSV or JSON Lines, with a manifest (manifest.json: what each file holds, its
// columns and rows, the project and its time zone) — what another engine (Spark, DuckDB, pandas)
// reads. Customers and items are named by the shop's own ids, so results map back on import.
// The folder must be new or empty, or hold an earlier export (replaced only when asked): files
// that are not ours are never touched. Files are written under temporary names and renamed when
// all are complete, so a failed or cancelled export leaves no partial tables. Call on one thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "Database.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

class ProjectExport {
public:
    enum class Format { Csv, JsonLines };
    struct Table {
        std::string name, file;
        std::vector<std::string> columns;
        std::int64_t rows = 0;
    };
    struct Manifest {
        Format format = Format::Csv;
        std::vector<Table> tables;
    };

    static constexpr const char* kManifestFile = "manifest.json";

    static Result<Manifest> write(Database& db, const std::filesystem::path& folder, Format format, bool replace,
                                  const JobContext& job = {});
};

}  // namespace ss
