// Item texts for the word-based content model: each item's title, description and category (the text
// the sentence encoder reads), laid out by dense item index; and loadItemInputs(), which loads what a
// list of recommenders reads of the items (encoder vectors, texts, both or neither). Both run on the
// calling worker thread with their own connections.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "rec/Dataset.h"
#include "rec/Factory.h"
#include "rec/ItemVectors.h"

namespace ss::rec {

Result<ItemTextSet> loadItemTexts(const std::filesystem::path& project, const Dataset& data, const JobContext& job);

// What the recommenders of one evaluation or benchmark read besides the interactions, owned.
struct LoadedItemInputs {
    std::optional<ItemVectorSet> vectors;
    std::optional<ItemTextSet> texts;
    std::shared_ptr<const ImportedAlsFactors> importedAls;
    ModelInputs view() const { return {vectors ? &*vectors : nullptr, texts ? &*texts : nullptr, importedAls}; }
};

// The project's imported ALS factors laid onto `data`; null when none were imported.
Result<std::shared_ptr<const ImportedAlsFactors>> loadImportedAls(const std::filesystem::path& project, const Dataset& data);

// Loads the vectors when one of `recommenders` needs them (as `vectorOptions` say), the texts when
// one reads them, and the imported factors when one serves them.
Result<LoadedItemInputs> loadItemInputs(const std::filesystem::path& project, const Dataset& data,
                                        const std::vector<std::string>& recommenders, const RecommenderConfig& config,
                                        const ItemVectorOptions& vectorOptions, const JobContext& job);

}  // namespace ss::rec
