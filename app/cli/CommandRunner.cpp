#include "CommandRunner.h"

#include <cstdio>

namespace ss::cli {

int exitCodeFor(const Error& e) {
    switch (e.code) {
    case ErrorCode::Usage: return 1;
    case ErrorCode::InputData:
    case ErrorCode::Io:
    case ErrorCode::Unsupported: return 2;
    case ErrorCode::Cancelled: return 3;
    default: return 4;
    }
}

int runCommand(const Command& c, const std::vector<std::string>& args) {
    const Status status = c.run(args);
    if (status) return 0;
    std::fprintf(stderr, "shelfsense-cli %s: %s\n", c.name, status.error().describe().c_str());
    if (status.error().code == ErrorCode::Usage) std::fprintf(stderr, "usage: shelfsense-cli %s\n", c.synopsis);
    return exitCodeFor(status.error());
}

}  // namespace ss::cli
