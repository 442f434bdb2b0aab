#include "CancelSignal.h"

#include <csignal>
#include <pthread.h>
#include <optional>
#include <thread>

namespace ss::cli {
namespace {
std::stop_source& source() {
    static std::stop_source s;
    return s;
}
}  // namespace

void installCancelSignal() {
    // Block the signals in every thread and wait for them in one: request_stop() is not
    // async-signal-safe, so it must not run inside a handler.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    std::thread([set] {
        int signal = 0;
        if (sigwait(&set, &signal) == 0) source().request_stop();
    }).detach();
}

namespace {
std::optional<std::stop_token>& adopted() {
    static std::optional<std::stop_token> token;
    return token;
}
}  // namespace

std::stop_token cancelToken() { return adopted() ? *adopted() : source().get_token(); }

void adoptCancelToken(std::stop_token token) { adopted() = std::move(token); }

}  // namespace ss::cli
