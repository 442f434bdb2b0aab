// ItemVectorTable: a catalogue's item text vectors with each distinct vector held once. A marketplace
// lists one product in many shops under one title, and identical texts share one vector (EncodeJob),
// so 4.16 million listings of 745 thousand titles need 1.1 GB, not the 6.4 GB of a row per item; the
// content models score and train on the distinct rows directly. Built once (ItemVectors reads it
// from the project's cache); read-only afterwards, any thread.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "rec/DistinctRows.h"

namespace ss::rec {

class ItemVectorTable {
public:
    ItemVectorTable() = default;
    // `rows` holds each distinct vector once; rowOfItem[i] names item i's row (every row used).
    ItemVectorTable(DenseMatrix rows, std::vector<std::int32_t> rowOfItem);
    // The table of a matrix with one row per item: bit for bit equal rows become one.
    static ItemVectorTable of(const DenseMatrix& perItem);

    int items() const { return static_cast<int>(rowOfItem_.size()); }
    int cols() const { return distinct_.rows.cols; }
    bool empty() const { return rowOfItem_.empty(); }
    const float* row(int item) const { return distinct_.rows.row(rowOfItem_[static_cast<std::size_t>(item)]); }
    std::int32_t rowOf(int item) const { return rowOfItem_[static_cast<std::size_t>(item)]; }
    std::span<const std::int32_t> rowOfItem() const { return rowOfItem_; }
    // The distinct rows with the items of each (items ascending within a row's run).
    const DistinctRows& distinct() const { return distinct_; }
    // The distinct rows moved out (their pages as allocated: a copy would lose the huge pages).
    DistinctRows releaseDistinct() && { return std::move(distinct_); }
    // The share of items whose vector repeats another item's.
    double repeatedShare() const;
    // One row per item, as a model that needs them apart reads them (a copy: gigabytes at scale).
    DenseMatrix expanded() const;
    // 1 / each item's vector length (0 for a zero vector).
    std::vector<float> inverseLengths() const;

private:
    DistinctRows distinct_;
    std::vector<std::int32_t> rowOfItem_;
};

}  // namespace ss::rec
