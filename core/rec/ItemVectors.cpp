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
    // Rows go straight to their dense index: a four-million-item catalog's vectors are gigabytes, and
    // holding them twice would double the peak.
    ItemVectorSet set;
    set.model = fingerprint;
    std::vector<char> have(data.itemCount(), 0);
    DenseMatrix vectors;
    SS_TRY(store.forEach([&](std::int64_t id, std::span<const float> vector) {
        if (vectors.cols == 0) vectors = DenseMatrix(static_cast<int>(data.itemCount()), static_cast<int>(vector.size()));
        const auto index = data.itemIndex(id);
        if (!index) return;
        std::memcpy(vectors.row(*index), vector.data(), vector.size_bytes());
        have[*index] = 1;
    }));
    if (vectors.cols == 0) return makeError(ErrorCode::InputData, "no item vectors in the cache for " + fingerprint, path.string());
    for (char h : have) set.missing += h ? 0 : 1;
    set.vectors = std::make_shared<const DenseMatrix>(std::move(vectors));
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
