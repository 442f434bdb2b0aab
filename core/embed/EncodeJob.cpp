#include "EncodeJob.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <string_view>
#include <unordered_map>

#include "common/JobStages.h"
#include "model/Sha256.h"
#include "store/EmbeddingStore.h"
#include "store/EncoderText.h"
#include "store/Project.h"

namespace ss {

std::string EncodeJob::textHash(const std::string& text) { return Sha256::hex(text); }

namespace {

// The first 64 bits of a hex text hash: the key of the run's map of encoded texts (a collision is
// caught by copyFrom, which compares the whole hash).
std::uint64_t hashKey(const std::string& hex) { return std::stoull(hex.substr(0, 16), nullptr, 16); }

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
    // Text hash (its first 64 bits) → an object whose stored vector encodes that text.
    std::unordered_map<std::uint64_t, std::int64_t> holders;
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
        // Texts to encode, each once: objects with a text already given a vector in this run (or
        // cached under the same text) copy it; identical texts within the chunk wait for one encoding.
        std::vector<std::string> todoTexts, todoHashes;
        std::vector<std::vector<std::int64_t>> todoIds;  // objects per text to encode
        std::unordered_map<std::string_view, std::size_t> todoIndex;
        std::vector<std::pair<std::int64_t, std::size_t>> copies;  // (object, index into texts) from an earlier holder
        std::vector<std::string> hashes(ids.size());
        auto queue = [&](std::int64_t object, std::size_t i) {
            auto [at, fresh] = todoIndex.try_emplace(hashes[i], todoTexts.size());
            if (fresh) {
                todoTexts.push_back(texts[i]);
                todoHashes.push_back(hashes[i]);
                todoIds.emplace_back();
            }
            todoIds[at->second].push_back(object);
        };
        for (std::size_t i = 0; i < ids.size(); ++i) {
            hashes[i] = textHash(texts[i]);
            auto it = stored->find(ids[i]);
            if (it != stored->end() && it->second == hashes[i]) {
                ++summary.cached;
                holders.try_emplace(hashKey(hashes[i]), ids[i]);
                continue;
            }
            if (holders.count(hashKey(hashes[i]))) {
                copies.emplace_back(ids[i], i);
                continue;
            }
            queue(ids[i], i);
        }
        if (!copies.empty()) {
            Transaction tx(db);
            if (!tx.begun()) return tx.begun().error();
            for (const auto& [object, i] : copies) {
                auto copied = store.copyFrom(holders.at(hashKey(hashes[i])), object, hashes[i]);
                if (!copied) return copied.error();
                if (*copied) {
                    ++summary.encoded;
                    ++summary.sharedText;
                    continue;
                }
                // Two texts whose hashes share their first 64 bits: encode this one after all.
                queue(object, i);
            }
            SS_TRY(tx.commit());
        }
        if (!todoTexts.empty()) {
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
            for (std::size_t t = 0; t < todoTexts.size(); ++t)
                for (std::int64_t object : todoIds[t]) SS_TRY(store.put(object, todoHashes[t], (*vectors)[t]));
            SS_TRY(tx.commit());
            for (std::size_t t = 0; t < todoTexts.size(); ++t) {
                holders.try_emplace(hashKey(todoHashes[t]), todoIds[t].front());
                summary.encoded += static_cast<std::int64_t>(todoIds[t].size());
                summary.sharedText += static_cast<std::int64_t>(todoIds[t].size()) - 1;
            }
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
