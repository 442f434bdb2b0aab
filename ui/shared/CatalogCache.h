// CatalogCache: titles, categories and prices of items for display, looked up by database id through
// core's CatalogQuery on the cache's own read-only connection and remembered. Point look-ups on the
// primary key (microseconds each), so lists of a few hundred rows are filled on the GUI thread.
// GUI thread only (the connection belongs to it).
#pragma once

#include <QString>

#include <memory>
#include <unordered_map>

#include "store/CatalogQuery.h"
#include "store/Project.h"

namespace ss::ui {

class CatalogCache {
public:
    CatalogCache();
    ~CatalogCache();
    // Opens the project read-only; returns an error message, empty on success. Empty path closes.
    QString open(const QString& projectPath);
    // The item's catalogue row; a row with only the id when unknown or unreadable.
    const CatalogItem& item(std::int64_t id);

private:
    std::unique_ptr<Project> project_;
    std::unique_ptr<CatalogQuery> query_;
    std::unordered_map<std::int64_t, CatalogItem> cache_;
};

}  // namespace ss::ui
