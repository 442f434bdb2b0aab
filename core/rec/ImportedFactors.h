// ImportedFactors: ALS customer and item factors trained by another engine — cluster/als.py on Spark
// MLlib — as its folder holds them (model.json with the parameters and training range; users/ and
// items/ as JSON Lines of {"id", "features"}, Spark's part files), kept in the project's
// imported_results table by the shop's own ids with model.json as the record of where they came
// from, and laid onto a dataset's dense indices for the "als_imported" recommender. Reading a folder
// checks every record (file:line: field errors); storing is one transaction, so a failed import
// leaves the project as it was. Plain value; each call opens its own connection; any thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/Result.h"
#include "rec/Dataset.h"
#include "rec/Dense.h"
#include "rec/ImportedAls.h"

namespace ss::rec {

// How many of the factors' ids the project knows.
struct ImportedFactorsMatch {
    std::int64_t usersMatched = 0, usersUnknown = 0, itemsMatched = 0, itemsUnknown = 0;
};

class ImportedFactors {
public:
    static constexpr const char* kKind = "als_factors";

    std::string source;   // model.json as written
    std::string engine;   // "spark-mllib"
    int factors = 0;
    double alpha = 1.0, regularization = 0.01;
    bool regularizationScaledByPairs = false;
    std::optional<std::int64_t> trainedUntil;
    std::string weights;  // "view=1,cart=3,favourite=2,purchase=5" as model.json gives them
    std::vector<std::string> userIds, itemIds;
    DenseMatrix users, items;  // rows aligned with the ids
    std::int64_t imported = 0;

    // The job's output folder; every record checked.
    static Result<ImportedFactors> readFolder(const std::filesystem::path& folder);
    // model.json's text (from a folder, or as stored) into the parameters; `where` names it in errors.
    Status readSource(const std::string& text, const std::string& where);

    // Counts the ids the project has; an error when it has none of the customers or none of the
    // items (factors of another shop).
    Result<ImportedFactorsMatch> match(const std::filesystem::path& project) const;
    // Keeps them in the project (replacing earlier imported factors), stamped with the time now.
    Status store(const std::filesystem::path& project);
    // The kept factors; nullopt when none were imported.
    static Result<std::optional<ImportedFactors>> load(const std::filesystem::path& project);

    // Laid onto `data`'s dense users and items.
    std::shared_ptr<const ImportedAlsFactors> onto(const Dataset& data) const;
};

}  // namespace ss::rec
