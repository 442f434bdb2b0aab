#include "rec/ItemVectors.h"

#include <chrono>
#include <cstring>

#include "common/JobStages.h"
#include "store/EmbeddingStore.h"
#include "store/Project.h"

#ifdef SS_REC_WITH_ENCODER
#include "embed/EncodeJob.h"
#include "embed/ModelLocator.h"
#include "embed/TextEncoder.h"
#endif

namespace ss::rec {

Result<ItemVectorSet> cachedItemVectors(const std::filesystem::path& path, const Dataset& data, const std::string& fingerprint) {
    auto project = Project::open(path, Database::Mode::ReadOnly);
    if (!project) return project.error();
    EmbeddingStore store((*project)->db(), fingerprint, "items");
    auto matrix = store.loadAll();
    if (!matrix) return matrix.error();
    ItemVectorSet set;
    set.model = fingerprint;
    if (matrix->ids.empty()) return makeError(ErrorCode::InputData, "no item vectors in the cache for " + fingerprint, path.string());
    set.vectors = DenseMatrix(static_cast<int>(data.itemCount()), static_cast<int>(matrix->dim));
    std::vector<char> have(data.itemCount(), 0);
    for (std::size_t r = 0; r < matrix->ids.size(); ++r) {
        const auto index = data.itemIndex(matrix->ids[r]);
        if (!index) continue;
        std::memcpy(set.vectors.row(*index), matrix->values.data() + r * matrix->dim, matrix->dim * sizeof(float));
        have[*index] = 1;
    }
    for (char h : have) set.missing += h ? 0 : 1;
    return set;
}

Result<ItemVectorSet> loadItemVectors(const std::filesystem::path& path, const Dataset& data, const ItemVectorOptions& options,
                                      const JobContext& job) {
    const auto start = std::chrono::steady_clock::now();
#ifdef SS_REC_WITH_ENCODER
    if (!options.cachedOnly) {
        auto dir = ModelLocator::resolveOrDefault(options.modelDir);
        if (!dir) return dir.error();
        job.report(-1, stages::kLoadingEncoder);
        auto encoder = TextEncoder::load(*dir, options.encoder);
        if (!encoder) return encoder.error();
        auto summary = EncodeJob::run(path, *encoder, EncodeTarget::Items, job);
        if (!summary) return summary.error();
        auto set = cachedItemVectors(path, data, summary->model);
        if (!set) return set.error();
        set->encodedNow = summary->encoded;
        set->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return set;
    }
#endif
    (void)job, (void)options;
    auto project = Project::open(path, Database::Mode::ReadOnly);
    if (!project) return project.error();
    auto stmt = (*project)->db().prepare(
        "SELECT model FROM embeddings WHERE target='items' GROUP BY model ORDER BY count(*) DESC, model LIMIT 1");
    if (!stmt) return stmt.error();
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row)
        return makeError(ErrorCode::InputData, "no item vectors in the project: run `shelfsense-cli encode --target items` first",
                         path.string());
    const std::string model = stmt->columnText(0);
    auto set = cachedItemVectors(path, data, model);
    if (!set) return set.error();
    set->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return set;
}

}  // namespace ss::rec
