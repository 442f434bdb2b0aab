#include "rec/Evaluation.h"

#include "cohorts/Segments.h"
#include "common/JobStages.h"

#include <boost/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <set>
#include <unordered_set>
#include <unordered_map>

#include "common/JsonFields.h"
#include "eval/BeyondAccuracy.h"
#include "sentiment/SentimentOverview.h"
#include "eval/GroundTruth.h"
#include "eval/Predictions.h"
#include "eval/RankingMetrics.h"
#include "rec/Hybrid.h"
#include "rec/ItemTexts.h"
#include "rec/TopK.h"
#include "store/Project.h"

namespace ss::rec {
namespace {

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

boost::json::object metricsJson(const MetricsReport& report) {
    boost::json::object o;
    for (const auto& m : report.metrics) o[metricLabel(m.id, report.k)] = jsonNumber(m.value);
    return o;
}

std::string userKey(const Dataset& d, int u) { return std::to_string(d.users()[u].id); }

struct Truths {
    GroundTruth all;
    std::vector<std::pair<std::string, GroundTruth>> slices;
};

Truths buildTruths(const Dataset& data, const Split& split, std::size_t maxCohorts,
                   const std::map<std::string, std::set<std::int64_t>>& segmentSlices) {
    Truths t;
    GroundTruth coldItems, warmItems, coldUsers, warmUsers;
    std::map<std::string, GroundTruth> cohorts, segments;
    for (auto u : split.testUsers) {
        const std::string user = userKey(data, u);
        for (auto i : split.test[u]) {
            const std::string item = std::to_string(i);
            t.all.add(user, item);
            (split.coldItem[i] ? coldItems : warmItems).add(user, item);
            (split.coldUser[u] ? coldUsers : warmUsers).add(user, item);
            cohorts[split.cohort[u]].add(user, item);
            for (const auto& [name, members] : segmentSlices)
                if (members.count(data.users()[static_cast<std::size_t>(u)].id)) segments[name].add(user, item);
        }
    }
    auto add = [&](std::string name, GroundTruth& g) {
        if (!g.empty()) t.slices.emplace_back(std::move(name), std::move(g));
    };
    add("cold_items", coldItems);
    add("warm_items", warmItems);
    add("cold_users", coldUsers);
    add("warm_users", warmUsers);
    std::vector<std::string> names;
    for (const auto& [name, g] : cohorts) names.push_back(name);
    const std::size_t first = names.size() > maxCohorts ? names.size() - maxCohorts : 0;
    for (std::size_t c = first; c < names.size(); ++c) add("cohort " + names[c], cohorts[names[c]]);
    for (auto& [name, g] : segments) add("segment " + name, g);
    return t;
}

Status storeRuns(const std::filesystem::path& path, EvaluationResult& result, const Dataset& data, const EvaluationOptions& options) {
    auto project = Project::open(path);
    if (!project) return project.error();
    Database& db = (*project)->db();
    Transaction tx(db);
    if (!tx.begun()) return tx.begun();
    auto insertRun = db.prepare(
        "INSERT INTO runs(recommender, parameters, seed, split, k, dataset_fingerprint, metrics, timings, created)"
        " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    if (!insertRun) return insertRun.error();
    auto insertUser = db.prepare("INSERT INTO run_user_metrics(run_id, user_id, metric, value) VALUES(?1,?2,?3,?4)");
    if (!insertUser) return insertUser.error();
    const auto created = static_cast<std::int64_t>(std::time(nullptr));
    (void)data;
    for (RunResult& run : result.runs) {
        boost::json::object runJson = toJson(run);
        boost::json::object metrics{{"convention", std::string(conventionName(result.convention))},
                                    {"metrics", runJson["metrics"]},
                                    {"ci95", runJson["ci95"]},
                                    {"beyond_accuracy", runJson["beyond_accuracy"]},
                                    {"slices", runJson["slices"]},
                                    {"users", runJson["users"]},
                                    {"training", run.training.toJson()},
                                    {"rules", options.rules.describe()}};
        const boost::json::object split = result.split.toJson();
        insertRun->reset();
        insertRun->bind(1, run.recommender)
            .bind(2, boost::json::serialize(run.parameters))
            .bind(3, static_cast<std::int64_t>(result.seed))
            .bind(4, boost::json::serialize(split))
            .bind(5, result.k)
            .bind(6, result.fingerprint)
            .bind(7, boost::json::serialize(metrics))
            .bind(8, boost::json::serialize(runJson["timings"]))
            .bind(9, created);
        SS_TRY(insertRun->run());
        run.runId = db.lastInsertRowId();
        for (const auto& m : run.report.metrics) {
            const std::string label = metricLabel(m.id, run.report.k);
            for (const auto& v : m.perUser) {
                insertUser->reset();
                insertUser->bind(1, run.runId).bind(2, static_cast<std::int64_t>(std::stoll(v.user))).bind(3, label).bind(4, v.value);
                SS_TRY(insertUser->run());
            }
        }
    }
    return tx.commit();
}

}  // namespace

Result<EvaluationResult> Evaluation::run(const std::filesystem::path& project, const EvaluationOptions& options, const JobContext& job) {
    auto data = Dataset::load(project, job);
    if (!data) return data.error();
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "evaluation cancelled");
    job.report(-1, stages::kSplittingEvents);
    auto split = Split::make(*data, options.split);
    if (!split) return split.error();
    if (split->testUsers.empty())
        return makeError(ErrorCode::InputData,
                         "the split has no test users: no '" + std::string(eventTypeName(options.split.target)) +
                             "' events after the cut-off (choose another target behaviour or split)",
                         project.string());
    EvaluationOptions withSegments = options;
    if (options.savedSegmentSlices) {
        auto opened = Project::open(project, Database::Mode::ReadOnly);
        if (!opened) return opened.error();
        auto saved = Segments::list((*opened)->db());
        if (!saved) return saved.error();
        for (const auto& segment : *saved) {
            auto members = Segments::members((*opened)->db(), segment.name);
            if (!members) return members.error();
            auto& ids = withSegments.segmentSlices[segment.name];
            for (const auto& m : *members) ids.insert(m.userId);
        }
    }
    auto inputs = loadItemInputs(project, *data, options.recommenders, options.config, options.vectors, job);
    if (!inputs) return inputs.error();
    return run(*data, std::move(*split), withSegments, inputs->view(), project, job);
}

Result<EvaluationResult> Evaluation::run(const Dataset& data, Split split, const EvaluationOptions& options,
                                         ModelInputs inputs, const std::filesystem::path& project, const JobContext& job) {
    const ItemVectorSet* vectors = inputs.vectors;
    const auto start = std::chrono::steady_clock::now();
    if (options.k < 1) return makeError(ErrorCode::Usage, "k must be at least 1");
    if (options.recommenders.empty()) return makeError(ErrorCode::Usage, "no recommenders to evaluate");
    std::set<std::string> seen;
    for (const auto& name : options.recommenders) {
        if (!RecommenderFactory::known(name))
            return makeError(ErrorCode::Usage, "unknown recommender '" + name + "' (" + recommenderNames() + ")");
        if (!seen.insert(name).second) return makeError(ErrorCode::Usage, "recommender '" + name + "' is listed twice");
    }
    EvaluationResult result;
    result.fingerprint = data.fingerprint();
    result.users = data.userCount();
    result.items = data.itemCount();
    result.events = data.events().size();
    result.split = split.summary();
    result.k = options.k;
    result.convention = options.convention;
    result.seed = options.seed;
    if (vectors) result.vectorsModel = vectors->model;

    auto train = std::make_shared<const Interactions>(std::move(split.train));  // split.train is not read again
    const FitContext fit{split.now, options.seed, options.threads, true,
                         split.options.kind == SplitKind::Temporal ? std::optional<std::int64_t>(split.cutoff) : std::nullopt};
    PopularityRecommender fallback;
    SS_TRY(fallback.fit(train, fit, job));
    // Cosine for the lists' diversity: each row's inverse length, not a normalised copy of the
    // vectors (gigabytes for a catalog of millions).
    std::vector<float> inverseLength;
    if (vectors) inverseLength = vectors->vectors->inverseLengths();
    const Truths truths = buildTruths(data, split, options.maxCohortSlices, options.segmentSlices);
    ItemPopularity popularity;
    {
        // Each item's training customers (a pair per customer and item): counted, not transposed.
        std::vector<std::int64_t> customers(static_cast<std::size_t>(train->items()), 0);
        for (auto i : train->weights.indices) ++customers[static_cast<std::size_t>(i)];
        popularity.reserve(customers.size());  // millions of items: no rehashing on the way
        for (std::size_t i = 0; i < customers.size(); ++i)
            if (customers[i]) popularity[std::to_string(i)] = double(customers[i]);
    }
    RankingOptions ranking;
    ranking.k = options.k;
    ranking.convention = options.convention;
    // Items customers mostly complain about (as list keys), when the project's reviews have a
    // sentiment; and the products a "bury by sentiment" rule buries.
    std::optional<std::unordered_set<std::string>> negativeItems;
    MerchandisingRules ruleSet = options.rules;
    if (!project.empty()) {
        auto overview = sentiment::SentimentOverview::compute(project);
        if (!overview) return overview.error();
        if (overview->total.labelled() > 0) {
            negativeItems.emplace();
            for (const auto& id : overview->itemsAbove(0.5))
                if (auto index = data.itemByExternalId(id)) negativeItems->insert(std::to_string(*index));
        }
        if (ruleSet.buryNegativeAbove && ruleSet.negativeItems.empty()) ruleSet.negativeItems = overview->itemsAbove(*ruleSet.buryNegativeAbove);
    }
    const CompiledRules rules = CompiledRules::compile(ruleSet, data);

    // Models already fitted in this evaluation are reused by a hybrid (same training data).
    std::map<std::string, std::shared_ptr<Recommender>> fitted;
    const std::size_t total = options.recommenders.size();
    for (std::size_t r = 0; r < total; ++r) {
        const std::string& name = options.recommenders[r];
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "evaluation cancelled");
        const JobContext inner = job.part(double(r) / double(total), (double(r) + 0.9) / double(total), name);
        std::shared_ptr<Recommender> model;
        if (name == "hybrid") {
            auto a = fitted.count(options.config.hybrid.a) ? fitted[options.config.hybrid.a] : nullptr;
            auto b = fitted.count(options.config.hybrid.b) ? fitted[options.config.hybrid.b] : nullptr;
            if (!a) {
                auto made = RecommenderFactory::create(options.config.hybrid.a, options.config, inputs);
                if (!made) return made.error();
                a = *made;
            }
            if (!b) {
                auto made = RecommenderFactory::create(options.config.hybrid.b, options.config, inputs);
                if (!made) return made.error();
                b = *made;
            }
            model = std::make_shared<HybridRecommender>(a, b, options.config.hybrid.weightA);
        } else {
            auto made = RecommenderFactory::create(name, options.config, inputs);
            if (!made) return made.error();
            model = *made;
        }
        RunResult run;
        run.recommender = name;
        job.report(JobProgress{double(r) / double(total), stages::kTraining, name});
        const auto fitStart = std::chrono::steady_clock::now();
        SS_TRY(model->fit(train, fit, inner));
        run.fitSeconds = seconds(fitStart);
        fitted[name] = model;
        run.parameters = model->parameters();
        run.parameters["cold_user_fallback"] = options.coldUserFallback && name != "popularity" ? "popularity" : "none";
        if (!options.rules.empty()) run.parameters["rules"] = options.rules.describe();
        run.training = model->trainingReport();

        job.report(JobProgress{(double(r) + 0.9) / double(total), stages::kScoring, name});
        TopKOptions topk;
        topk.k = static_cast<std::size_t>(options.k);
        topk.threads = options.threads;
        topk.rules = options.rules.empty() ? nullptr : &rules;
        topk.similarity = vectors ? vectors->vectors.get() : nullptr;
        topk.fallback = options.coldUserFallback && name != "popularity" ? &fallback : nullptr;
        TopKStats stats;
        auto lists = TopKEngine::recommend(*model, split.testUsers, topk, inner, &stats);
        if (!lists) return lists.error();
        run.scoreSeconds = stats.seconds;
        run.usersPerSecond = stats.seconds > 0 ? double(stats.users) / stats.seconds : 0;
        run.fallbackUsers = stats.fallbackUsers;
        run.blockUsers = stats.blockUsers;
        run.scoredRows = stats.scoredRows;

        // The engine's order is the ranking (rules and MMR included): scores given to the metrics are
        // list positions, so the metrics rank exactly as the engine did.
        Predictions predictions;
        RankedLists ranked;
        for (std::size_t p = 0; p < split.testUsers.size(); ++p) {
            const std::string user = userKey(data, split.testUsers[p]);
            const auto& list = (*lists)[p];
            std::vector<ScoredItem> items;
            std::vector<std::string> keys;
            for (std::size_t q = 0; q < list.size(); ++q) {
                keys.push_back(std::to_string(list[q].item));
                items.push_back({keys.back(), double(list.size() - q)});
            }
            predictions.setList(user, std::move(items));
            ranked[user] = std::move(keys);
        }
        auto report = RankingMetrics::evaluate(truths.all, predictions, ranking);
        if (!report) return report.error();
        run.report = std::move(*report);
        for (const auto& m : run.report.metrics) {
            if (m.perUser.empty()) continue;
            std::vector<double> values;
            for (const auto& v : m.perUser) values.push_back(v.value);
            auto ci = Significance::bootstrapMeanCi(values, {options.bootstrapResamples, options.seed, 0.95});
            if (ci) run.ci95[m.id] = *ci;
        }
        for (const auto& [sliceName, truth] : truths.slices) {
            auto slice = RankingMetrics::evaluate(truth, predictions, ranking);
            if (!slice) return slice.error();
            run.slices.push_back({sliceName, std::move(*slice)});
        }
        run.beyond.coverage = BeyondAccuracy::catalogCoverage(ranked, data.itemCount());
        run.beyond.novelty = BeyondAccuracy::novelty(ranked, popularity);
        run.beyond.averagePopularity = BeyondAccuracy::averagePopularity(ranked, popularity);
        if (negativeItems) run.beyond.negativeShare = BeyondAccuracy::negativeShare(ranked, *negativeItems);
        if (vectors) {
            const ItemVectorTable& v = *vectors->vectors;
            run.beyond.diversity = BeyondAccuracy::intraListDiversity(ranked, [&](const std::string& a, const std::string& b) {
                const int i = std::stoi(a), j = std::stoi(b);
                return double(dot(v.row(i), v.row(j), v.cols())) * inverseLength[std::size_t(i)] * inverseLength[std::size_t(j)];
            });
        }
        result.runs.push_back(std::move(run));
    }

    // Pairwise comparisons, per metric, over the users both runs are measured on: all test users, and
    // the cold-item and cold-user slices.
    auto compare = [&](const std::string& slice, std::size_t a, std::size_t b, MetricId id, const MetricsReport& ra,
                       const MetricsReport& rb) {
        Comparison c = comparePaired(result.runs[a].recommender, result.runs[b].recommender, id, ra.metric(id).perUser,
                                     rb.metric(id).perUser, options.alpha);
        c.slice = slice;
        return c;
    };
    auto sliceOf = [](const RunResult& run, const std::string& name) -> const MetricsReport* {
        for (const auto& s : run.slices)
            if (s.name == name) return &s.report;
        return nullptr;
    };
    for (std::size_t a = 0; a < result.runs.size(); ++a)
        for (std::size_t b = a + 1; b < result.runs.size(); ++b)
            for (MetricId id : kAllMetrics) {
                result.comparisons.push_back(compare({}, a, b, id, result.runs[a].report, result.runs[b].report));
                for (const char* slice : {"cold_items", "cold_users"}) {
                    const MetricsReport *ra = sliceOf(result.runs[a], slice), *rb = sliceOf(result.runs[b], slice);
                    if (ra && rb) result.sliceComparisons.push_back(compare(slice, a, b, id, *ra, *rb));
                }
            }
    result.seconds = seconds(start);
    if (options.store && !project.empty()) {
        job.report(1.0, stages::kStoringRuns);
        SS_TRY(storeRuns(project, result, data, options));
    }
    return result;
}

Comparison comparePaired(const std::string& a, const std::string& b, MetricId metric, const std::vector<UserValue>& valuesA,
                         const std::vector<UserValue>& valuesB, double alpha) {
    const PairedValues pv = Significance::pairByUser(valuesA, valuesB);
    Comparison c;
    c.a = a;
    c.b = b;
    c.metric = metric;
    c.n = pv.users.size();
    c.tPValue = c.wilcoxonPValue = std::nan("");
    if (c.n >= 2) {
        double sum = 0;
        for (std::size_t i = 0; i < c.n; ++i) sum += pv.a[i] - pv.b[i];
        c.meanDifference = sum / double(c.n);
        if (auto t = Significance::pairedTTest(pv.a, pv.b)) c.tPValue = t->pValue;
        if (auto w = Significance::wilcoxonSignedRank(pv.a, pv.b)) c.wilcoxonPValue = w->pValue;
    }
    c.significant = std::isfinite(c.tPValue) && c.tPValue < alpha;
    return c;
}

boost::json::object RunTimings::toJson() const {
    boost::json::object o{{"fit_seconds", jsonNumber(fitSeconds)},
                          {"score_seconds", jsonNumber(scoreSeconds)},
                          {"users_per_second", jsonNumber(usersPerSecond)},
                          {"block_users", blockUsers}};
    if (scoredRows) o["scored_rows"] = scoredRows;
    return o;
}

RunTimings RunTimings::fromJson(const boost::json::value& json) {
    RunTimings t;
    if (const auto* o = json.if_object()) {
        t.fitSeconds = numberAt(*o, "fit_seconds");
        t.scoreSeconds = numberAt(*o, "score_seconds");
        t.usersPerSecond = numberAt(*o, "users_per_second");
        t.blockUsers = static_cast<std::size_t>(std::max(0.0, numberAt(*o, "block_users")));
        t.scoredRows = static_cast<std::size_t>(std::max(0.0, numberAt(*o, "scored_rows")));
    }
    return t;
}

boost::json::object toJson(const RunResult& run) {
    boost::json::object ci;
    for (const auto& [id, c] : run.ci95) ci[metricLabel(id, run.report.k)] = boost::json::array{jsonNumber(c.low), jsonNumber(c.high)};
    boost::json::array slices;
    for (const auto& s : run.slices)
        slices.push_back(boost::json::object{{"slice", s.name}, {"users", s.report.users}, {"metrics", metricsJson(s.report)}});
    boost::json::object beyond{{"coverage", jsonNumber(run.beyond.coverage)},
                               {"novelty", jsonNumber(run.beyond.novelty)},
                               {"average_popularity", jsonNumber(run.beyond.averagePopularity)}};
    beyond["diversity"] = run.beyond.diversity ? jsonNumber(*run.beyond.diversity) : boost::json::value(nullptr);
    beyond["negative_share"] = run.beyond.negativeShare ? jsonNumber(*run.beyond.negativeShare) : boost::json::value(nullptr);
    boost::json::object o{{"recommender", run.recommender},
                          {"parameters", run.parameters},
                          {"metrics", metricsJson(run.report)},
                          {"ci95", ci},
                          {"users", run.report.users},
                          {"users_with_predictions", run.report.usersWithPredictions},
                          {"fallback_users", run.fallbackUsers},
                          {"beyond_accuracy", beyond},
                          {"slices", slices},
                          {"timings", run.timings().toJson()},
                          {"training", run.training.toJson()}};
    if (run.runId) o["run_id"] = run.runId;
    return o;
}

boost::json::object toJson(const EvaluationResult& result) {
    auto comparisonJson = [&](const Comparison& c) {
        boost::json::object o{{"a", c.a},
                              {"b", c.b},
                              {"metric", metricLabel(c.metric, result.k)},
                              {"p_value", jsonNumber(c.tPValue)},
                              {"wilcoxon_p", jsonNumber(c.wilcoxonPValue)},
                              {"mean_difference", jsonNumber(c.meanDifference)},
                              {"n", c.n},
                              {"significant", c.significant}};
        if (!c.slice.empty()) o["slice"] = c.slice;
        return o;
    };
    boost::json::array runs, comparisons, sliceComparisons;
    for (const auto& r : result.runs) runs.push_back(toJson(r));
    for (const auto& c : result.comparisons) comparisons.push_back(comparisonJson(c));
    for (const auto& c : result.sliceComparisons) sliceComparisons.push_back(comparisonJson(c));
    boost::json::object o{{"dataset", boost::json::object{{"fingerprint", result.fingerprint},
                                                          {"users", result.users},
                                                          {"items", result.items},
                                                          {"events", result.events}}},
                          {"split", result.split.toJson()},
                          {"k", result.k},
                          {"convention", std::string(conventionName(result.convention))},
                          {"seed", result.seed},
                          {"runs", runs},
                          {"comparisons", comparisons},
                          {"slice_comparisons", sliceComparisons},
                          {"seconds", jsonNumber(result.seconds)}};
    if (!result.vectorsModel.empty()) o["item_vectors"] = result.vectorsModel;
    return o;
}

}  // namespace ss::rec
