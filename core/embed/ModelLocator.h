// ModelLocator: finds model folders without any network access — the default model installed by
// scripts/install-model.sh under $XDG_DATA_HOME/shelfsense/models (override: SHELFSENSE_MODEL_DIR),
// a plain Hugging Face folder, or a hub cache entry (models--org--name/snapshots/<rev>/).
// Pure functions over the file system: any thread.
#pragma once

#include <filesystem>
#include <string>

#include "common/Result.h"

namespace ss {

class ModelLocator {
public:
    static constexpr const char* kDefaultModelName = "all-MiniLM-L6-v2";
    static std::filesystem::path modelsRoot();
    static Result<std::filesystem::path> defaultModel();
    // A folder with config.json, or a hub cache folder whose newest snapshot has one.
    static Result<std::filesystem::path> resolve(const std::filesystem::path& given);
    // The model a setting names: `folder` resolved, or the default model when it is empty.
    static Result<std::filesystem::path> resolveOrDefault(const std::filesystem::path& folder);
};

}  // namespace ss
