// The model module's entry point: runs one model command with the executable's cancel token.
#include <stop_token>
#include <string>
#include <vector>

#include "CancelSignal.h"
#include "Command.h"
#include "CommandRunner.h"

extern "C" __attribute__((visibility("default"))) int shelfsense_models_run(const char* name,
                                                                             const std::vector<std::string>* args,
                                                                             const std::stop_token* cancel) {
    ss::cli::adoptCancelToken(*cancel);
    for (const auto& c : ss::cli::modelCommands())
        if (std::string(c.name) == name) return ss::cli::runCommand(c, *args);
    return 1;
}
