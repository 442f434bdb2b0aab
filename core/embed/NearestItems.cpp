#include "NearestItems.h"

#include <algorithm>
#include <cmath>

#include "common/TopN.h"
#include "store/Project.h"

namespace ss {

Result<NearestItems> NearestItems::load(const std::filesystem::path& path, const std::string& modelFingerprint) {
    auto project = Project::open(path);
    if (!project) return project.error();
    EmbeddingStore store((*project)->db(), modelFingerprint, "items");
    auto matrix = store.loadAll();
    if (!matrix) return matrix.error();
    return NearestItems(std::move(*matrix));
}

NearestItems::NearestItems(EmbeddingMatrix matrix) : matrix_(std::move(matrix)) {
    norms_.resize(matrix_.ids.size());
    for (std::size_t r = 0; r < matrix_.ids.size(); ++r) {
        double s = 0;
        for (std::size_t c = 0; c < matrix_.dim; ++c) {
            const double v = matrix_.values[r * matrix_.dim + c];
            s += v * v;
        }
        norms_[r] = s > 0 ? static_cast<float>(1.0 / std::sqrt(s)) : 0.0f;
    }
}

std::vector<std::pair<std::int64_t, float>> NearestItems::nearest(const std::vector<float>& query, std::size_t k,
                                                                  std::int64_t exclude) const {
    std::vector<std::pair<std::int64_t, float>> scored;
    if (query.size() != matrix_.dim || matrix_.ids.empty()) return scored;
    double qn = 0;
    for (float v : query) qn += double(v) * v;
    const float queryScale = qn > 0 ? static_cast<float>(1.0 / std::sqrt(qn)) : 0.0f;
    scored.reserve(matrix_.ids.size());
    for (std::size_t r = 0; r < matrix_.ids.size(); ++r) {
        if (matrix_.ids[r] == exclude) continue;
        const float* row = matrix_.values.data() + r * matrix_.dim;
        float dot = 0;
        for (std::size_t c = 0; c < matrix_.dim; ++c) dot += row[c] * query[c];
        scored.emplace_back(matrix_.ids[r], dot * norms_[r] * queryScale);
    }
    keepTopN(scored, k);  // ties by id: reproducible
    return scored;
}

std::vector<std::pair<std::int64_t, float>> NearestItems::similarTo(std::int64_t itemId, std::size_t k) const {
    const auto it = std::lower_bound(matrix_.ids.begin(), matrix_.ids.end(), itemId);
    if (it == matrix_.ids.end() || *it != itemId) return {};
    const std::size_t r = static_cast<std::size_t>(it - matrix_.ids.begin());
    std::vector<float> query(matrix_.values.begin() + static_cast<std::ptrdiff_t>(r * matrix_.dim),
                             matrix_.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * matrix_.dim));
    return nearest(query, k, itemId);
}

}  // namespace ss
