#include "EmbeddingStore.h"

#include <cstring>

namespace ss {

Result<std::unordered_map<std::int64_t, std::string>> EmbeddingStore::textHashes(std::int64_t firstId, std::int64_t lastId) {
    auto stmt = db_.prepare("SELECT object_id, text_hash FROM embeddings WHERE model=?1 AND target=?2 AND object_id BETWEEN ?3 AND ?4");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_).bind(3, firstId).bind(4, lastId);
    std::unordered_map<std::int64_t, std::string> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        out.emplace(stmt->columnInt(0), stmt->columnText(1));
    }
    return out;
}

Status EmbeddingStore::put(std::int64_t objectId, const std::string& textHash, const std::vector<float>& vector) {
    auto stmt = db_.prepare(
        "INSERT INTO embeddings(model, target, object_id, text_hash, dim, vector) VALUES(?1,?2,?3,?4,?5,?6)"
        " ON CONFLICT(model, target, object_id) DO UPDATE SET text_hash=excluded.text_hash, dim=excluded.dim, vector=excluded.vector");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_).bind(3, objectId).bind(4, textHash).bind(5, static_cast<std::int64_t>(vector.size()))
        .bind(6, std::span<const std::byte>(reinterpret_cast<const std::byte*>(vector.data()), vector.size() * sizeof(float)));
    return stmt->run();
}

Result<bool> EmbeddingStore::copyFrom(std::int64_t fromId, std::int64_t objectId, const std::string& textHash) {
    auto stmt = db_.prepare(
        "INSERT INTO embeddings(model, target, object_id, text_hash, dim, vector)"
        " SELECT model, target, ?4, text_hash, dim, vector FROM embeddings WHERE model=?1 AND target=?2 AND object_id=?3 AND text_hash=?5"
        " ON CONFLICT(model, target, object_id) DO UPDATE SET text_hash=excluded.text_hash, dim=excluded.dim, vector=excluded.vector");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_).bind(3, fromId).bind(4, objectId).bind(5, textHash);
    SS_TRY(stmt->run());
    return db_.changes() > 0;
}

Status EmbeddingStore::forEach(const std::function<void(std::int64_t, std::span<const float>)>& visit) {
    auto stmt = db_.prepare("SELECT object_id, dim, vector FROM embeddings WHERE model=?1 AND target=?2 ORDER BY object_id");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_);
    std::size_t expected = 0;
    std::vector<float> row;  // the blob may not be aligned for floats
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        const auto dim = static_cast<std::size_t>(stmt->columnInt(1));
        const auto blob = stmt->columnBlob(2);
        if (blob.size() != dim * sizeof(float) || (expected != 0 && dim != expected))
            return makeError(ErrorCode::InputData, "corrupt embedding for object " + std::to_string(stmt->columnInt(0)), db_.path().string());
        expected = dim;
        row.resize(dim);
        std::memcpy(row.data(), blob.data(), blob.size());
        visit(stmt->columnInt(0), row);
    }
    return {};
}

Result<EmbeddingMatrix> EmbeddingStore::loadAll() {
    EmbeddingMatrix m;
    SS_TRY(forEach([&m](std::int64_t id, std::span<const float> vector) {
        m.dim = vector.size();
        m.ids.push_back(id);
        m.values.insert(m.values.end(), vector.begin(), vector.end());
    }));
    return m;
}

Result<std::int64_t> EmbeddingStore::count() {
    auto stmt = db_.prepare("SELECT count(*) FROM embeddings WHERE model=?1 AND target=?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_);
    auto row = stmt->step();
    if (!row) return row.error();
    return stmt->columnInt(0);
}

Status EmbeddingStore::removeMissing(const std::string& objectTable) {
    if (objectTable != "items" && objectTable != "reviews") return makeError(ErrorCode::Internal, "unknown table " + objectTable);
    auto stmt = db_.prepare("DELETE FROM embeddings WHERE model=?1 AND target=?2 AND object_id NOT IN (SELECT id FROM " + objectTable + ")");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_);
    return stmt->run();
}

}  // namespace ss
