// Lbfgs: limited-memory BFGS for smooth convex objectives (the logistic regressions here), with a
// backtracking line search that keeps the Armijo condition. Stateless function; any thread.
#pragma once

#include <functional>
#include <vector>

namespace ss::sentiment {

struct LbfgsOptions {
    int memory = 10;
    int maxIterations = 300;
    double gradientTolerance = 1e-5;  // stop when max |g| <= tolerance * max(1, max |x|)
};

struct LbfgsResult {
    int iterations = 0;
    double value = 0;
    bool converged = false;
};

// objective(x, gradient) returns f(x) and fills gradient (same size as x). `x` starts at the initial
// point and ends at the minimiser found. `stop` (optional) is asked between iterations.
LbfgsResult minimizeLbfgs(std::vector<double>& x, const std::function<double(const std::vector<double>&, std::vector<double>&)>& objective,
                          const LbfgsOptions& options = {}, const std::function<bool()>& stop = {});

}  // namespace ss::sentiment
