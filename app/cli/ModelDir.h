// Resolves the model folder for CLI commands: --model DIR, else the default model installed by
// scripts/install-model.sh (core ModelLocator). Main thread only.
#pragma once

#include <filesystem>

#include "ArgParser.h"
#include "common/Result.h"
#include "embed/ModelLocator.h"

namespace ss::cli {

inline Result<std::filesystem::path> modelDir(const ArgParser& parser) {
    return ModelLocator::resolveOrDefault(parser.value("model").value_or(std::string()));
}

}  // namespace ss::cli
