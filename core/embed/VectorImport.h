// VectorImport: vectors that another program computed with a project's model (the cluster's
// `cluster/encode.py`, or `shelfsense-cli embed --jsonl` anywhere) stored in the project's embedding
// cache, so the workbench and `encode` use them as their own. Records are JSON Lines
// {"id": ..., "vector": [numbers] or "base64 float32"} — one file, or a folder of them (Spark's
// part files) — keyed by the shop's item id (items) or the review id (reviews). Each vector is kept
// with the hash of its object's current text, so an object whose text changes is encoded again.
// All or nothing: a bad record (named by file, line and field) leaves the project as it was.
// Call from one thread; it opens its own connection.
#pragma once

#include <filesystem>
#include <string>

#include "EncodeJob.h"
#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

struct VectorImportSummary {
    std::int64_t records = 0;  // lines read
    std::int64_t stored = 0;   // distinct objects given a vector
    std::int64_t files = 0;
};

class VectorImport {
public:
    // `model`: the fingerprint the vectors are stored under (TextEncoder::fingerprint()); `dim`: its
    // dimension, which every vector must have.
    static Result<VectorImportSummary> run(const std::filesystem::path& project, const std::string& model, std::size_t dim,
                                           EncodeTarget target, const std::filesystem::path& vectors, const JobContext& job = {});
};

}  // namespace ss
