// Projection2D: principal-component projection of row vectors to two dimensions (covariance plus
// power iteration with deflation; deterministic). Pure function: any thread.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace ss {

struct Projection2D {
    std::vector<std::pair<float, float>> points;  // one per input row
    double explained[2] = {0, 0};                 // share of total variance per component
};

Projection2D projectPca2D(const std::vector<float>& rows, std::size_t dim);

}  // namespace ss
