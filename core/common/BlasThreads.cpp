#include "common/BlasThreads.h"

#include <dlfcn.h>

#include <mutex>
#include <utility>
#include <vector>

namespace ss {

namespace {

using SetThreads = void (*)(int);
using GetThreads = int (*)();

SetThreads setFunction() {
    static const auto fn = reinterpret_cast<SetThreads>(::dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
    return fn;
}
GetThreads getFunction() {
    static const auto fn = reinterpret_cast<GetThreads>(::dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    return fn;
}

// The live holders in the order they came, with the count each asked for; the newest one's count is
// in force, and the count found before the first one comes back after the last.
std::mutex holdersMutex;
std::vector<std::pair<const BlasThreads*, int>> holders;
int countBeforeHolders = 0;

}  // namespace

bool BlasThreads::available() { return setFunction() && getFunction(); }

int BlasThreads::current() { return available() ? getFunction()() : 0; }

bool BlasThreads::set(int threads) {
    if (!available() || threads < 1) return false;
    setFunction()(threads);
    return true;
}

BlasThreads::BlasThreads(int threads) {
    if (!available() || threads < 1) return;
    std::lock_guard lock(holdersMutex);
    if (holders.empty()) countBeforeHolders = current();
    holders.emplace_back(this, threads);
    set(threads);
    held_ = true;
}

BlasThreads::~BlasThreads() {
    if (!held_) return;
    std::lock_guard lock(holdersMutex);
    std::erase_if(holders, [this](const auto& h) { return h.first == this; });
    set(holders.empty() ? countBeforeHolders : holders.back().second);
}

}  // namespace ss
