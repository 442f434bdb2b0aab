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

namespace {

// The vector in the row's columns dimColumn and blobColumn into `row` (a blob may not be aligned for
// floats); every vector of a scan has the dimension of the first.
Status readVector(const Statement& stmt, int dimColumn, int blobColumn, std::int64_t objectId, std::size_t& expected,
                  std::vector<float>& row, const std::filesystem::path& file) {
    const auto dim = static_cast<std::size_t>(stmt.columnInt(dimColumn));
    const auto blob = stmt.columnBlob(blobColumn);
    if (blob.size() != dim * sizeof(float) || (expected != 0 && dim != expected))
        return makeError(ErrorCode::InputData, "corrupt embedding for object " + std::to_string(objectId), file.string());
    expected = dim;
    row.resize(dim);
    std::memcpy(row.data(), blob.data(), blob.size());
    return {};
}

}  // namespace

Status EmbeddingStore::forEach(const std::function<void(std::int64_t, std::span<const float>)>& visit) {
    return forEachText([](std::int64_t, const std::string&) { return true; }, visit);
}

Status EmbeddingStore::forEachText(const std::function<bool(std::int64_t, const std::string&)>& wantVector,
                                   const std::function<void(std::int64_t, std::span<const float>)>& visitVector) {
    auto stmt = db_.prepare("SELECT object_id, text_hash, dim, vector FROM embeddings WHERE model=?1 AND target=?2 ORDER BY object_id");
    if (!stmt) return stmt.error();
    stmt->bind(1, model_).bind(2, target_);
    std::size_t expected = 0;
    std::vector<float> row;
    for (;;) {
        auto more = stmt->step();
        if (!more) return more.error();
        if (!*more) break;
        const std::int64_t id = stmt->columnInt(0);
        if (!wantVector(id, stmt->columnText(1))) continue;
        SS_TRY(readVector(*stmt, 2, 3, id, expected, row, db_.path()));
        visitVector(id, row);
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

Result<std::vector<std::string>> EmbeddingStore::models(Database& db, const std::string& target) {
    auto next = db.prepare("SELECT model FROM embeddings WHERE model > ?1 ORDER BY model LIMIT 1");
    if (!next) return next.error();
    auto has = db.prepare("SELECT 1 FROM embeddings WHERE model=?1 AND target=?2 LIMIT 1");
    if (!has) return has.error();
    std::vector<std::string> out;
    std::string after;  // every fingerprint sorts after the empty string
    for (;;) {
        next->reset();
        next->bind(1, after);
        auto row = next->step();
        if (!row) return row.error();
        if (!*row) break;
        after = next->columnText(0);
        has->reset();
        has->bind(1, after).bind(2, target);
        auto found = has->step();
        if (!found) return found.error();
        if (*found) out.push_back(after);
    }
    return out;
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
