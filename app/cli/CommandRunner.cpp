#include "CommandRunner.h"

#include <atomic>
#include <cstdio>

#include "CancelSignal.h"
#include "store/Database.h"

namespace ss::cli {
namespace {

// A command that waits for another writer says so once, and Ctrl-C stops the wait.
void sayWhenWaitingForTheProject(const char* command) {
    static std::atomic<bool> said{false};
    Database::setBusyObserver([command](const std::filesystem::path& file, std::chrono::milliseconds) {
        if (!said.exchange(true)) {
            std::fprintf(stderr, "shelfsense-cli %s: waiting: another program is writing to %s (Ctrl-C stops waiting)\n",
                         command, file.string().c_str());
        }
        return !cancelToken().stop_requested();
    });
}

}  // namespace

int exitCodeFor(const Error& e) {
    switch (e.code) {
    case ErrorCode::Usage: return 1;
    case ErrorCode::InputData:
    case ErrorCode::Io:
    case ErrorCode::Unsupported: return 2;
    case ErrorCode::Cancelled: return 3;
    case ErrorCode::Storage: return 4;
    default: return 5;
    }
}

int runCommand(const Command& c, const std::vector<std::string>& args) {
    sayWhenWaitingForTheProject(c.name);
    const Status status = c.run(args);
    if (status) return 0;
    std::fprintf(stderr, "shelfsense-cli %s: %s\n", c.name, status.error().describe().c_str());
    if (status.error().code == ErrorCode::Usage) std::fprintf(stderr, "usage: shelfsense-cli %s\n", c.synopsis);
    return exitCodeFor(status.error());
}

}  // namespace ss::cli
