// `recommend`: one user's top-K from a model trained on every event of the project, with scores,
// the rules applied, and explanations (the history items that contributed most). A model trained
// before on the same data and settings is taken from the project (--retrain trains it afresh).
#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "RecArgs.h"
#include "rec/Session.h"
#include "store/CatalogQuery.h"
#include "store/Project.h"

namespace ss::cli {

Status runRecommend(const std::vector<std::string>& args) {
    ArgParser parser(withRecOptions({"db", "user", "k", "recommender", "explain"}),
                     {"json", "quiet", "in-stock", "cached-vectors", "include-known", "retrain"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto user = parser.required("user");
    if (!user) return user.error();
    auto k = parser.integer("k", 10);
    if (!k) return k.error();
    if (*k < 1) return makeError(ErrorCode::Usage, "--k must be at least 1");
    auto explain = parser.integer("explain", 3);
    if (!explain) return explain.error();
    const std::string name = parser.value("recommender").value_or("als");
    if (!rec::RecommenderFactory::known(name))
        return makeError(ErrorCode::Usage, "unknown recommender '" + name + "' (" + rec::recommenderNames() + ")");
    rec::RecommenderConfig config;
    SS_TRY(configOptions(parser, config));
    auto rules = ruleOptions(parser);
    if (!rules) return rules.error();
    rec::SessionOptions so;
    so.modelCache = !parser.flag("retrain");
    if (auto w = parser.value("weights")) {
        auto weights = rec::BehaviourWeights::parse(*w);
        if (!weights) return weights.error();
        so.weights = *weights;
    }
    auto vectors = vectorOptions(parser);
    if (!vectors) return vectors.error();
    so.vectors = *vectors;
    auto seed = parser.integer("seed", 42);
    if (!seed) return seed.error();
    so.seed = static_cast<std::uint64_t>(*seed);
    auto threads = parser.integer("threads", 1);
    if (!threads) return threads.error();
    so.threads = static_cast<int>(std::max<std::int64_t>(1, *threads));

    const JobContext job = stderrProgress(parser.flag("quiet"));
    auto session = rec::RecommendationSession::open(*db, so, job);
    if (!session) return session.error();
    const auto index = (*session)->data().userByExternalId(*user);
    if (!index) return makeError(ErrorCode::InputData, "no user with id '" + *user + "' in the project", *db);
    SS_TRY((*session)->train(name, config, job));
    if (rules->mmrLambda) SS_TRY((*session)->ensureItemVectors(job));
    if (rules->buryNegativeAbove) {
        auto negative = (*session)->itemsAboveNegativeShare(*rules->buryNegativeAbove);
        if (!negative) return negative.error();
        rules->negativeItems = std::move(*negative);
    }
    auto list = (*session)->recommend(name, *index, static_cast<std::size_t>(*k), *rules, parser.flag("include-known"),
                                      static_cast<std::size_t>(std::max<std::int64_t>(0, *explain)));
    if (!list) return list.error();

    auto project = Project::open(*db, Database::Mode::ReadOnly);
    if (!project) return project.error();
    CatalogQuery catalog((*project)->db());
    const auto& items = (*session)->data().items();
    auto describe = [&](std::int32_t item) -> Result<boost::json::object> {
        auto found = catalog.byId(items[item].id);
        if (!found) return found.error();
        boost::json::object o{{"item", items[item].externalId}};
        if (*found) {
            o["title"] = (*found)->title;
            o["category"] = (*found)->category;
            if ((*found)->price) o["price"] = *(*found)->price;
        }
        return o;
    };
    boost::json::array results;
    bool fallback = false;
    for (const auto& r : *list) {
        auto o = describe(r.item);
        if (!o) return o.error();
        (*o)["score"] = r.score;
        if (r.adjusted != r.score) (*o)["adjusted_score"] = r.adjusted;
        boost::json::array because;
        for (const auto& c : r.because) {
            auto h = describe(c.item);
            if (!h) return h.error();
            (*h)["contribution"] = c.value;
            because.push_back(std::move(*h));
        }
        (*o)["because"] = std::move(because);
        if (!r.words.empty()) {
            boost::json::array words;
            for (const auto& w : r.words) words.emplace_back(w);
            (*o)["words"] = std::move(words);
        }
        fallback = fallback || r.fallback;
        results.push_back(std::move(*o));
    }
    const auto history = (*session)->interactions().weights.rowSize(*index);
    if (parser.flag("json")) {
        boost::json::object out{{"user", *user},          {"recommender", name},
                                {"k", *k},                {"history_items", history},
                                {"fallback", fallback ? "popularity" : "none"},
                                {"parameters", (*session)->model(name)->parameters()},
                                {"model_from_project", (*session)->fromCache(name)},
                                {"results", std::move(results)}};
        if (!rules->empty()) out["rules"] = rules->describe();
        printJson(out);
        return {};
    }
    std::printf("%s for %s (%zu history items%s%s)\n", name.c_str(), user->c_str(), history, fallback ? ", popularity fallback" : "",
                (*session)->fromCache(name) ? ", model kept in the project" : "");
    for (const auto& v : results) {
        const auto& o = v.as_object();
        std::printf("%8.4f  %-12s %s\n", o.at("score").to_number<double>(), std::string(o.at("item").as_string()).c_str(),
                    o.contains("title") ? std::string(o.at("title").as_string()).c_str() : "");
        for (const auto& b : o.at("because").as_array())
            std::printf("            because %-12s %+.4f %s\n", std::string(b.at("item").as_string()).c_str(),
                        b.at("contribution").to_number<double>(),
                        b.as_object().contains("title") ? std::string(b.at("title").as_string()).c_str() : "");
        if (const auto* words = o.if_contains("words")) {
            std::string joined;
            for (const auto& w : words->as_array()) joined += (joined.empty() ? "" : ", ") + std::string(w.as_string());
            std::printf("            words in common: %s\n", joined.c_str());
        }
    }
    return {};
}

}  // namespace ss::cli
