#include "EmbeddingStore.h"

#include <cstring>
#include <unordered_set>

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
    // The text's vector (a text met again under this encoder gives the same one), then the object's row.
    auto stored = db_.prepare(
        "INSERT INTO embedding_vectors(model, text_hash, dim, vector) VALUES(?1,?2,?3,?4)"
        " ON CONFLICT(model, text_hash) DO UPDATE SET dim=excluded.dim, vector=excluded.vector RETURNING id");
    if (!stored) return stored.error();
    stored->bind(1, model_).bind(2, textHash).bind(3, static_cast<std::int64_t>(vector.size()))
        .bind(4, std::span<const std::byte>(reinterpret_cast<const std::byte*>(vector.data()), vector.size() * sizeof(float)));
    auto row = stored->step();
    if (!row) return row.error();
    if (!*row) return makeError(ErrorCode::Internal, "no id for a stored vector", db_.path().string());
    const std::int64_t vectorId = stored->columnInt(0);
    SS_TRY(stored->run());  // to its end, so the statement is done before the next write
    auto ref = db_.prepare(
        "INSERT INTO embeddings(model, target, object_id, text_hash, vector_id) VALUES(?1,?2,?3,?4,?5)"
        " ON CONFLICT(model, target, object_id) DO UPDATE SET text_hash=excluded.text_hash, vector_id=excluded.vector_id");
    if (!ref) return ref.error();
    ref->bind(1, model_).bind(2, target_).bind(3, objectId).bind(4, textHash).bind(5, vectorId);
    return ref->run();
}

Result<bool> EmbeddingStore::copyFrom(std::int64_t fromId, std::int64_t objectId, const std::string& textHash) {
    auto stmt = db_.prepare(
        "INSERT INTO embeddings(model, target, object_id, text_hash, vector_id)"
        " SELECT model, target, ?4, text_hash, vector_id FROM embeddings WHERE model=?1 AND target=?2 AND object_id=?3 AND text_hash=?5"
        " ON CONFLICT(model, target, object_id) DO UPDATE SET text_hash=excluded.text_hash, vector_id=excluded.vector_id");
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

// The first column of every row `sql` gives for the model bound as ?1.
Result<std::vector<std::int64_t>> idsOf(Database& db, const char* sql, const std::string& model) {
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    stmt->bind(1, model);
    std::vector<std::int64_t> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back(stmt->columnInt(0));
    }
    return out;
}

}  // namespace

Status EmbeddingStore::forEach(const std::function<void(std::int64_t, std::span<const float>)>& visit) {
    return forEachText([](std::int64_t, const std::string&) { return true; }, visit);
}

Status EmbeddingStore::forEachText(const std::function<bool(std::int64_t, const std::string&)>& wantVector,
                                   const std::function<void(std::int64_t, std::span<const float>)>& visitVector) {
    auto scan = db_.prepare("SELECT object_id, text_hash, vector_id FROM embeddings WHERE model=?1 AND target=?2 ORDER BY object_id");
    if (!scan) return scan.error();
    scan->bind(1, model_).bind(2, target_);
    auto lookup = db_.prepare("SELECT dim, vector FROM embedding_vectors WHERE id=?1");
    if (!lookup) return lookup.error();
    std::size_t expected = 0;
    std::vector<float> row;
    for (;;) {
        auto more = scan->step();
        if (!more) return more.error();
        if (!*more) break;
        const std::int64_t id = scan->columnInt(0);
        if (!wantVector(id, scan->columnText(1))) continue;
        lookup->reset();
        lookup->bind(1, scan->columnInt(2));
        auto found = lookup->step();
        if (!found) return found.error();
        if (!*found) return makeError(ErrorCode::InputData, "corrupt embedding for object " + std::to_string(id) + ": its vector is missing", db_.path().string());
        SS_TRY(readVector(*lookup, 0, 1, id, expected, row, db_.path()));
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
    SS_TRY(stmt->run());
    // Vectors no object names any more (under any target: items and reviews may share a text).
    auto referenced = idsOf(db_, "SELECT vector_id FROM embeddings WHERE model=?1", model_);
    if (!referenced) return referenced.error();
    const std::unordered_set<std::int64_t> used(referenced->begin(), referenced->end());
    auto stored = idsOf(db_, "SELECT id FROM embedding_vectors WHERE model=?1", model_);
    if (!stored) return stored.error();
    std::vector<std::int64_t> unused;
    for (auto id : *stored)
        if (!used.count(id)) unused.push_back(id);
    auto remove = db_.prepare("DELETE FROM embedding_vectors WHERE id=?1");
    if (!remove) return remove.error();
    for (auto id : unused) {
        remove->reset();
        remove->bind(1, id);
        SS_TRY(remove->run());
    }
    return {};
}

}  // namespace ss
