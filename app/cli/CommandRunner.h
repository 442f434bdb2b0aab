// CommandRunner: runs one Command and turns its Status into the documented exit status, printing
// the error (and the synopsis for usage errors) on stderr. Shared by the executable and the model
// module. Main thread only.
#pragma once

#include <string>
#include <vector>

#include "Command.h"

namespace ss::cli {

int exitCodeFor(const Error& error);
int runCommand(const Command& command, const std::vector<std::string>& args);

}  // namespace ss::cli
