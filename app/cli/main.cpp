// shelfsense-cli: the scriptable twin of the workbench, on core alone (no Qt).
// Exit status: 0 success, 1 usage error, 2 input/data error, 3 cancelled (Ctrl-C), 4 other failure.

#include <cstdio>

#include <string>

#include <vector>

#include "CancelSignal.h"
#include "Command.h"
#include "CommandRunner.h"
#include "ModelModule.h"

namespace {

void printUsage() {
    std::fprintf(stderr, "usage: shelfsense-cli COMMAND [OPTIONS]\n\ncommands:\n");
    for (const auto& c : ss::cli::commands()) std::fprintf(stderr, "  %-10s %s\n", c.name, c.synopsis);
    std::fprintf(stderr, "\nMachine-readable output with --json (stdout); progress on stderr.\n"
                         "Exit status: 0 ok, 1 usage, 2 input/data error, 3 cancelled.\n");
}

}  // namespace

int main(int argc, char** argv) {
    ss::cli::installCancelSignal();
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h" || std::string(argv[1]) == "help") {
        printUsage();
        return argc < 2 ? 1 : 0;
    }
    const std::string name = argv[1];
    for (const auto& c : ss::cli::commands()) {
        if (name != c.name) continue;
        const std::vector<std::string> args(argv + 2, argv + argc);
        return c.run ? ss::cli::runCommand(c, args) : ss::cli::runModelCommand(c.name, args);
    }
    std::fprintf(stderr, "shelfsense-cli: unknown command '%s'\n\n", name.c_str());
    printUsage();
    return 1;
}
