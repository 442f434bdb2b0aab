#include "CatalogCache.h"

#include "store/Project.h"

namespace ss::ui {

Status CatalogCache::prefetch(Project& project, const std::vector<std::int64_t>& ids) {
    std::vector<std::int64_t> missing;
    {
        std::lock_guard lock(mutex_);
        for (auto id : ids)
            if (!rows_.contains(id)) missing.push_back(id);
    }
    if (missing.empty()) return {};
    CatalogQuery query(project.db());
    std::vector<CatalogItem> found;
    found.reserve(missing.size());
    for (auto id : missing) {
        auto row = query.byId(id);
        if (!row) return row.error();
        CatalogItem item;
        item.id = id;
        found.push_back(*row ? std::move(**row) : std::move(item));
    }
    std::lock_guard lock(mutex_);
    if (rows_.size() + found.size() > kMaxRows) rows_.clear();
    for (auto& item : found) rows_.try_emplace(item.id, std::move(item));
    return {};
}

CatalogItem CatalogCache::item(std::int64_t id) const {
    std::lock_guard lock(mutex_);
    if (auto it = rows_.find(id); it != rows_.end()) return it->second;
    CatalogItem unknown;
    unknown.id = id;
    return unknown;
}

std::size_t CatalogCache::size() const {
    std::lock_guard lock(mutex_);
    return rows_.size();
}

}  // namespace ss::ui
