// compareRankings (TorchKernels.h): the two-tower's epoch-by-epoch comparison of held-out rankings.
// Plain C++; any thread.
#include <cmath>

#include "rec/torch/TorchKernels.h"

namespace ss::rec::torchkernels {

RankingVerdict compareRankings(const std::vector<double>& now, const std::vector<double>& best) {
    const auto n = static_cast<double>(now.size());
    if (now.empty() || now.size() != best.size()) return RankingVerdict::Level;
    double mean = 0, squares = 0;
    for (std::size_t i = 0; i < now.size(); ++i) mean += now[i] - best[i];
    mean /= n;
    for (std::size_t i = 0; i < now.size(); ++i) squares += (now[i] - best[i] - mean) * (now[i] - best[i] - mean);
    const double standardError = now.size() > 1 ? std::sqrt(squares / (n - 1) / n) : 0.0;
    if (mean > standardError) return RankingVerdict::Better;
    if (mean < -2 * standardError) return RankingVerdict::ClearlyWorse;
    return RankingVerdict::Level;
}

}  // namespace ss::rec::torchkernels
