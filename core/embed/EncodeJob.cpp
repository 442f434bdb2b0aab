#include "EncodeJob.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "common/JobStages.h"
#include "model/Sha256.h"
#include "store/EmbeddingStore.h"
#include "store/EncoderText.h"
#include "store/Project.h"

namespace ss {

std::string EncodeJob::textHash(const std::string& text) { return Sha256::hex(text); }

namespace {

// The text the encoder reads for each row of the target's table.
std::string textColumn(EncodeTarget target) { return target == EncodeTarget::Items ? encoderText::itemsSql() : encoderText::reviewsSql(); }

LanguageCoverage coverageOf(const TextEncoder& encoder, EncodeTarget target, const TokenCounts& counts, bool exact) {
    LanguageCoverage c;
    c.model = encoder.fingerprint();
    c.modelName = encoder.info().name;
    c.target = EncodeJob::targetName(target);
    c.counts = counts;
    c.exact = exact;
    c.measuredAt = static_cast<std::int64_t>(std::time(nullptr));
    return c;
}

}  // namespace

Result<LanguageCoverage> EncodeJob::estimateCoverage(const std::filesystem::path& path, TextEncoder& encoder, EncodeTarget target,
                                                     std::size_t sample) {
    auto project = Project::openExisting(path);
    if (!project) return project.error();
    Database& db = (*project)->db();
    const std::string table = targetName(target);
    auto total = db.queryInt("SELECT count(*) FROM " + table);
    if (!total) return total.error();
    // A pseudo-random share of the rows (a Lehmer hash of the id below a threshold): spread over
    // the whole table without a pattern, the same sample each time, found in one scan without a sort.
    constexpr double kModulus = 2147483647.0;
    const double share = *total > 0 ? std::min(1.0, 1.25 * double(sample) / double(*total)) : 1.0;
    auto select = db.prepare(std::string("SELECT ") + textColumn(target) + " FROM " + table +
                             " WHERE (id * 48271) % 2147483647 < ?1 ORDER BY id LIMIT ?2");
    if (!select) return select.error();
    select->bind(1, static_cast<std::int64_t>(std::ceil(share * kModulus))).bind(2, static_cast<std::int64_t>(sample));
    std::vector<std::string> texts;
    for (;;) {
        auto row = select->step();
        if (!row) return row.error();
        if (!*row) break;
        texts.push_back(select->columnText(0));
    }
    const bool all = static_cast<std::int64_t>(texts.size()) == *total;
    auto coverage = coverageOf(encoder, target, encoder.tokenCounts(texts), all);
    if (!(*project)->readOnly()) SS_TRY(LanguageCoverage::store(**project, coverage));
    return coverage;
}

Result<EncodeSummary> EncodeJob::run(const std::filesystem::path& path, TextEncoder& encoder, EncodeTarget target,
                                     const JobContext& context) {
    const auto start = std::chrono::steady_clock::now();
    auto project = Project::open(path);
    if (!project) return project.error();
    Database& db = (*project)->db();
    EncodeSummary summary;
    summary.model = encoder.fingerprint();
    const std::string name = targetName(target);
    EmbeddingStore store(db, summary.model, name);

    auto total = db.queryInt("SELECT count(*) FROM " + name);
    if (!total) return total.error();
    summary.total = *total;
    auto select = db.prepare(std::string("SELECT id, ") + textColumn(target) + " FROM " + name + " WHERE id > ?1 ORDER BY id LIMIT ?2");
    if (!select) return select.error();

    std::int64_t lastId = 0, seen = 0;
    TokenCounts counts;  // of every text: the model's coverage of them
    for (;;) {
        if (context.cancelled())
            return makeError(ErrorCode::Cancelled, "encoding cancelled; " + std::to_string(summary.encoded) + " vectors were kept and the rest resumes next time");
        select->reset();
        select->bind(1, lastId).bind(2, kChunk);
        std::vector<std::int64_t> ids;
        std::vector<std::string> texts;
        for (;;) {
            auto row = select->step();
            if (!row) return row.error();
            if (!*row) break;
            ids.push_back(select->columnInt(0));
            texts.push_back(select->columnText(1));
        }
        if (ids.empty()) break;
        lastId = ids.back();
        seen += static_cast<std::int64_t>(ids.size());
        counts.add(encoder.tokenCounts(texts));
        auto stored = store.textHashes(ids.front(), ids.back());
        if (!stored) return stored.error();
        std::vector<std::int64_t> todoIds;
        std::vector<std::string> todoTexts, todoHashes;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            std::string hash = textHash(texts[i]);
            auto it = stored->find(ids[i]);
            if (it != stored->end() && it->second == hash) {
                ++summary.cached;
                continue;
            }
            todoIds.push_back(ids[i]);
            todoTexts.push_back(std::move(texts[i]));
            todoHashes.push_back(std::move(hash));
        }
        if (!todoIds.empty()) {
            JobContext inner;
            inner.stop = context.stop;  // the encoder checks between its batches
            auto vectors = encoder.encode(todoTexts, &inner);
            if (!vectors) {
                if (vectors.error().code == ErrorCode::Cancelled)
                    return makeError(ErrorCode::Cancelled, "encoding cancelled; " + std::to_string(summary.encoded) + " vectors were kept and the rest resumes next time");
                return vectors.error();
            }
            Transaction tx(db);
            if (!tx.begun()) return tx.begun().error();
            for (std::size_t i = 0; i < todoIds.size(); ++i) SS_TRY(store.put(todoIds[i], todoHashes[i], (*vectors)[i]));
            SS_TRY(tx.commit());
            summary.encoded += static_cast<std::int64_t>(todoIds.size());
        }
        context.report(JobProgress{summary.total ? double(seen) / double(summary.total) : 1.0, stages::kEncodingTexts, name});
    }
    SS_TRY(store.removeMissing(name));
    summary.coverage = coverageOf(encoder, target, counts, true);
    SS_TRY(LanguageCoverage::store(**project, summary.coverage));
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

}  // namespace ss
