// ModelCache: trained models kept in the project (table trained_models) so that serving — the
// Recommendations screen, `shelfsense-cli recommend` — does not retrain a model it trained before on
// the same data. A state is found only under the same key: model, its parameters and state layout,
// the data's fingerprint, the behaviour weights, the seed and the item-vector model. The newest few
// states per recommender are kept; a state is stored in parts of at most kPartBytes (one SQLite value
// stops at 1 GB; ALS on four million items is larger). Any thread; each call opens its own connection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/Result.h"
#include "rec/Recommender.h"

namespace ss::rec {

struct ModelCacheKey {
    std::string dataFingerprint, weights, vectorsModel;
    std::uint64_t seed = 0;
};

class ModelCache {
public:
    static constexpr int kKeepPerRecommender = 3;
    static constexpr std::size_t kPartBytes = std::size_t(256) << 20;

    static std::string key(const Recommender& model, const ModelCacheKey& context);
    static Result<std::optional<std::vector<std::byte>>> find(const std::filesystem::path& project, const std::string& key);
    // partBytes: the largest part (tests store small states in many parts).
    static Status store(const std::filesystem::path& project, const std::string& key, const std::string& recommender,
                        std::span<const std::byte> state, std::size_t partBytes = kPartBytes);
};

}  // namespace ss::rec
