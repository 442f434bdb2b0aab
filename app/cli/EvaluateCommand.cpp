// `evaluate`: trains and evaluates recommenders on one split of a project (DESIGN §3): metrics with
// bootstrap CIs, pairwise p-values, slices; every run stored in the project unless --no-store.
#include <boost/json.hpp>

#include <cmath>
#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "RecArgs.h"
#include "common/TimeUtil.h"
#include "rec/Evaluation.h"

namespace ss::cli {

Status runEvaluate(const std::vector<std::string>& args) {
    ArgParser parser(withRecOptions({"db", "recommenders", "split", "k", "cutoff", "test-fraction", "test-users", "target", "convention", "bootstrap"}),
                     {"json", "quiet", "no-store", "in-stock", "cached-vectors", "keep-known", "no-fallback"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    rec::EvaluationOptions o;
    if (const auto names = parser.value("recommenders")) o.recommenders = splitList(*names);  // else the catalog's default comparison
    for (const auto& name : o.recommenders)
        if (!rec::RecommenderFactory::known(name))
            return makeError(ErrorCode::Usage, "unknown recommender '" + name + "' (" + rec::recommenderNames() + ")");
    const std::string splitName = parser.value("split").value_or("temporal");
    const auto kind = rec::parseSplitKind(splitName);
    if (!kind) return makeError(ErrorCode::Usage, "--split must be temporal, leave-last or random");
    o.split.kind = *kind;
    auto k = parser.integer("k", 10);
    if (!k) return k.error();
    if (*k < 1) return makeError(ErrorCode::Usage, "--k must be at least 1");
    o.k = static_cast<int>(*k);
    if (auto c = parser.value("cutoff")) {
        if (o.split.kind != rec::SplitKind::Temporal) return makeError(ErrorCode::Usage, "--cutoff applies to the temporal split");
        const auto t = parseDateTime(*c);
        if (!t) return makeError(ErrorCode::Usage, "--cutoff needs a date like 2025-08-01, got '" + *c + "'");
        o.split.cutoff = *t;
    }
    if (parser.value("test-fraction")) {
        auto f = realOption(parser, "test-fraction");
        if (!f) return f.error();
        if (!(*f > 0 && *f < 1)) return makeError(ErrorCode::Usage, "--test-fraction must be between 0 and 1");
        o.split.testFraction = *f;
    }
    if (parser.value("test-users")) {
        auto n = parser.integer("test-users", 0);
        if (!n) return n.error();
        if (*n < 1) return makeError(ErrorCode::Usage, "--test-users needs a number of customers of at least 1");
        o.split.testUserSample = static_cast<std::size_t>(*n);
    }
    if (auto t = parser.value("target")) {
        const auto type = parseEventType(*t);
        if (!type) return makeError(ErrorCode::Usage, "--target must be view, cart, favourite or purchase");
        o.split.target = *type;
    }
    if (auto w = parser.value("weights")) {
        auto weights = rec::BehaviourWeights::parse(*w);
        if (!weights) return weights.error();
        o.split.weights = *weights;
    }
    o.split.dropKnownFromTest = !parser.flag("keep-known");
    auto seed = parser.integer("seed", 42);
    if (!seed) return seed.error();
    o.seed = static_cast<std::uint64_t>(*seed);
    o.split.seed = o.seed;
    const auto convention = parseConvention(parser.value("convention").value_or("recommenders"));
    if (!convention) return makeError(ErrorCode::Usage, "--convention must be recommenders or recbole");
    o.convention = *convention;
    auto bootstrap = parser.integer("bootstrap", 1000);
    if (!bootstrap) return bootstrap.error();
    if (*bootstrap < 2) return makeError(ErrorCode::Usage, "--bootstrap needs at least 2 resamples");
    o.bootstrapResamples = static_cast<int>(*bootstrap);
    auto threads = parser.integer("threads", 1);
    if (!threads) return threads.error();
    o.threads = static_cast<int>(std::max<std::int64_t>(1, *threads));
    o.store = !parser.flag("no-store");
    o.coldUserFallback = !parser.flag("no-fallback");
    SS_TRY(configOptions(parser, o.config));
    auto rules = ruleOptions(parser);
    if (!rules) return rules.error();
    o.rules = *rules;
    auto vectors = vectorOptions(parser);
    if (!vectors) return vectors.error();
    o.vectors = *vectors;

    auto result = rec::Evaluation::run(*db, o, stderrProgress(parser.flag("quiet")));
    if (!result) return result.error();
    if (parser.flag("json")) {
        printJson(rec::toJson(*result));
        return {};
    }
    const auto& split = result->split;
    std::printf("split: %s, %zu test users", splitName.c_str(), split.testUsers);
    if (split.testUsersSampledFrom)
        std::printf(" (a sample of %zu, seed %llu: metrics and intervals are the sample's)", *split.testUsersSampledFrom,
                    static_cast<unsigned long long>(split.seed.value_or(o.seed)));
    std::printf(", %zu test pairs, k=%d, convention %s\n", split.testPairs, o.k, std::string(conventionName(o.convention)).c_str());
    std::printf("%-11s", "model");
    for (MetricId id : kAllMetrics) std::printf(" %-24s", metricLabel(id, o.k).c_str());
    std::printf("\n");
    for (const auto& run : result->runs) {
        std::printf("%-11s", run.recommender.c_str());
        for (MetricId id : kAllMetrics) {
            char cell[64];
            auto ci = run.ci95.find(id);
            if (ci != run.ci95.end()) std::snprintf(cell, sizeof cell, "%.4f [%.4f,%.4f]", run.report.value(id), ci->second.low, ci->second.high);
            else std::snprintf(cell, sizeof cell, "%.4f", run.report.value(id));
            std::printf(" %-24s", cell);
        }
        std::printf("\n");
    }
    std::printf("\nndcg@%d comparisons (paired t-test, Wilcoxon; * = p < %.2f):\n", o.k, o.alpha);
    for (const auto& c : result->comparisons)
        if (c.metric == MetricId::Ndcg)
            std::printf("  %-10s vs %-10s  diff %+.4f  t p=%.3g  W p=%.3g %s\n", c.a.c_str(), c.b.c_str(), c.meanDifference, c.tPValue,
                        c.wilcoxonPValue, c.significant ? "*" : "(not significant)");
    return {};
}

}  // namespace ss::cli
