// TopN: the n best of scored candidates, in the one order every ranked list of ShelfSense uses —
// higher score first, equal scores by the smaller id (a dense index or a store id), NaN scores left
// out (they have no place in an order). Reproducible on every machine and library. Any thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <utility>
#include <vector>

namespace ss {

template <typename Score, typename Id>
constexpr bool ranksBefore(Score scoreA, Id idA, Score scoreB, Id idB) {
    return scoreA != scoreB ? scoreA > scoreB : idA < idB;
}

// Keeps the n best of `candidates`, best first. `id(c)` and `score(c)` read a candidate.
template <typename T, typename IdOf, typename ScoreOf>
void keepTopN(std::vector<T>& candidates, std::size_t n, IdOf id, ScoreOf score) {
    std::erase_if(candidates, [&](const T& c) {
        const auto s = score(c);
        return s != s;  // NaN
    });
    auto before = [&](const T& a, const T& b) { return ranksBefore(score(a), id(a), score(b), id(b)); };
    if (candidates.size() > n) {
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(n), candidates.end(), before);
        candidates.resize(n);
    } else {
        std::sort(candidates.begin(), candidates.end(), before);
    }
}

// (id, score) pairs.
template <typename Id, typename Score>
void keepTopN(std::vector<std::pair<Id, Score>>& candidates, std::size_t n) {
    keepTopN(candidates, n, [](const auto& c) { return c.first; }, [](const auto& c) { return c.second; });
}

}  // namespace ss
