#include "EncoderCache.h"

namespace ss {

Result<EncoderCache::Lease> EncoderCache::acquire(const std::filesystem::path& modelDir, const EncoderOptions& options) {
    const std::string key = modelDir.string() + "|" + options.device + "|" + options.precision + "|" +
                            std::to_string(options.threads) + "|" + std::to_string(options.batchSize);
    std::shared_ptr<std::mutex> inUse;
    {
        std::lock_guard guard(mutex_);
        inUse = entries_[key].inUse;
    }
    // Loading happens under the per-encoder lock, so two jobs never load the same model twice.
    std::unique_lock lock(*inUse);
    std::shared_ptr<TextEncoder> encoder;
    {
        std::lock_guard guard(mutex_);
        encoder = entries_[key].encoder;
    }
    if (!encoder) {
        auto loaded = TextEncoder::load(modelDir, options);
        if (!loaded) return loaded.error();
        encoder = std::make_shared<TextEncoder>(std::move(*loaded));
        std::lock_guard guard(mutex_);
        entries_[key].encoder = encoder;
    }
    // std::mutex owned by a shared_ptr outlives the lease even if the cache entry is replaced.
    return Lease(std::move(encoder), std::move(lock));
}

}  // namespace ss
