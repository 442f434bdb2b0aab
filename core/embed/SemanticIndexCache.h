// SemanticIndexCache: one open project's item vector index (for one encoder model), built once and
// kept while the project file is unchanged, so a second search neither re-reads every item's text
// to look for changes nor reloads every vector. Any commit to the file (an import, an encode, a
// saved run — by this process or another) makes the next call check and reload.
// Thread-safe: jobs on any thread may ask; concurrent askers wait for one build.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "NearestItems.h"
#include "TextEncoder.h"
#include "common/JobContext.h"
#include "store/ReadConnections.h"

namespace ss {

class SemanticIndexCache {
public:
    explicit SemanticIndexCache(ReadConnections& readers) : readers_(readers) {}

    // The index for `encoder`'s model, encoding new or changed items first when the file changed.
    Result<std::shared_ptr<const NearestItems>> upToDate(TextEncoder& encoder, const JobContext& context);
    // How many times the index was built (tests: a repeated question must not build again).
    std::size_t builds() const;

private:
    ReadConnections& readers_;
    mutable std::mutex mutex_;
    std::string fingerprint_;
    std::int64_t version_ = 0;
    std::shared_ptr<const NearestItems> index_;
    std::size_t builds_ = 0;
};

}  // namespace ss
