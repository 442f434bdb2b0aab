// CatalogCache: titles, categories and prices of items for display, by database id. Jobs that
// produce item lists fill it on their own connection (prefetch) before they return, so the GUI
// thread only reads memory when it builds the rows. Owned by the ProjectContext.
// Thread-safe: prefetch from job threads, item() from any thread.
#pragma once

#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "common/Result.h"
#include "store/CatalogQuery.h"

namespace ss {
class Project;
}

namespace ss::ui {

class CatalogCache {
public:
    // Reads the rows of the `ids` not known yet (job threads: point look-ups on the primary key).
    Status prefetch(Project& project, const std::vector<std::int64_t>& ids);
    // The item's row as prefetched; a row with only the id when it was not (never reads the file).
    CatalogItem item(std::int64_t id) const;
    std::size_t size() const;

private:
    // Rows kept at most; past it the cache starts again (a long session browsing a huge catalogue).
    static constexpr std::size_t kMaxRows = 200000;
    mutable std::mutex mutex_;
    std::unordered_map<std::int64_t, CatalogItem> rows_;
};

}  // namespace ss::ui
