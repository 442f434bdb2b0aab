#include "rec/DistinctRows.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "common/Hash.h"

namespace ss::rec {

std::vector<std::int32_t> DistinctRows::rowOfEachItem() const {
    std::vector<std::int32_t> rowOf(items.size());
    for (int r = 0; r < rows.rows; ++r)
        for (auto item : itemsOf(r)) rowOf[static_cast<std::size_t>(item)] = r;
    return rowOf;
}

std::optional<DistinctRows> DistinctRows::of(const DenseMatrix& m, double minRepeatedShare) {
    const int n = m.rows, d = m.cols;
    if (n == 0 || d == 0) return std::nullopt;
    const std::size_t bytes = static_cast<std::size_t>(d) * sizeof(float);
    // Rows sorted by a hash of their bytes (then by index), so equal rows sit together; rows of one
    // hash are told apart by their bytes, which a collision does not fool.
    std::vector<std::pair<std::uint64_t, std::int32_t>> byHash(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Fnv1a h;
        const auto* row = reinterpret_cast<const unsigned char*>(m.row(i));
        for (std::size_t b = 0; b + 8 <= bytes; b += 8) {
            std::uint64_t word;
            std::memcpy(&word, row + b, 8);
            h.addWord(word);
        }
        for (std::size_t b = bytes & ~std::size_t{7}; b < bytes; ++b) h.addByte(row[b]);
        byHash[static_cast<std::size_t>(i)] = {h.value(), i};
    }
    std::sort(byHash.begin(), byHash.end());
    // Each item's group, named by the group's first (smallest) item.
    std::vector<std::int32_t> firstOf(static_cast<std::size_t>(n));
    std::size_t distinct = 0;
    std::vector<std::int32_t> heads;  // the distinct rows met so far within one hash
    for (std::size_t s = 0; s < byHash.size();) {
        std::size_t e = s;
        while (e < byHash.size() && byHash[e].first == byHash[s].first) ++e;
        heads.clear();
        for (std::size_t k = s; k < e; ++k) {
            const std::int32_t item = byHash[k].second;
            auto same = std::find_if(heads.begin(), heads.end(), [&](std::int32_t h) { return std::memcmp(m.row(h), m.row(item), bytes) == 0; });
            if (same == heads.end()) heads.push_back(item), firstOf[static_cast<std::size_t>(item)] = item, ++distinct;
            else firstOf[static_cast<std::size_t>(item)] = *same;  // items ascend within a hash: *same is the smallest
        }
        s = e;
    }
    if (double(n - static_cast<std::int64_t>(distinct)) < minRepeatedShare * double(n)) return std::nullopt;
    DistinctRows out;
    out.rows = DenseMatrix(static_cast<int>(distinct), d);
    // Each item's distinct row, rows numbered in the order of their first item.
    std::vector<std::int32_t> rowOf(static_cast<std::size_t>(n));
    std::vector<std::int64_t> counts;
    counts.reserve(distinct);
    for (int i = 0; i < n; ++i) {
        const std::int32_t first = firstOf[static_cast<std::size_t>(i)];
        if (first == i) {
            std::memcpy(out.rows.row(static_cast<int>(counts.size())), m.row(i), bytes);
            counts.push_back(0);
        }
        rowOf[static_cast<std::size_t>(i)] = first == i ? static_cast<std::int32_t>(counts.size() - 1) : rowOf[static_cast<std::size_t>(first)];
        ++counts[static_cast<std::size_t>(rowOf[static_cast<std::size_t>(i)])];
    }
    out.offsets.assign(distinct + 1, 0);
    std::partial_sum(counts.begin(), counts.end(), out.offsets.begin() + 1);
    out.items.resize(static_cast<std::size_t>(n));
    std::vector<std::int64_t> next(out.offsets.begin(), out.offsets.end() - 1);
    for (int i = 0; i < n; ++i)  // ascending items, so each run ascends
        out.items[static_cast<std::size_t>(next[static_cast<std::size_t>(rowOf[static_cast<std::size_t>(i)])]++)] = i;
    return out;
}

}  // namespace ss::rec
