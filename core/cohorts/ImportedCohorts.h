// ImportedCohorts: retention matrices computed by another engine — cluster/cohorts.py in Spark SQL —
// brought into the project as stored results, each labelled with where it came from. The job writes
// the cells in the long format (cohort,size,column,count,complete) and, beside them in FILE.json,
// the definition it implemented, the data's end and the customers in any cohort. Reading checks
// every line (file:line: field errors); rates, Wilson intervals and the mean row are then derived
// exactly as the engine derives them (CohortMatrix::finish). Kept in the imported_results table by
// name; a new import of the same name replaces it, all or nothing. Each call opens its own
// connection; any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "CohortMatrix.h"
#include "common/Result.h"

namespace ss {

struct ImportedCohortMatrix {
    std::string name;
    std::string engine;    // "spark-sql"
    std::string source;    // the job's FILE.json as written: where the matrix came from
    std::int64_t imported = 0;  // unix seconds
    CohortMatrix matrix;   // purchases and revenue per customer are not computed by the job (NaN)
};

class ImportedCohorts {
public:
    static constexpr const char* kKind = "cohort_matrix";

    // FILE (the cells) and FILE.json (the definition); `name` defaults to the file's stem.
    static Result<ImportedCohortMatrix> readFile(const std::filesystem::path& csv, std::string name = {});
    static Status store(const std::filesystem::path& project, ImportedCohortMatrix& imported);
    // Every stored matrix (without its cells' derivation repeated: as kept), oldest import first.
    static Result<std::vector<ImportedCohortMatrix>> list(const std::filesystem::path& project);
    static Result<std::optional<ImportedCohortMatrix>> load(const std::filesystem::path& project, const std::string& name);
};

}  // namespace ss
