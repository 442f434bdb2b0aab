#include "VectorImport.h"

#include <boost/json.hpp>

#include <set>
#include <unordered_map>

#include "common/JsonLines.h"
#include "common/JobStages.h"
#include "store/EmbeddingStore.h"
#include "store/EncoderText.h"
#include "store/Project.h"

namespace ss {
namespace {

namespace fs = std::filesystem;

struct Target {
    std::int64_t id = 0;
    std::string textHash;
};

// Every object of the target by the id other programs know it by, with the hash of its current text.
Result<std::unordered_map<std::string, Target>> objects(Database& db, EncodeTarget target) {
    const std::string sql = target == EncodeTarget::Items ? "SELECT id, external_id, " + encoderText::itemsSql() + " FROM items"
                                                          : "SELECT id, CAST(id AS TEXT), " + encoderText::reviewsSql() + " FROM reviews";
    auto stmt = db.prepare(sql);
    if (!stmt) return stmt.error();
    std::unordered_map<std::string, Target> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        out[stmt->columnText(1)] = Target{stmt->columnInt(0), EncodeJob::textHash(stmt->columnText(2))};
    }
    return out;
}

}  // namespace

Result<VectorImportSummary> VectorImport::run(const fs::path& project, const std::string& model, std::size_t dim, EncodeTarget target,
                                              const fs::path& vectors, const JobContext& job) {
    auto files = jsonlines::files(vectors);
    if (!files) return files.error();
    auto opened = Project::openExisting(project);
    if (!opened) return opened.error();
    Database& db = (*opened)->db();
    auto known = objects(db, target);
    if (!known) return known.error();
    Transaction tx(db);
    SS_TRY(tx.begun());
    EmbeddingStore store(db, model, EncodeJob::targetName(target));
    VectorImportSummary summary;
    summary.files = static_cast<std::int64_t>(files->size());
    std::set<std::int64_t> stored;
    SS_TRY(jsonlines::forEach(*files, [&](const boost::json::object& record, const std::string& where) -> Status {
        auto key = jsonlines::idText(record, "id", where);
        if (!key) return key.error();
        const auto found = known->find(*key);
        if (found == known->end())
            return makeError(ErrorCode::InputData, "no " + std::string(target == EncodeTarget::Items ? "item" : "review") + " '" + *key + "' in the project",
                             where + ": field 'id'");
        auto vector = jsonlines::floatVector(record, "vector", dim, where);
        if (!vector) return vector.error();
        SS_TRY(store.put(found->second.id, found->second.textHash, *vector));
        stored.insert(found->second.id);
        if ((++summary.records & 0xFFF) == 0) {
            if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled; nothing was imported");
            job.report(-1, stages::kImporting);
        }
        return {};
    }));
    SS_TRY(tx.commit());
    summary.stored = static_cast<std::int64_t>(stored.size());
    return summary;
}

}  // namespace ss
