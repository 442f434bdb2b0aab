// EmbeddingStore: the embedding cache in the project file. Each text's vector is stored once per
// model fingerprint (sha256 of the weights) and text hash (embedding_vectors); each object, by
// target ("items", "reviews") and id, names its text's hash and vector (embeddings), so a changed
// text is re-encoded, an unchanged one never is, and listings sharing a title share a vector. Use
// from the thread that owns the Database.
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
    // Each stored object in id order with its text hash; the vector is decoded, and given to
    // `visitVector`, only for the objects `wantVector` asks for (identical texts share a vector, so a
    // catalogue takes each once).
    Status forEachText(const std::function<bool(std::int64_t objectId, const std::string& textHash)>& wantVector,
                       const std::function<void(std::int64_t objectId, std::span<const float> vector)>& visitVector);
    Result<std::int64_t> count();
    // The model fingerprints with vectors for `target`, ascending. Found by seeking the table's key
    // model by model: counting or grouping would read every vector (gigabytes at scale).
    static Result<std::vector<std::string>> models(Database& db, const std::string& target);
    Status removeMissing(const std::string& objectTable);  // drops vectors of deleted objects

private:
    Database& db_;
    std::string model_, target_;
};

}  // namespace ss
