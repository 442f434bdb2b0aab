// EncoderCache: keeps loaded text encoders (one per model folder and options) so the workbench
// loads a model once. acquire() hands out exclusive use: the lease holds the encoder's lock, so any
// worker thread may call it, one at a time per encoder.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "TextEncoder.h"

namespace ss {

class EncoderCache {
public:
    class Lease {
    public:
        TextEncoder& operator*() const { return *encoder_; }
        TextEncoder* operator->() const { return encoder_.get(); }

    private:
        friend class EncoderCache;
        Lease(std::shared_ptr<TextEncoder> e, std::unique_lock<std::mutex> l) : encoder_(std::move(e)), lock_(std::move(l)) {}
        std::shared_ptr<TextEncoder> encoder_;
        std::unique_lock<std::mutex> lock_;
    };

    Result<Lease> acquire(const std::filesystem::path& modelDir, const EncoderOptions& options);

private:
    struct Entry {
        std::shared_ptr<TextEncoder> encoder;
        std::shared_ptr<std::mutex> inUse = std::make_shared<std::mutex>();
    };
    std::mutex mutex_;
    std::map<std::string, Entry> entries_;
};

}  // namespace ss
