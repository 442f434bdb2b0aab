#include "eval/GroundTruth.h"

#include <algorithm>

namespace ss {

void GroundTruth::add(const std::string& user, const std::string& item, std::optional<double> rating) {
    const double value = rating.value_or(1.0);
    auto& items = users_[user];
    const auto [it, inserted] = items.try_emplace(item, value);
    if (inserted)
        ++pairs_;
    else
        it->second = std::max(it->second, value);
}

const GroundTruth::Items* GroundTruth::find(const std::string& user) const {
    const auto it = users_.find(user);
    return it == users_.end() ? nullptr : &it->second;
}

}  // namespace ss
