#include "SentimentApplier.h"

#include <chrono>
#include <optional>

#include "common/JobStages.h"
#include "sentiment/ReviewCorpus.h"
#include "sentiment/SentimentStore.h"
#include "store/Project.h"

namespace ss::sentiment {
namespace {

Status checkVectors(const SentimentClassifier& classifier, const VectorSources* vectors) {
    if (!readsVectors(classifier.kind)) return {};
    if (!vectors) return makeError(ErrorCode::Unsupported, "the kept classifier reads the encoder's vectors, and no encoder is available (install the model)");
    if (vectors->encoder != classifier.encoder)
        return makeError(ErrorCode::Unsupported, "the kept classifier was trained on vectors of '" + classifier.encoder +
                                                     "', not of the encoder in use ('" + vectors->encoder + "'); train again");
    return {};
}

std::vector<StoredPrediction> predictionsOf(const SentimentClassifier& classifier, const ReviewCorpus& chunk, const rec::DenseMatrix* vectors) {
    const auto rows = argmaxRows(classifier.predict(chunk.texts, vectors), classifier.scheme.classes);
    std::vector<StoredPrediction> out;
    for (std::size_t i = 0; i < rows.size(); ++i)
        out.push_back({chunk.ids[i], classifier.scheme.sentimentOf(rows[i].classIndex), rows[i].probability});
    return out;
}

// The sources a classifier reads: a fine-tuned one reads vectors its own tuned layers make.
Result<std::optional<VectorSources>> readingSources(const SentimentClassifier& classifier, const VectorSources* vectors) {
    SS_TRY(checkVectors(classifier, vectors));
    if (!tunesEncoder(classifier.kind)) return std::optional<VectorSources>();
    if (!vectors->tuned) return makeError(ErrorCode::Unsupported, "the kept classifier fine-tuned the encoder, and these vectors do not come from one");
    auto tuned = vectors->tuned(classifier.tunedLayers);
    if (!tuned) return tuned.error();
    return std::optional<VectorSources>(std::move(*tuned));
}

}  // namespace

Result<std::pair<std::string, SentimentClassifier>> SentimentApplier::kept(const std::filesystem::path& project) {
    auto run = SentimentStore::latestRun(project);
    if (!run) return run.error();
    if (!*run) return makeError(ErrorCode::InputData, "no sentiment classifier has been trained in this project yet (run 'sentiment train' first)", project.string());
    auto classifier = SentimentStore::classifier(project, (*run)->keptKey);
    if (!classifier) return classifier.error();
    if (!*classifier) return makeError(ErrorCode::InputData, "the kept sentiment classifier is missing; train again", project.string());
    return std::pair{(*run)->keptKey, std::move(**classifier)};
}

Result<ApplySummary> SentimentApplier::apply(const std::filesystem::path& project, const VectorSources* vectors, const JobContext& context,
                                             std::int64_t chunkSize) {
    const auto start = std::chrono::steady_clock::now();
    auto kept = SentimentApplier::kept(project);
    if (!kept) return kept.error();
    const auto& [key, classifier] = *kept;
    auto tuned = readingSources(classifier, vectors);
    if (!tuned) return tuned.error();
    if (*tuned) vectors = &**tuned;
    ApplySummary summary;
    summary.classifier = std::string(classifierName(classifier.kind));
    summary.classifierKey = key;
    {
        auto p = Project::open(project, Database::Mode::ReadOnly);
        if (!p) return p.error();
        auto total = (*p)->db().queryInt("SELECT count(*) FROM reviews");
        if (!total) return total.error();
        summary.reviews = *total;
    }
    auto already = SentimentStore::predictedCount(project, key);
    if (!already) return already.error();
    summary.alreadyPredicted = *already;
    auto after = SentimentStore::lastPredictedReview(project, key);
    if (!after) return after.error();
    std::int64_t afterId = *after;
    // Heads read vectors: the pending reviews are encoded (or read from the cache) in one pass first;
    // vectors that are not cached (a fine-tuned encoder's) are made chunk by chunk, so a cancelled
    // run keeps what it labelled.
    const bool wholePass = readsVectors(classifier.kind) && vectors->cached;
    const bool perChunk = readsVectors(classifier.kind) && !vectors->cached;
    rec::DenseMatrix pendingVectors;
    std::int64_t vectorRow = 0;
    if (wholePass) {
        auto pending = ReviewCorpus::loadChunk(project, classifier.scheme.source, afterId, std::numeric_limits<std::int64_t>::max());
        if (!pending) return pending.error();
        if (pending->size() == 0) return summary;
        const JobContext encode = context.part(0.0, 0.5);
        auto m = vectors->reviews(pending->ids, pending->texts, encode);
        if (!m) return m.error();
        pendingVectors = std::move(*m);
    }
    const double toDo = static_cast<double>(std::max<std::int64_t>(1, summary.reviews - summary.alreadyPredicted));
    for (;;) {
        if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled; " + std::to_string(summary.predictedNow) + " reviews labelled so far are kept");
        auto chunk = ReviewCorpus::loadChunk(project, classifier.scheme.source, afterId, chunkSize);
        if (!chunk) return chunk.error();
        if (chunk->size() == 0) break;
        rec::DenseMatrix rows;
        if (perChunk) {
            const double done = std::min(1.0, static_cast<double>(summary.predictedNow) / toDo);
            auto m = vectors->reviews(chunk->ids, chunk->texts, JobContext{[&](const JobProgress& p) {
                                                                   context.report(std::min(1.0, done + std::max(0.0, p.fraction) * static_cast<double>(chunk->size()) / toDo),
                                                                                  stages::kEncodingAndLabelling);
                                                               },
                                                               context.stop});
            if (!m) return m.error();
            rows = std::move(*m);
        } else if (wholePass) {
            rows = rec::DenseMatrix(static_cast<int>(chunk->size()), pendingVectors.cols);
            std::copy_n(pendingVectors.row(static_cast<int>(vectorRow)), chunk->size() * static_cast<std::size_t>(pendingVectors.cols), rows.data.begin());
            vectorRow += static_cast<std::int64_t>(chunk->size());
        }
        SS_TRY(SentimentStore::savePredictions(project, key, predictionsOf(classifier, *chunk, readsVectors(classifier.kind) ? &rows : nullptr)));
        summary.predictedNow += static_cast<std::int64_t>(chunk->size());
        afterId = chunk->ids.back();
        const double base = wholePass ? 0.5 : 0.0;
        context.report(base + (1 - base) * std::min(1.0, static_cast<double>(summary.predictedNow) / toDo), stages::kLabellingReviews);
    }
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

Result<std::vector<std::pair<Sentiment, float>>> SentimentApplier::predictTexts(const SentimentClassifier& classifier,
                                                                                 const std::vector<std::string>& texts,
                                                                                 const VectorSources* vectors) {
    auto tuned = readingSources(classifier, vectors);
    if (!tuned) return tuned.error();
    if (*tuned) vectors = &**tuned;
    rec::DenseMatrix m;
    if (readsVectors(classifier.kind)) {
        auto encoded = vectors->texts(texts);
        if (!encoded) return encoded.error();
        m = std::move(*encoded);
    }
    const auto rows = argmaxRows(classifier.predict(texts, readsVectors(classifier.kind) ? &m : nullptr), classifier.scheme.classes);
    std::vector<std::pair<Sentiment, float>> out;
    for (const auto& r : rows) out.emplace_back(classifier.scheme.sentimentOf(r.classIndex), r.probability);
    return out;
}

}  // namespace ss::sentiment
