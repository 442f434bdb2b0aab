// ImportedResults: the project's table of results another engine computed (imported_results: kind,
// name, where it came from, when, payload) — written in one transaction, replacing the row of the
// same kind and name; and whether a project has the table at all (one opened read-only before its
// upgrade does not). Shared by the imports of ALS factors and cohort matrices. Any thread; `put`
// opens its own connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "Database.h"
#include "common/Result.h"

namespace ss {

class ImportedResults {
public:
    // Stores the payload and returns the time it was stamped with (unix seconds).
    static Result<std::int64_t> put(const std::filesystem::path& project, const std::string& kind, const std::string& name,
                                    const std::string& source, std::span<const std::byte> payload);
    static Result<bool> present(Database& db);
};

}  // namespace ss
