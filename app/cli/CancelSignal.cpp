#include "CancelSignal.h"

#include <csignal>
#include <pthread.h>
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

std::stop_token cancelToken() { return source().get_token(); }

}  // namespace ss::cli
