// DistinctRows: an item matrix's rows each kept once, with the items that share each. A marketplace
// lists one product in many shops under the same title, the encoder gives those listings one vector
// (EncodeJob shares the vectors of identical texts), and a model that scores items by that vector
// then scores each distinct row once: on a catalogue of 4.16 million listings of 436 thousand titles,
// a customer's list reads 0.67 GB instead of 6.4 GB. Built once by the model that owns it; read-only
// afterwards, any thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "rec/Dense.h"

namespace ss::rec {

struct DistinctRows {
    DenseMatrix rows;                    // each distinct row once, in the order of its first item
    std::vector<std::int64_t> offsets;   // rows.rows + 1: row r's items are items[offsets[r], offsets[r + 1])
    std::vector<std::int32_t> items;     // every item once, ascending within each row's run

    std::span<const std::int32_t> itemsOf(int row) const {
        return {items.data() + offsets[static_cast<std::size_t>(row)],
                static_cast<std::size_t>(offsets[static_cast<std::size_t>(row) + 1] - offsets[static_cast<std::size_t>(row)])};
    }

    // Each item's row (the inverse of the grouping).
    std::vector<std::int32_t> rowOfEachItem() const;

    // The distinct rows of m (bit for bit equal rows are one), or nothing when fewer than
    // `minRepeatedShare` of its rows repeat an earlier one: then scoring them apart saves too little.
    static std::optional<DistinctRows> of(const DenseMatrix& m, double minRepeatedShare);
};

}  // namespace ss::rec
