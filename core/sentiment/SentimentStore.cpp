#include "SentimentStore.h"

#include <chrono>
#include <set>

#include <boost/json.hpp>

#include "common/JsonParse.h"
#include "store/Project.h"

namespace ss::sentiment {
namespace {

Result<std::unique_ptr<Project>> openWritable(const std::filesystem::path& project) {
    return Project::openExisting(project);
}

Result<std::optional<SentimentReport>> runWhere(const std::filesystem::path& project, const std::string& runKey) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare(
        "SELECT r.report FROM sentiment_runs r WHERE (?1 = '' OR json_extract(r.report, '$.run_key') = ?1)"
        " AND EXISTS(SELECT 1 FROM sentiment_classifiers c WHERE c.key = r.kept_key) ORDER BY r.id DESC LIMIT 1");
    if (!stmt) return stmt.error();
    stmt->bind(1, runKey);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<SentimentReport>{};
    boost::system::error_code ec;
    const auto json = parseJson(stmt->columnText(0), ec);  // exact doubles: the report as it was measured
    if (ec) return makeError(ErrorCode::InputData, "a stored sentiment report is not valid JSON", project.string());
    return std::optional<SentimentReport>{SentimentReport::fromJson(json)};
}

// The integer a one-row query gives for one classifier.
Result<std::int64_t> integerFor(const std::filesystem::path& project, const char* sql, const std::string& classifierKey) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare(sql);
    if (!stmt) return stmt.error();
    stmt->bind(1, classifierKey);
    auto row = stmt->step();
    if (!row) return row.error();
    return stmt->columnInt(0);
}

}  // namespace

Status SentimentStore::saveRun(const std::filesystem::path& project, const SentimentReport& report,
                               const std::vector<std::pair<std::string, const SentimentClassifier*>>& classifiers) {
    auto p = openWritable(project);
    if (!p) return p.error();
    Database& db = (*p)->db();
    Transaction tx(db);
    SS_TRY(tx.begun());
    const auto now = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    auto put = db.prepare("INSERT OR REPLACE INTO sentiment_classifiers(key, kind, created, state) VALUES(?1,?2,?3,?4)");
    if (!put) return put.error();
    for (const auto& [key, classifier] : classifiers) {
        const auto bytes = classifier->save();
        put->reset();
        put->bind(1, key).bind(2, std::string(classifierName(classifier->kind))).bind(3, static_cast<std::int64_t>(now)).bind(4, std::span<const std::byte>(bytes));
        SS_TRY(put->run());
    }
    auto run = db.prepare("INSERT INTO sentiment_runs(created, kept_key, report) VALUES(?1,?2,?3)");
    if (!run) return run.error();
    run->bind(1, static_cast<std::int64_t>(now)).bind(2, report.keptKey).bind(3, boost::json::serialize(report.toJson()));
    SS_TRY(run->run());
    // Keep the newest runs and the classifiers they name (every classifier of a run is named in its report).
    SS_TRY(db.exec("DELETE FROM sentiment_runs WHERE id NOT IN (SELECT id FROM sentiment_runs ORDER BY id DESC LIMIT " +
                   std::to_string(kKeepRuns) + ")"));
    SS_TRY(db.exec("DELETE FROM sentiment_classifiers WHERE key NOT IN (SELECT kept_key FROM sentiment_runs)"
                   " AND key NOT IN (SELECT json_extract(c.value, '$.key') FROM sentiment_runs r, json_each(r.report, '$.classifier_keys') c)"));
    SS_TRY(db.exec("DELETE FROM review_sentiment WHERE classifier NOT IN (SELECT key FROM sentiment_classifiers)"));
    return tx.commit();
}

Result<std::optional<SentimentReport>> SentimentStore::latestRun(const std::filesystem::path& project) { return runWhere(project, ""); }

Result<std::optional<SentimentReport>> SentimentStore::findRun(const std::filesystem::path& project, const std::string& runKey) {
    return runWhere(project, runKey);
}

Result<std::optional<SentimentClassifier>> SentimentStore::classifier(const std::filesystem::path& project, const std::string& key) {
    auto p = Project::open(project, Database::Mode::ReadOnly);
    if (!p) return p.error();
    auto stmt = (*p)->db().prepare("SELECT state FROM sentiment_classifiers WHERE key = ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row) return row.error();
    if (!*row) return std::optional<SentimentClassifier>{};
    auto c = SentimentClassifier::load(stmt->columnBlob(0));
    if (!c) return makeError(ErrorCode::InputData, "the stored sentiment classifier '" + key + "' is damaged; train again", project.string());
    return c;
}

Status SentimentStore::savePredictions(const std::filesystem::path& project, const std::string& classifierKey,
                                       const std::vector<StoredPrediction>& predictions) {
    auto p = openWritable(project);
    if (!p) return p.error();
    Database& db = (*p)->db();
    Transaction tx(db);
    SS_TRY(tx.begun());
    auto put = db.prepare("INSERT OR REPLACE INTO review_sentiment(review_id, classifier, label, probability) VALUES(?1,?2,?3,?4)");
    if (!put) return put.error();
    for (const auto& prediction : predictions) {
        put->reset();
        put->bind(1, prediction.reviewId).bind(2, classifierKey).bind(3, static_cast<int>(prediction.label)).bind(4, static_cast<double>(prediction.probability));
        SS_TRY(put->run());
    }
    return tx.commit();
}

Result<std::int64_t> SentimentStore::lastPredictedReview(const std::filesystem::path& project, const std::string& classifierKey) {
    return integerFor(project, "SELECT coalesce(max(review_id), -9223372036854775807) FROM review_sentiment WHERE classifier = ?1", classifierKey);
}

Result<std::int64_t> SentimentStore::predictedCount(const std::filesystem::path& project, const std::string& classifierKey) {
    return integerFor(project, "SELECT count(*) FROM review_sentiment WHERE classifier = ?1", classifierKey);
}

}  // namespace ss::sentiment
