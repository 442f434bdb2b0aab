#include "rec/ModelCache.h"

#include <boost/json/serialize.hpp>

#include <algorithm>
#include <chrono>

#include "store/Project.h"

namespace ss::rec {

std::string ModelCache::key(const Recommender& model, const ModelCacheKey& context) {
    boost::json::object o{{"recommender", model.name()},       {"state", model.stateTag()},
                          {"parameters", model.parameters()},  {"data", context.dataFingerprint},
                          {"weights", context.weights},        {"seed", context.seed},
                          {"vectors", context.vectorsModel}};
    return boost::json::serialize(o);
}

Result<std::optional<std::vector<std::byte>>> ModelCache::find(const std::filesystem::path& project, const std::string& key) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    // A file not yet upgraded to the version with the cache (opened read-only) simply has nothing.
    auto hasTable = (*p)->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='trained_models'");
    if (!hasTable) return hasTable.error();
    if (*hasTable == 0) return std::optional<std::vector<std::byte>>();
    auto stmt = (*p)->db().prepare("SELECT state FROM trained_models WHERE key=?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<std::vector<std::byte>>();
    const auto first = stmt->columnBlob(0);
    std::vector<std::byte> state(first.begin(), first.end());
    // The later parts (a file of a version before parts, opened read-only, has none).
    auto hasParts = (*p)->db().queryInt("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='trained_model_parts'");
    if (!hasParts) return hasParts.error();
    if (*hasParts) {
        auto parts = (*p)->db().prepare("SELECT bytes FROM trained_model_parts WHERE key=?1 ORDER BY part");
        if (!parts) return parts.error();
        parts->bind(1, key);
        for (;;) {
            auto next = parts->step();
            if (!next) return next.error();
            if (!*next) break;
            const auto bytes = parts->columnBlob(0);
            state.insert(state.end(), bytes.begin(), bytes.end());
        }
    }
    return std::optional<std::vector<std::byte>>(std::move(state));
}

Status ModelCache::store(const std::filesystem::path& project, const std::string& key, const std::string& recommender,
                         std::span<const std::byte> state, std::size_t partBytes) {
    partBytes = std::max<std::size_t>(1, partBytes);
    auto p = Project::open(project);
    if (!p) return p.error();
    Database& db = (*p)->db();
    Transaction tx(db);
    SS_TRY(tx.begun());
    auto put = db.prepare("INSERT OR REPLACE INTO trained_models(key, recommender, created, state) VALUES(?1, ?2, ?3, ?4)");
    if (!put) return put.error();
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    put->bind(1, key).bind(2, recommender).bind(3, std::int64_t(now)).bind(4, state.first(std::min(state.size(), partBytes)));
    SS_TRY(put->run());
    auto stale = db.prepare("DELETE FROM trained_model_parts WHERE key=?1");
    if (!stale) return stale.error();
    stale->bind(1, key);
    SS_TRY(stale->run());
    auto part = db.prepare("INSERT INTO trained_model_parts(key, part, bytes) VALUES(?1, ?2, ?3)");
    if (!part) return part.error();
    for (std::size_t from = partBytes, n = 1; from < state.size(); from += partBytes, ++n) {
        part->reset();
        part->bind(1, key).bind(2, std::int64_t(n)).bind(3, state.subspan(from, std::min(partBytes, state.size() - from)));
        SS_TRY(part->run());
    }
    // Older states of this recommender beyond the newest few: other parameters or older data.
    auto prune = db.prepare(
        "DELETE FROM trained_models WHERE recommender=?1 AND key NOT IN"
        " (SELECT key FROM trained_models WHERE recommender=?1 ORDER BY created DESC, rowid DESC LIMIT ?2)");
    if (!prune) return prune.error();
    prune->bind(1, recommender).bind(2, std::int64_t(kKeepPerRecommender));
    SS_TRY(prune->run());
    SS_TRY(db.exec("DELETE FROM trained_model_parts WHERE key NOT IN (SELECT key FROM trained_models)"));
    return tx.commit();
}

}  // namespace ss::rec
