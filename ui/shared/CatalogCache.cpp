#include "CatalogCache.h"

#include "Text.h"

namespace ss::ui {

CatalogCache::CatalogCache() = default;
CatalogCache::~CatalogCache() = default;

QString CatalogCache::open(const QString& projectPath) {
    cache_.clear();
    query_.reset();
    project_.reset();
    if (projectPath.isEmpty()) return {};
    auto project = Project::open(utf8(projectPath), Database::Mode::ReadOnly);
    if (!project) return qs(project.error().describe());
    project_ = std::move(*project);
    query_ = std::make_unique<CatalogQuery>(project_->db());
    return {};
}

const CatalogItem& CatalogCache::item(std::int64_t id) {
    auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    CatalogItem found;
    found.id = id;
    if (query_) {
        auto row = query_->byId(id);
        if (row && *row) found = **row;
    }
    return cache_.emplace(id, std::move(found)).first->second;
}

}  // namespace ss::ui
