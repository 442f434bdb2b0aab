#include "VectorImport.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <set>
#include <unordered_map>

#include "common/Base64.h"
#include "common/JobStages.h"
#include "store/EmbeddingStore.h"
#include "store/EncoderText.h"
#include "store/Project.h"

namespace ss {
namespace {

namespace fs = std::filesystem;

// The files to read: the one given, or a folder's JSON Lines files in name order (Spark writes
// part-00000-….json beside _SUCCESS and .crc files).
Result<std::vector<fs::path>> inputFiles(const fs::path& vectors) {
    std::error_code ec;
    if (!fs::exists(vectors, ec)) return makeError(ErrorCode::Io, "no such file or folder", vectors.string());
    if (!fs::is_directory(vectors, ec)) return std::vector<fs::path>{vectors};
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(vectors, ec)) {
        const auto name = entry.path().filename().string();
        const auto ext = entry.path().extension().string();
        if (entry.is_regular_file() && name.front() != '.' && name.front() != '_' && (ext == ".json" || ext == ".jsonl")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) return makeError(ErrorCode::InputData, "the folder holds no .json or .jsonl files", vectors.string());
    return files;
}

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

Result<std::vector<float>> vectorOf(const boost::json::value& v, std::size_t dim, const std::string& where) {
    std::vector<float> out;
    if (v.is_array()) {
        for (const auto& x : v.as_array()) {
            if (!x.is_number()) return makeError(ErrorCode::InputData, "the vector holds something that is not a number", where);
            out.push_back(static_cast<float>(x.to_number<double>()));
        }
    } else if (v.is_string()) {
        const auto bytes = fromBase64(std::string_view(v.as_string()));
        if (!bytes || bytes->size() % sizeof(float) != 0)
            return makeError(ErrorCode::InputData, "the vector is neither numbers nor base64 of float32 values", where);
        out.resize(bytes->size() / sizeof(float));
        std::memcpy(out.data(), bytes->data(), bytes->size());  // little-endian float32, as embed --jsonl writes them
    } else {
        return makeError(ErrorCode::InputData, "\"vector\" is missing", where);
    }
    if (out.size() != dim)
        return makeError(ErrorCode::InputData, "the vector has " + std::to_string(out.size()) + " values; the model's have " + std::to_string(dim), where);
    for (float x : out)
        if (!std::isfinite(x)) return makeError(ErrorCode::InputData, "the vector holds a value that is not finite", where);
    return out;
}

}  // namespace

Result<VectorImportSummary> VectorImport::run(const fs::path& project, const std::string& model, std::size_t dim, EncodeTarget target,
                                              const fs::path& vectors, const JobContext& job) {
    auto files = inputFiles(vectors);
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
    std::set<std::int64_t> stored;
    for (const auto& file : *files) {
        std::ifstream in(file, std::ios::binary);
        if (!in) return makeError(ErrorCode::Io, "cannot read the file", file.string());
        ++summary.files;
        std::string line;
        for (std::int64_t number = 1; std::getline(in, line); ++number) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.find_first_not_of(" \t") == std::string::npos) continue;
            const std::string where = file.filename().string() + ":" + std::to_string(number);
            boost::system::error_code ec;
            const auto parsed = boost::json::parse(line, ec);
            if (ec || !parsed.is_object()) return makeError(ErrorCode::InputData, "not a JSON object", where);
            const auto& record = parsed.as_object();
            const auto* id = record.if_contains("id");
            std::string key;
            if (id && id->is_string()) key = std::string(id->as_string());
            else if (id && id->is_int64()) key = std::to_string(id->as_int64());
            else return makeError(ErrorCode::InputData, "\"id\" is missing or neither text nor a whole number", where + ": field 'id'");
            const auto found = known->find(key);
            if (found == known->end())
                return makeError(ErrorCode::InputData, "no " + std::string(target == EncodeTarget::Items ? "item" : "review") + " '" + key + "' in the project",
                                 where + ": field 'id'");
            const auto* value = record.if_contains("vector");
            auto vector = vectorOf(value ? *value : boost::json::value(nullptr), dim, where + ": field 'vector'");
            if (!vector) return vector.error();
            SS_TRY(store.put(found->second.id, found->second.textHash, *vector));
            stored.insert(found->second.id);
            if ((++summary.records & 0xFFF) == 0) {
                if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled; nothing was imported");
                job.report(-1, stages::kImporting);
            }
        }
    }
    SS_TRY(tx.commit());
    summary.stored = static_cast<std::int64_t>(stored.size());
    return summary;
}

}  // namespace ss
