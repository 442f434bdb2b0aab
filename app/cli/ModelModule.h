// ModelModule: loads the model commands (LibTorch encoder and recommenders) from the shared module
// next to the executable, or in ../lib/shelfsense when installed, on first use. Main thread only.
#pragma once

#include <string>
#include <vector>

namespace ss::cli {

// Runs a model command in the module; returns the command's exit status.
int runModelCommand(const std::string& name, const std::vector<std::string>& args);

}  // namespace ss::cli
