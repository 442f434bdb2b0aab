#include "rec/ItemTexts.h"

#include <chrono>

#include "rec/ImportedFactors.h"
#include "store/Project.h"

namespace ss::rec {

Result<ItemTextSet> loadItemTexts(const std::filesystem::path& path, const Dataset& data, const JobContext& job) {
    const auto start = std::chrono::steady_clock::now();
    auto project = Project::open(path, Database::Mode::ReadOnly);
    if (!project) return project.error();
    auto select = (*project)->db().prepare(
        "SELECT id, trim(coalesce(title,'') || ' ' || coalesce(description,'') || ' ' || coalesce(category,'')) FROM items");
    if (!select) return select.error();
    auto texts = std::make_shared<std::vector<std::string>>(data.itemCount());
    for (std::int64_t row = 0;; ++row) {
        if ((row & 0xFFFF) == 0 && job.cancelled()) return makeError(ErrorCode::Cancelled, "reading the item texts was cancelled");
        auto step = select->step();
        if (!step) return step.error();
        if (!*step) break;
        if (const auto index = data.itemIndex(select->columnInt(0))) (*texts)[static_cast<std::size_t>(*index)] = select->columnText(1);
    }
    ItemTextSet set;
    for (const auto& text : *texts) set.missing += text.empty() ? 1 : 0;
    set.texts = std::move(texts);
    set.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return set;
}

Result<std::shared_ptr<const ImportedAlsFactors>> loadImportedAls(const std::filesystem::path& project, const Dataset& data) {
    auto kept = ImportedFactors::load(project);
    if (!kept) return kept.error();
    if (!*kept) return std::shared_ptr<const ImportedAlsFactors>();
    return (*kept)->onto(data);
}

Result<LoadedItemInputs> loadItemInputs(const std::filesystem::path& project, const Dataset& data,
                                        const std::vector<std::string>& recommenders, const RecommenderConfig& config,
                                        const ItemVectorOptions& vectorOptions, const JobContext& job) {
    bool needVectors = false, needTexts = false, needFactors = false;
    for (const auto& name : recommenders) {
        needVectors = needVectors || RecommenderFactory::needsItemVectors(name, config);
        needTexts = needTexts || RecommenderFactory::needsItemTexts(name, config);
        needFactors = needFactors || RecommenderFactory::needsImportedFactors(name, config);
    }
    LoadedItemInputs out;
    if (needVectors) {
        auto v = loadItemVectors(project, data, vectorOptions, job);
        if (!v) return v.error();
        out.vectors = std::move(*v);
    }
    if (needTexts) {
        auto t = loadItemTexts(project, data, job);
        if (!t) return t.error();
        out.texts = std::move(*t);
    }
    if (needFactors) {
        auto f = loadImportedAls(project, data);
        if (!f) return f.error();
        out.importedAls = std::move(*f);
    }
    return out;
}

}  // namespace ss::rec
