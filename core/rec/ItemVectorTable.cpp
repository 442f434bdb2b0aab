#include "rec/ItemVectorTable.h"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <stdexcept>

namespace ss::rec {

ItemVectorTable::ItemVectorTable(DenseMatrix rows, std::vector<std::int32_t> rowOfItem) : rowOfItem_(std::move(rowOfItem)) {
    std::vector<std::int64_t> counts(static_cast<std::size_t>(rows.rows), 0);
    for (auto r : rowOfItem_) {
        if (r < 0 || r >= rows.rows) throw std::out_of_range("ItemVectorTable: an item's row is out of range");
        ++counts[static_cast<std::size_t>(r)];
    }
    if (std::find(counts.begin(), counts.end(), 0) != counts.end()) throw std::invalid_argument("ItemVectorTable: a row no item uses");
    distinct_.rows = std::move(rows);
    distinct_.offsets.assign(counts.size() + 1, 0);
    std::partial_sum(counts.begin(), counts.end(), distinct_.offsets.begin() + 1);
    distinct_.items.resize(rowOfItem_.size());
    std::vector<std::int64_t> next(distinct_.offsets.begin(), distinct_.offsets.end() - 1);
    for (std::size_t i = 0; i < rowOfItem_.size(); ++i)  // ascending items, so each run ascends
        distinct_.items[static_cast<std::size_t>(next[static_cast<std::size_t>(rowOfItem_[i])]++)] = static_cast<std::int32_t>(i);
}

ItemVectorTable ItemVectorTable::of(const DenseMatrix& perItem) {
    ItemVectorTable t;
    if (perItem.rows == 0) {
        t.distinct_.rows = DenseMatrix(0, perItem.cols);
        t.distinct_.offsets = {0};
        return t;
    }
    auto grouped = DistinctRows::of(perItem, 0.0);  // a share of 0 always groups
    t.distinct_ = std::move(*grouped);
    t.rowOfItem_ = t.distinct_.rowOfEachItem();
    return t;
}

double ItemVectorTable::repeatedShare() const {
    return empty() ? 0.0 : double(items() - distinct_.rows.rows) / double(items());
}

DenseMatrix ItemVectorTable::expanded() const {
    DenseMatrix out(items(), cols());
    const std::size_t bytes = static_cast<std::size_t>(cols()) * sizeof(float);
    for (int i = 0; i < items(); ++i) std::memcpy(out.row(i), row(i), bytes);
    return out;
}

std::vector<float> ItemVectorTable::inverseLengths() const {
    const auto perRow = inverseRowLengths(distinct_.rows);
    std::vector<float> out(rowOfItem_.size());
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = perRow[static_cast<std::size_t>(rowOfItem_[i])];
    return out;
}

}  // namespace ss::rec
