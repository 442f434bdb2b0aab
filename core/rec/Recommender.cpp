#include "rec/Recommender.h"

#include <algorithm>

namespace ss::rec {

std::vector<Contribution> Recommender::explain(std::int32_t, std::int32_t, std::size_t) const { return {}; }

bool Recommender::coversUser(std::int32_t user) const {
    return train_ && user >= 0 && user < train_->users() && train_->weights.rowSize(user) > 0;
}

std::vector<Contribution> topContributions(std::vector<Contribution> all, std::size_t n) {
    auto better = [](const Contribution& a, const Contribution& b) { return a.value != b.value ? a.value > b.value : a.item < b.item; };
    if (all.size() > n) {
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(n), all.end(), better);
        all.resize(n);
    } else {
        std::sort(all.begin(), all.end(), better);
    }
    return all;
}

bool Recommender::restoreState(std::shared_ptr<const Interactions>, std::span<const std::byte>) { return false; }

}  // namespace ss::rec
