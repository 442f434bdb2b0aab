// Item text vectors for the content-based recommenders: the project's embedding cache brought up to
// date with the sentence encoder (only new or changed items are encoded, see EncodeJob), then laid out
// by dense item index. Runs on the calling worker thread with its own connections and encoder.
#pragma once

#include <filesystem>

#include "common/JobContext.h"
#include "model/EncoderOptions.h"
#include "rec/Dataset.h"
#include "rec/Factory.h"

namespace ss::rec {

struct ItemVectorOptions {
    std::filesystem::path modelDir;  // empty: the default model (ModelLocator)
    EncoderOptions encoder;
    // Without LibTorch in the build (or when set), vectors already in the cache are used as they are:
    // those of the model with the most item vectors.
    bool cachedOnly = false;
};

Result<ItemVectorSet> loadItemVectors(const std::filesystem::path& project, const Dataset& data, const ItemVectorOptions& options,
                                      const JobContext& job);

// The cached vectors of one encoder fingerprint (no encoding), each distinct text's vector once.
Result<ItemVectorSet> cachedItemVectors(const std::filesystem::path& project, const Dataset& data, const std::string& fingerprint,
                                        const JobContext& job = {});

}  // namespace ss::rec
