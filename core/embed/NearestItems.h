// NearestItems: cosine nearest neighbours over a project's cached item vectors (one model's),
// computed as blocked dot products with a partial top-k. Immutable after load: any thread may query.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "common/Result.h"
#include "store/EmbeddingStore.h"

namespace ss {

class NearestItems {
public:
    static Result<NearestItems> load(const std::filesystem::path& project, const std::string& modelFingerprint);
    explicit NearestItems(EmbeddingMatrix matrix);

    // (item id, cosine) best first; `exclude` (an item id) is left out.
    std::vector<std::pair<std::int64_t, float>> nearest(const std::vector<float>& query, std::size_t k,
                                                        std::int64_t exclude = 0) const;
    std::vector<std::pair<std::int64_t, float>> similarTo(std::int64_t itemId, std::size_t k) const;
    std::size_t size() const { return matrix_.ids.size(); }
    std::size_t dim() const { return matrix_.dim; }
    const EmbeddingMatrix& matrix() const { return matrix_; }

private:
    EmbeddingMatrix matrix_;
    std::vector<float> norms_;
};

}  // namespace ss
