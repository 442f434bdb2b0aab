// Parallel shares: how core engines spread independent customers over a few threads inside one job.
// The range [0, n) is cut into contiguous shares; share 0 runs on the calling thread (which alone may
// report progress), the others on helper threads joined before returning. Any thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace ss {

// `requested` workers when given (tests pin it), else one per core (at most 8) once the range holds
// at least `parallelFrom` elements, else one.
inline std::size_t workersFor(std::size_t n, std::size_t parallelFrom, std::size_t requested = 0) {
    if (requested > 0) return requested;
    if (n < parallelFrom) return 1;
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// Calls work(share, from, to) for each of `workers` contiguous shares of [0, n).
template <typename Work>
void forEachShare(std::size_t n, std::size_t workers, Work&& work) {
    workers = std::max<std::size_t>(1, workers);
    const std::size_t per = (n + workers - 1) / workers;
    auto bounds = [&](std::size_t w) { return std::pair{std::min(n, w * per), std::min(n, (w + 1) * per)}; };
    std::vector<std::thread> helpers;
    for (std::size_t w = 1; w < workers; ++w) {
        const auto share = bounds(w);  // a pair, not a structured binding: clang 14 cannot capture those
        helpers.emplace_back([&work, w, share] { work(w, share.first, share.second); });
    }
    const auto [from, to] = bounds(0);
    work(std::size_t{0}, from, to);
    for (auto& t : helpers) t.join();
}

}  // namespace ss
