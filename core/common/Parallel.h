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

// Sorts `v` by `less` with one thread per share (one per core, at most 8, once it holds at least
// `parallelFrom` elements): each share sorted on its own, then neighbouring runs merged. The order is
// std::sort's up to elements that compare equal (in either order there too).
template <typename T, typename Less>
void parallelSort(std::vector<T>& v, Less less, std::size_t parallelFrom = std::size_t(1) << 20, std::size_t requested = 0) {
    const std::size_t n = v.size();
    const std::size_t workers = workersFor(n, parallelFrom, requested);
    if (workers <= 1 || n < 2) {
        std::sort(v.begin(), v.end(), less);
        return;
    }
    const auto at = [&v](std::size_t i) { return v.begin() + static_cast<std::ptrdiff_t>(i); };
    forEachShare(n, workers, [&](std::size_t, std::size_t from, std::size_t to) { std::sort(at(from), at(to), less); });
    const std::size_t per = (n + workers - 1) / workers;  // forEachShare's share size
    for (std::size_t width = per; width < n; width *= 2)
        for (std::size_t from = 0; from + width < n; from += 2 * width) std::inplace_merge(at(from), at(from + width), at(std::min(n, from + 2 * width)), less);
}

}  // namespace ss
