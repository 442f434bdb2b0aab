#include "rec/Runs.h"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

#include "common/JsonFields.h"
#include "common/JsonParse.h"
#include "store/Project.h"

namespace ss::rec {
namespace {

// A stored column as JSON; a damaged one reads as null (its fields then fall back to defaults).
boost::json::value parsed(const std::string& text) {
    boost::system::error_code ec;
    auto v = parseJson(text, ec);  // exact doubles: a stored run reads back as it was computed
    return ec ? boost::json::value(nullptr) : v;
}

std::map<std::string, double> metricValues(const boost::json::value& stored) {
    std::map<std::string, double> out;
    if (const auto* o = stored.if_object())
        if (const auto* metrics = objectAt(*o, "metrics"))
            for (const auto& [label, value] : *metrics) out[std::string(label)] = numberOr(value, std::nan(""));
    return out;
}

}  // namespace

Result<std::vector<StoredRun>> Runs::list(Database& db, std::size_t limit) {
    auto stmt = db.prepare(
        "SELECT id, recommender, parameters, seed, split, k, dataset_fingerprint, metrics, timings, created FROM runs"
        " ORDER BY created DESC, id DESC LIMIT ?1");
    if (!stmt) return stmt.error();
    stmt->bind(1, static_cast<std::int64_t>(limit));
    std::vector<StoredRun> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        StoredRun r;
        r.id = stmt->columnInt(0);
        r.recommender = stmt->columnText(1);
        if (const auto parameters = parsed(stmt->columnText(2)); parameters.is_object()) r.parameters = parameters.as_object();
        r.seed = static_cast<std::uint64_t>(stmt->columnInt(3));
        r.split = SplitSummary::fromJson(parsed(stmt->columnText(4)));
        r.k = static_cast<int>(stmt->columnInt(5));
        r.datasetFingerprint = stmt->columnText(6);
        const auto metrics = parsed(stmt->columnText(7));
        r.metrics = metricValues(metrics);
        if (const auto* o = metrics.if_object()) {
            r.convention = stringAt(*o, "convention");
            if (const auto* training = objectAt(*o, "training")) r.training = TrainingReport::fromJson(*training);
        }
        r.timings = RunTimings::fromJson(parsed(stmt->columnText(8)));
        r.created = stmt->columnInt(9);
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<UserValue>> Runs::userValues(Database& db, std::int64_t runId, const std::string& metric) {
    auto stmt = db.prepare("SELECT user_id, value FROM run_user_metrics WHERE run_id=?1 AND metric=?2");
    if (!stmt) return stmt.error();
    stmt->bind(1, runId).bind(2, metric);
    std::vector<UserValue> out;
    for (;;) {
        auto row = stmt->step();
        if (!row) return row.error();
        if (!*row) break;
        out.push_back({std::to_string(stmt->columnInt(0)), stmt->columnDouble(1)});
    }
    std::sort(out.begin(), out.end(), [](const UserValue& a, const UserValue& b) { return a.user < b.user; });
    return out;
}

Result<Comparison> Runs::compare(Database& db, const StoredRun& a, const StoredRun& b, MetricId metric,
                                 double alpha) {
    if (a.k != b.k) return makeError(ErrorCode::Usage, "the runs were measured at different k");
    const std::string label = metricLabel(metric, a.k);
    auto valuesA = userValues(db, a.id, label);
    if (!valuesA) return valuesA.error();
    auto valuesB = userValues(db, b.id, label);
    if (!valuesB) return valuesB.error();
    return comparePaired(a.recommender + " #" + std::to_string(a.id), b.recommender + " #" + std::to_string(b.id), metric, *valuesA,
                         *valuesB, alpha);
}

std::optional<double> StoredRun::metric(MetricId id) const {
    auto it = metrics.find(metricLabel(id, k));
    if (it == metrics.end() || !std::isfinite(it->second)) return std::nullopt;
    return it->second;
}

bool Runs::sameSetting(const StoredRun& a, const StoredRun& b) {
    return a.k == b.k && a.datasetFingerprint == b.datasetFingerprint && a.split == b.split && a.seed == b.seed;
}

}  // namespace ss::rec
