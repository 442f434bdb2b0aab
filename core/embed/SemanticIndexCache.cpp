#include "SemanticIndexCache.h"

#include "EncodeJob.h"

namespace ss {

Result<std::shared_ptr<const NearestItems>> SemanticIndexCache::upToDate(TextEncoder& encoder, const JobContext& context) {
    std::lock_guard lock(mutex_);
    const std::string fingerprint = encoder.fingerprint();
    auto version = readers_.dataVersion();
    if (!version) return version.error();
    if (index_ && fingerprint == fingerprint_ && *version == version_) return index_;
    auto encoded = EncodeJob::run(readers_.path(), encoder, EncodeTarget::Items, context);
    if (!encoded) return encoded.error();
    // Read after the encode's own commits and before the load: a commit during the load only
    // costs one more build, never a stale index.
    auto after = readers_.dataVersion();
    if (!after) return after.error();
    auto built = NearestItems::load(readers_.path(), fingerprint);
    if (!built) return built.error();
    index_ = std::make_shared<const NearestItems>(std::move(*built));
    fingerprint_ = fingerprint;
    version_ = *after;
    ++builds_;
    return index_;
}

std::size_t SemanticIndexCache::builds() const {
    std::lock_guard lock(mutex_);
    return builds_;
}

}  // namespace ss
