// shelfsense-cli: the scriptable twin of the workbench, on core alone (no Qt).
// Exit status: 0 success, 1 usage error, 2 input/data error, 3 cancelled (Ctrl-C), 4 other failure.

#include <cstdio>

#include <string>

#include <vector>

#include "CancelSignal.h"
#include "Command.h"

namespace {

int exitCode(const ss::Error& e) {
    switch (e.code) {
    case ss::ErrorCode::Usage: return 1;
    case ss::ErrorCode::InputData:
    case ss::ErrorCode::Io:
    case ss::ErrorCode::Unsupported: return 2;
    case ss::ErrorCode::Cancelled: return 3;
    default: return 4;
    }
}

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
        ss::Status status = c.run(args);
        if (status) return 0;
        std::fprintf(stderr, "shelfsense-cli %s: %s\n", c.name, status.error().describe().c_str());
        if (status.error().code == ss::ErrorCode::Usage) std::fprintf(stderr, "usage: shelfsense-cli %s\n", c.synopsis);
        return exitCode(status.error());
    }
    std::fprintf(stderr, "shelfsense-cli: unknown command '%s'\n\n", name.c_str());
    printUsage();
    return 1;
}
