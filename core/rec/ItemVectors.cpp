#include "rec/ItemVectors.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>
#include <unordered_map>

#include "common/HugePages.h"
#include "common/JobStages.h"
#include "store/EmbeddingStore.h"
#include "store/Project.h"

#ifdef SS_REC_WITH_ENCODER
#include "embed/EncodeJob.h"
#include "embed/ModelLocator.h"
#include "embed/TextEncoder.h"
#endif

namespace ss::rec {

Result<ItemVectorSet> cachedItemVectors(const std::filesystem::path& path, const Dataset& data, const std::string& fingerprint,
                                        const JobContext& job) {
    auto project = Project::open(path, Database::Mode::ReadOnly);
    if (!project) return project.error();
    EmbeddingStore store((*project)->db(), fingerprint, "items");
    // Each distinct text's vector is read and held once (items with one text share its vector): a
    // catalogue of 4.16 million listings with 745 thousand titles reads and holds 1.1 GB, not 6.4 GB.
    job.report(0.0, stages::kReadingItemVectors);
    constexpr std::int32_t kNone = -1;
    const std::size_t items = data.itemCount();
    std::vector<std::int32_t> rowOfItem(items, kNone);
    std::unordered_map<std::string, std::int32_t> rowOfText;
    std::vector<float> values;  // the distinct rows, appended as they are met
    std::size_t dim = 0, seen = 0;
    SS_TRY(store.forEachText(
        [&](std::int64_t id, const std::string& textHash) {
            if ((++seen & 0xFFFF) == 0) job.report(std::min(1.0, double(seen) / double(std::max<std::size_t>(items, 1))), stages::kReadingItemVectors);
            const auto index = data.itemIndex(id);
            if (!index) return false;  // an item the dataset does not have
            const auto [at, added] = rowOfText.try_emplace(textHash, static_cast<std::int32_t>(rowOfText.size()));
            rowOfItem[static_cast<std::size_t>(*index)] = at->second;
            return added;
        },
        [&](std::int64_t, std::span<const float> vector) {  // the row just named: rows are appended in order
            dim = vector.size();
            if (values.size() + vector.size() > values.capacity()) {
                // Grown onto huge pages (advised before they are touched): the models read these
                // rows at random, and 4 KiB pages cost a TLB miss nearly every row.
                std::vector<float> grown;
                reserveHugePages(grown, std::max<std::size_t>({2 * values.capacity(), values.size() + vector.size(), std::size_t{1} << 20}));
                grown.assign(values.begin(), values.end());
                values.swap(grown);
            }
            values.insert(values.end(), vector.begin(), vector.end());
        }));
    if (dim == 0) return makeError(ErrorCode::InputData, "no item vectors in the cache for " + fingerprint, path.string());
    ItemVectorSet set;
    set.model = fingerprint;
    auto rows = static_cast<std::int32_t>(rowOfText.size());
    // Items without a vector share one zero row.
    for (auto& r : rowOfItem)
        if (r == kNone) r = rows, ++set.missing;
    if (set.missing > 0) values.resize(values.size() + dim, 0.0f), ++rows;
    set.vectors = std::make_shared<const ItemVectorTable>(DenseMatrix::adopt(rows, static_cast<int>(dim), std::move(values)), std::move(rowOfItem));
    job.report(1.0, stages::kReadingItemVectors);
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
        auto set = cachedItemVectors(path, data, summary->model, job);
        if (!set) return set.error();
        set->encodedNow = summary->encoded;
        set->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return set;
    }
#endif
    (void)job, (void)options;
    auto project = Project::open(path, Database::Mode::ReadOnly);
    if (!project) return project.error();
    auto models = EmbeddingStore::models((*project)->db(), "items");
    if (!models) return models.error();
    if (models->empty())
        return makeError(ErrorCode::InputData, "no item vectors in the project: run `shelfsense-cli encode --target items` first",
                         path.string());
    // The model with the most item vectors (the first by name on a tie); counted only when there is a choice.
    std::string model = models->front();
    if (models->size() > 1) {
        std::int64_t most = -1;
        for (const auto& candidate : *models) {
            auto n = EmbeddingStore((*project)->db(), candidate, "items").count();
            if (!n) return n.error();
            if (*n > most) most = *n, model = candidate;
        }
    }
    auto set = cachedItemVectors(path, data, model, job);
    if (!set) return set.error();
    set->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return set;
}

}  // namespace ss::rec
