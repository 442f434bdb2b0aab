// shelfsense-cli: the scriptable twin of the workbench, on core alone (no Qt).
// Exit status: 0 success, 1 usage error, 2 input/data error, 3 cancelled (Ctrl-C), 4 the project file could not be written
// (disk full, read-only, held by another program; nothing was changed), 5 other failure.

#include <cstdio>

#include <string>

#include <vector>

#include "CancelSignal.h"
#include "common/BuildInfo.h"
#include "Command.h"
#include "CommandRunner.h"
#include "ModelModule.h"
#include "rec/RecommenderCatalog.h"

namespace {

// To stdout when asked for (--help), to stderr after a usage error.
void printUsage(std::FILE* to) {
    std::fprintf(to, "usage: shelfsense-cli COMMAND [OPTIONS]\n"
                     "       shelfsense-cli COMMAND --help\n"
                     "       shelfsense-cli --version\n\ncommands:\n");
    for (const auto& c : ss::cli::commands()) std::fprintf(to, "  %-10s %s\n", c.name, c.synopsis);
    std::fprintf(to, "\nMachine-readable output with --json (stdout); progress on stderr.\n"
                     "Exit status: 0 ok, 1 usage, 2 input/data error (also a damaged or foreign project file),\n"
                     "3 cancelled, 4 project file not writable now (disk full, read-only, busy; nothing changed),\n"
                     "5 other failure.\n");
}

}  // namespace

int main(int argc, char** argv) {
    ss::cli::installCancelSignal();
    if (argc < 2) {
        printUsage(stderr);
        return 1;
    }
    const std::string name = argv[1];
    if (name == "--help" || name == "-h" || name == "help") {
        printUsage(stdout);
        return 0;
    }
    if (name == "--version" || name == "version") {
        std::printf("shelfsense-cli %s\n", ss::BuildInfo::describe().c_str());
        return 0;
    }
    for (const auto& c : ss::cli::commands()) {
        if (name != c.name) continue;
        const std::vector<std::string> args(argv + 2, argv + argc);
        for (const auto& a : args)
            if (a == "--help" || a == "-h") {
                std::printf("usage: shelfsense-cli %s\n", c.synopsis);
                // The commands that take --recommender(s) and --param list what they accept.
                if (name == "evaluate" || name == "recommend") std::printf("\n%s", ss::rec::describeRecommenders().c_str());
                return 0;
            }
        return c.run ? ss::cli::runCommand(c, args) : ss::cli::runModelCommand(c.name, args);
    }
    std::fprintf(stderr, "shelfsense-cli: unknown command '%s'\n\n", name.c_str());
    printUsage(stderr);
    return 1;
}
