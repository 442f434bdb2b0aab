#include "SemanticCatalog.h"

#include "EncodeJob.h"
#include "Projection2D.h"
#include "common/JobStages.h"
#include "store/Project.h"

namespace ss {
namespace {

Result<std::vector<ItemHit>> describe(Project& project, const std::vector<std::pair<std::int64_t, float>>& hits) {
    CatalogQuery catalog(project.db());
    std::vector<ItemHit> out;
    for (const auto& [id, score] : hits) {
        auto item = catalog.byId(id);
        if (!item) return item.error();
        if (!*item) continue;
        ItemHit hit{std::move(**item), score};
        hit.cosine = score;
        hit.semanticRank = static_cast<int>(out.size()) + 1;
        out.push_back(std::move(hit));
    }
    return out;
}

// Runs `answer` on an up-to-date index and a fresh connection to `path`.
template <typename Answer>
auto withIndex(const std::filesystem::path& path, TextEncoder& encoder, const JobContext& context, Answer answer)
    -> decltype(answer(std::declval<const NearestItems&>(), std::declval<Project&>())) {
    auto index = SemanticCatalog::upToDateIndex(path, encoder, context);
    if (!index) return index.error();
    auto project = Project::open(path);
    if (!project) return project.error();
    return answer(*index, **project);
}

}  // namespace

Result<NearestItems> SemanticCatalog::upToDateIndex(const std::filesystem::path& project, TextEncoder& encoder, const JobContext& context) {
    auto encoded = EncodeJob::run(project, encoder, EncodeTarget::Items, context);
    if (!encoded) return encoded.error();
    return NearestItems::load(project, encoder.fingerprint());
}

Result<std::vector<ItemHit>> SemanticCatalog::search(const NearestItems& index, Project& project, TextEncoder& encoder,
                                                     const std::string& query, std::size_t k) {
    auto vectors = encoder.encode({query});
    if (!vectors) return vectors.error();
    return describe(project, index.nearest(vectors->front(), k));
}

Result<std::vector<ItemHit>> SemanticCatalog::similar(const NearestItems& index, Project& project, const std::string& externalItemId,
                                                      std::size_t k) {
    auto found = CatalogQuery(project.db()).byExternalId(externalItemId);
    if (!found) return found.error();
    if (!*found) return makeError(ErrorCode::InputData, "no item with id '" + externalItemId + "'", project.db().path().string());
    return describe(project, index.similarTo((*found)->id, k));
}

Result<CatalogMap> SemanticCatalog::map(const NearestItems& index, Project& project, const JobContext& context) {
    context.report(-1, stages::kProjecting);
    const auto projection = projectPca2D(index.matrix().values, index.dim());
    CatalogQuery catalog(project.db());
    CatalogMap out;
    out.explained[0] = projection.explained[0];
    out.explained[1] = projection.explained[1];
    for (std::size_t i = 0; i < projection.points.size(); ++i) {
        auto item = catalog.byId(index.matrix().ids[i]);
        if (!item) return item.error();
        if (*item) out.points.push_back({std::move(**item), projection.points[i].first, projection.points[i].second});
    }
    return out;
}

Result<std::vector<ItemHit>> SemanticCatalog::search(const std::filesystem::path& path, TextEncoder& encoder,
                                                     const std::string& query, std::size_t k, const JobContext& context) {
    return withIndex(path, encoder, context, [&](const NearestItems& index, Project& project) { return search(index, project, encoder, query, k); });
}

Result<std::vector<ItemHit>> SemanticCatalog::similar(const std::filesystem::path& path, TextEncoder& encoder,
                                                      const std::string& externalItemId, std::size_t k, const JobContext& context) {
    // An unknown id is said before any encoding is paid for.
    {
        auto project = Project::open(path);
        if (!project) return project.error();
        auto found = CatalogQuery((*project)->db()).byExternalId(externalItemId);
        if (!found) return found.error();
        if (!*found) return makeError(ErrorCode::InputData, "no item with id '" + externalItemId + "'", path.string());
    }
    return withIndex(path, encoder, context, [&](const NearestItems& index, Project& project) { return similar(index, project, externalItemId, k); });
}

Result<CatalogMap> SemanticCatalog::map(const std::filesystem::path& path, TextEncoder& encoder, const JobContext& context) {
    return withIndex(path, encoder, context, [&](const NearestItems& index, Project& project) { return map(index, project, context); });
}

}  // namespace ss
