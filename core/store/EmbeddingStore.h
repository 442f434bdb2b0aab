// EmbeddingStore: the embedding cache in the project file. Vectors are keyed by model fingerprint
// (sha256 of the weights), target ("items", "reviews") and object id, and carry the hash of the text
// they encode, so a changed text is re-encoded and an unchanged one never is. Use from the thread
// that owns the Database.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "Database.h"

namespace ss {

struct EmbeddingMatrix {
    std::vector<std::int64_t> ids;
    std::vector<float> values;  // ids.size() × dim, row-major
    std::size_t dim = 0;
};

class EmbeddingStore {
public:
    EmbeddingStore(Database& db, std::string model, std::string target)
        : db_(db), model_(std::move(model)), target_(std::move(target)) {}

    // object id → stored text hash, for the ids in [firstId, lastId].
    Result<std::unordered_map<std::int64_t, std::string>> textHashes(std::int64_t firstId, std::int64_t lastId);
    Status put(std::int64_t objectId, const std::string& textHash, const std::vector<float>& vector);
    // Gives `objectId` the vector stored for `fromId`, provided that one was stored for `textHash`
    // (identical texts share a vector); false when it was not, and nothing is written then.
    Result<bool> copyFrom(std::int64_t fromId, std::int64_t objectId, const std::string& textHash);
    Result<EmbeddingMatrix> loadAll();
    // Each stored vector in object id order, without collecting them (a catalog's vectors can be
    // gigabytes); every vector has the same dimension or the call fails.
    Status forEach(const std::function<void(std::int64_t objectId, std::span<const float> vector)>& visit);
    Result<std::int64_t> count();
    Status removeMissing(const std::string& objectTable);  // drops vectors of deleted objects

private:
    Database& db_;
    std::string model_, target_;
};

}  // namespace ss
