// SemanticCatalog: the catalog seen through the sentence encoder — semantic search, similar items
// and a 2D map. Each call first brings the item vector cache up to date (only new or changed items
// are encoded). Runs on the calling worker thread with its own connection.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "TextEncoder.h"
#include "common/JobContext.h"
#include "store/CatalogQuery.h"

namespace ss {

struct ItemHit {
    CatalogItem item;
    float score = 0;
};

struct CatalogMapPoint {
    CatalogItem item;
    float x = 0, y = 0;
};

struct CatalogMap {
    std::vector<CatalogMapPoint> points;
    double explained[2] = {0, 0};
};

class SemanticCatalog {
public:
    static Result<std::vector<ItemHit>> search(const std::filesystem::path& project, TextEncoder& encoder,
                                               const std::string& query, std::size_t k, const JobContext& context);
    static Result<std::vector<ItemHit>> similar(const std::filesystem::path& project, TextEncoder& encoder,
                                                const std::string& externalItemId, std::size_t k, const JobContext& context);
    static Result<CatalogMap> map(const std::filesystem::path& project, TextEncoder& encoder, const JobContext& context);
};

}  // namespace ss
