// SemanticCatalog: the catalog seen through the sentence encoder — semantic search, similar items
// and a 2D map. The index-based calls answer from an item vector index the caller keeps up to date
// (the workbench's SemanticIndexCache) and read item rows on the caller's connection; the
// path-based calls (the CLI) first bring the project's vector cache up to date (only new or changed
// items are encoded) and open their own connection. Runs on the calling worker thread.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "NearestItems.h"
#include "TextEncoder.h"
#include "common/JobContext.h"
#include "store/CatalogQuery.h"

namespace ss {

class Project;

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
    static Result<std::vector<ItemHit>> search(const NearestItems& index, Project& project, TextEncoder& encoder,
                                               const std::string& query, std::size_t k);
    static Result<std::vector<ItemHit>> similar(const NearestItems& index, Project& project, const std::string& externalItemId,
                                                std::size_t k);
    static Result<CatalogMap> map(const NearestItems& index, Project& project, const JobContext& context);

    static Result<std::vector<ItemHit>> search(const std::filesystem::path& project, TextEncoder& encoder,
                                               const std::string& query, std::size_t k, const JobContext& context);
    static Result<std::vector<ItemHit>> similar(const std::filesystem::path& project, TextEncoder& encoder,
                                                const std::string& externalItemId, std::size_t k, const JobContext& context);
    static Result<CatalogMap> map(const std::filesystem::path& project, TextEncoder& encoder, const JobContext& context);

    // Encodes the project's new or changed items and loads every item vector of the encoder's model.
    static Result<NearestItems> upToDateIndex(const std::filesystem::path& project, TextEncoder& encoder, const JobContext& context);
};

}  // namespace ss
