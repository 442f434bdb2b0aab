// Command: one CLI subcommand. run() writes its JSON or text result to stdout and progress to
// stderr and returns a Status; CommandRunner maps errors to the documented exit codes.
// Commands that need LibTorch live in a module loaded only when one of them runs (see
// ModelModule), so data commands start fast and never load torch. Main thread only.
#pragma once

#include <string>
#include <vector>

#include "common/Result.h"

namespace ss::cli {

struct Command {
    const char* name;
    const char* synopsis;
    Status (*run)(const std::vector<std::string>& args);  // nullptr: provided by the model module
};

// Every command, for dispatch and usage (model commands included, with run == nullptr when they
// live in the module).
const std::vector<Command>& commands();
// The model commands; compiled into the module (or into the executable without torch).
const std::vector<Command>& modelCommands();

// Implemented one per file.
Status runSample(const std::vector<std::string>& args);
Status runImport(const std::vector<std::string>& args);
Status runStats(const std::vector<std::string>& args);
Status runTokenize(const std::vector<std::string>& args);
Status runMetrics(const std::vector<std::string>& args);
Status runEvaluate(const std::vector<std::string>& args);
Status runRecommend(const std::vector<std::string>& args);
Status runCohorts(const std::vector<std::string>& args);
Status runSurvival(const std::vector<std::string>& args);
Status runSegments(const std::vector<std::string>& args);
Status runExport(const std::vector<std::string>& args);
Status runModel(const std::vector<std::string>& args);
Status runModels(const std::vector<std::string>& args);
#ifdef SHELFSENSE_WITH_TORCH
Status runEmbed(const std::vector<std::string>& args);
Status runEncode(const std::vector<std::string>& args);
Status runImportResults(const std::vector<std::string>& args);
Status runSimilar(const std::vector<std::string>& args);
Status runSearch(const std::vector<std::string>& args);
Status runSentiment(const std::vector<std::string>& args);
#endif

}  // namespace ss::cli
