#include "rec/Factory.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <map>

#include "common/Numbers.h"
#include "rec/Hybrid.h"
#include "rec/TrainingDevice.h"
#include "sentiment/TfidfModel.h"

namespace ss::rec {
namespace {

Result<double> number(const std::string& key, const std::string& text) {
    if (const auto v = parseFiniteDouble(text)) return *v;
    return makeError(ErrorCode::Usage, "parameter " + key + " needs a number, got '" + text + "'");
}

Result<bool> boolean(const std::string& key, const std::string& text) {
    if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
    if (text == "false" || text == "0" || text == "no" || text == "off") return false;
    return makeError(ErrorCode::Usage, "parameter " + key + " needs true or false, got '" + text + "'");
}

using Setter = std::function<Status(RecommenderConfig&, const std::string& key, const std::string& value)>;
using Reader = std::function<std::string(const RecommenderConfig&)>;

// One parameter: how --param sets it, and how its value reads back in the form it accepts. The
// helpers below take one accessor, `[](auto& c) -> auto& { return c.als.factors; }`, for both.
struct Parameter {
    Setter set;
    Reader read;
};

std::string realText(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", v);
    return text;
}

template <typename Get>
Parameter intParameter(Get get, int minimum) {
    return {[get, minimum](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
                auto n = number(key, v);
                if (!n) return n.error();
                // Compared as doubles first: a cast of 1e20 to int would be undefined.
                if (*n < minimum || *n > std::numeric_limits<int>::max() || *n != std::floor(*n))
                    return makeError(ErrorCode::Usage, "parameter " + key + " needs a whole number >= " + std::to_string(minimum));
                get(c) = static_cast<int>(*n);
                return {};
            },
            [get](const RecommenderConfig& c) { return std::to_string(get(c)); }};
}

template <typename Get>
Parameter realParameter(Get get, double minimum, double maximum = 1e300) {
    return {[get, minimum, maximum](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
                auto n = number(key, v);
                if (!n) return n.error();
                if (*n < minimum || *n > maximum) return makeError(ErrorCode::Usage, "parameter " + key + " is out of range");
                get(c) = *n;
                return {};
            },
            [get](const RecommenderConfig& c) { return realText(get(c)); }};
}

template <typename Get>
Parameter boolParameter(Get get) {
    return {[get](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
                auto b = boolean(key, v);
                if (!b) return b.error();
                get(c) = *b;
                return {};
            },
            [get](const RecommenderConfig& c) { return std::string(get(c) ? "true" : "false"); }};
}

// Where a model trains: "auto" (CUDA when present), "cpu" or "cuda".
template <typename Get>
Parameter deviceParameter(Get get) {
    return {[get](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
                if (!isTrainingDevice(v)) return makeError(ErrorCode::Usage, "parameter " + key + " must be cpu, cuda or auto");
                get(c) = v;
                return {};
            },
            [get](const RecommenderConfig& c) { return get(c); }};
}

// One of a hybrid's parts: any recommender but a hybrid.
template <typename Get>
Parameter partParameter(Get get) {
    return {[get](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
                if (!RecommenderFactory::known(v) || v == "hybrid")
                    return makeError(ErrorCode::Usage, "parameter " + key + ": unknown recommender '" + v + "'");
                get(c) = v;
                return {};
            },
            [get](const RecommenderConfig& c) { return get(c); }};
}

const std::map<std::string, Parameter>& parameters() {
    static const std::map<std::string, Parameter> all = {
        {"popularity.window_days",
         {[](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
              if (v == "none" || v == "all") {
                  c.popularity.windowDays.reset();
                  return {};
              }
              auto n = number(key, v);
              if (!n) return n.error();
              if (*n < 1) return makeError(ErrorCode::Usage, "parameter " + key + " needs at least 1 day");
              c.popularity.windowDays = static_cast<int>(*n);
              return {};
          },
          [](const RecommenderConfig& c) { return c.popularity.windowDays ? std::to_string(*c.popularity.windowDays) : std::string("none"); }}},
        {"itemknn.neighbours", intParameter([](auto& c) -> auto& { return c.itemknn.neighbours; }, 1)},
        {"itemknn.shrink", realParameter([](auto& c) -> auto& { return c.itemknn.shrink; }, 0)},
        {"itemknn.device", deviceParameter([](auto& c) -> auto& { return c.itemknn.device; })},
        {"als.factors", intParameter([](auto& c) -> auto& { return c.als.factors; }, 1)},
        {"als.iterations", intParameter([](auto& c) -> auto& { return c.als.iterations; }, 0)},
        {"als.cg_steps", intParameter([](auto& c) -> auto& { return c.als.cgSteps; }, 1)},
        {"als.regularization", realParameter([](auto& c) -> auto& { return c.als.regularization; }, 0)},
        {"als.alpha", realParameter([](auto& c) -> auto& { return c.als.alpha; }, 0)},
        {"als.solver",
         {[](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
              if (v != "cg" && v != "cholesky") return makeError(ErrorCode::Usage, "parameter " + key + " must be cg or cholesky");
              c.als.conjugateGradient = v == "cg";
              return {};
          },
          [](const RecommenderConfig& c) { return std::string(c.als.conjugateGradient ? "cg" : "cholesky"); }}},
        {"als.device", deviceParameter([](auto& c) -> auto& { return c.als.device; })},
        {"content.half_life_days", realParameter([](auto& c) -> auto& { return c.content.halfLifeDays; }, 0)},
        {"content_words.half_life_days", realParameter([](auto& c) -> auto& { return c.contentWords.halfLifeDays; }, 0)},
        {"content_words.min_items", intParameter([](auto& c) -> auto& { return c.contentWords.minItems; }, 1)},
        {"content_words.max_item_share", realParameter([](auto& c) -> auto& { return c.contentWords.maxItemShare; }, 1e-9, 1)},
        {"twotower.dim", intParameter([](auto& c) -> auto& { return c.twotower.dim; }, 1)},
        {"twotower.hidden", intParameter([](auto& c) -> auto& { return c.twotower.hidden; }, 1)},
        {"twotower.negatives", intParameter([](auto& c) -> auto& { return c.twotower.negatives; }, 1)},
        {"twotower.batch_size", intParameter([](auto& c) -> auto& { return c.twotower.batchSize; }, 1)},
        {"twotower.epochs", intParameter([](auto& c) -> auto& { return c.twotower.maxEpochs; }, 1)},
        {"twotower.patience", intParameter([](auto& c) -> auto& { return c.twotower.patience; }, 1)},
        {"twotower.early_stopping",
         {[](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
              if (v != "auto" && v != "ranking" && v != "loss")
                  return makeError(ErrorCode::Usage, "parameter " + key + " must be auto, ranking or loss");
              c.twotower.earlyStopping = v;
              return {};
          },
          [](const RecommenderConfig& c) { return c.twotower.earlyStopping; }}},
        {"twotower.history", intParameter([](auto& c) -> auto& { return c.twotower.historyLength; }, 1)},
        {"twotower.examples_per_epoch", intParameter([](auto& c) -> auto& { return c.twotower.examplesPerEpoch; }, 0)},
        {"twotower.learning_rate", realParameter([](auto& c) -> auto& { return c.twotower.learningRate; }, 1e-9)},
        {"twotower.weight_decay", realParameter([](auto& c) -> auto& { return c.twotower.weightDecay; }, 0)},
        {"twotower.validation_fraction", realParameter([](auto& c) -> auto& { return c.twotower.validationFraction; }, 0, 0.9)},
        {"twotower.negative_pool", intParameter([](auto& c) -> auto& { return c.twotower.negativePool; }, 0)},
        {"twotower.popularity_negatives", realParameter([](auto& c) -> auto& { return c.twotower.popularityNegatives; }, 0, 1)},
        {"twotower.attention", boolParameter([](auto& c) -> auto& { return c.twotower.attention; })},
        {"twotower.shared_tower", boolParameter([](auto& c) -> auto& { return c.twotower.sharedTower; })},
        {"twotower.id_embedding", boolParameter([](auto& c) -> auto& { return c.twotower.idEmbedding; })},
        {"twotower.device", deviceParameter([](auto& c) -> auto& { return c.twotower.device; })},
        {"hybrid.a", partParameter([](auto& c) -> auto& { return c.hybrid.a; })},
        {"hybrid.b", partParameter([](auto& c) -> auto& { return c.hybrid.b; })},
        {"hybrid.weight", realParameter([](auto& c) -> auto& { return c.hybrid.weightA; }, 0, 1)},
    };
    return all;
}

}  // namespace

const std::vector<std::string>& RecommenderFactory::names() {
    static const std::vector<std::string> all = [] {
        std::vector<std::string> out;
        for (const auto& info : recommenderCatalog()) out.emplace_back(info.name);
        return out;
    }();
    return all;
}

bool RecommenderFactory::known(const std::string& name) { return findRecommender(name) != nullptr; }

bool RecommenderFactory::needsItemVectors(const std::string& name, const RecommenderConfig& config) {
    if (name == "hybrid") return needsItemVectors(config.hybrid.a, config) || needsItemVectors(config.hybrid.b, config);
    const auto* info = findRecommender(name);
    return info && info->needsItemVectors;
}

bool RecommenderFactory::needsItemTexts(const std::string& name, const RecommenderConfig& config) {
    if (name == "hybrid") return needsItemTexts(config.hybrid.a, config) || needsItemTexts(config.hybrid.b, config);
    const auto* info = findRecommender(name);
    return info && info->needsItemTexts;
}

bool RecommenderFactory::needsImportedFactors(const std::string& name, const RecommenderConfig& config) {
    if (name == "hybrid") return needsImportedFactors(config.hybrid.a, config) || needsImportedFactors(config.hybrid.b, config);
    const auto* info = findRecommender(name);
    return info && info->needsImportedFactors;
}

Status RecommenderFactory::applyParameter(RecommenderConfig& config, const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos) return makeError(ErrorCode::Usage, "a parameter is name=value, got '" + assignment + "'");
    const std::string key = assignment.substr(0, eq), value = assignment.substr(eq + 1);
    auto it = parameters().find(key);
    if (it == parameters().end()) {
        std::string known;
        for (const auto& k : parameterNames()) known += (known.empty() ? "" : ", ") + k;
        return makeError(ErrorCode::Usage, "unknown parameter '" + key + "' (known: " + known + ")");
    }
    return it->second.set(config, key, value);
}

std::vector<std::string> RecommenderFactory::parameterNames() {
    std::vector<std::string> out;
    for (const auto& info : recommenderCatalog())
        for (const auto& p : info.parameters) out.emplace_back(p.key);
    return out;
}

std::vector<std::string> RecommenderFactory::settableParameters() {
    std::vector<std::string> out;
    for (const auto& [key, parameter] : parameters()) out.push_back(key);
    return out;
}

std::string RecommenderFactory::parameterValue(const RecommenderConfig& config, const std::string& key) {
    auto it = parameters().find(key);
    return it == parameters().end() ? std::string() : it->second.read(config);
}

TermVectorizer RecommenderFactory::termVectorizer() {
    return [](const std::vector<std::string>& texts, const WordContentOptions& options) {
        sentiment::TfidfOptions tfidf;
        tfidf.minDocumentFrequency = options.minItems;
        tfidf.maxDocumentShare = options.maxItemShare;
        const auto model = sentiment::TfidfModel::fit(texts, tfidf);
        TermMatrix out;
        out.rows = model.transform(texts);
        out.terms.reserve(model.termCount());
        for (std::size_t t = 0; t < model.termCount(); ++t) out.terms.push_back(model.term(t));
        return out;
    };
}

Result<std::shared_ptr<Recommender>> RecommenderFactory::create(const std::string& name, const RecommenderConfig& config,
                                                                ModelInputs inputs) {
    const ItemVectorSet* vectors = inputs.vectors;
    if (needsItemVectors(name, config) && (!vectors || !vectors->vectors || vectors->vectors->empty()))
        return makeError(ErrorCode::Usage, "the '" + name + "' recommender needs item text vectors");
    if (needsItemTexts(name, config) && (!inputs.texts || !inputs.texts->texts))
        return makeError(ErrorCode::Usage, "the '" + name + "' recommender needs the item texts");
    if (needsImportedFactors(name, config) && !inputs.importedAls)
        return makeError(ErrorCode::Usage,
                         "this project has no imported ALS factors: train them with spark-submit cluster/als.py and bring them in "
                         "with shelfsense-cli import-results --als DIR");
    if (name == "popularity") return std::shared_ptr<Recommender>(std::make_shared<PopularityRecommender>(config.popularity));
    if (name == "itemknn") return std::shared_ptr<Recommender>(std::make_shared<ItemKnnRecommender>(config.itemknn));
    if (name == "als") return std::shared_ptr<Recommender>(std::make_shared<AlsRecommender>(config.als));
    if (name == "als_imported") return std::shared_ptr<Recommender>(std::make_shared<ImportedAlsRecommender>(inputs.importedAls));
    if (name == "content")
        return std::shared_ptr<Recommender>(std::make_shared<ContentRecommender>(*vectors->vectors, config.content, vectors->model));
    if (name == "content_words")
        return std::shared_ptr<Recommender>(std::make_shared<WordContentRecommender>(inputs.texts->texts, termVectorizer(), config.contentWords));
    if (name == "twotower") {
        if (!TwoTowerRecommender::available())
            return makeError(ErrorCode::Unsupported, "this build has no LibTorch: the two-tower model is not available");
        return std::shared_ptr<Recommender>(std::make_shared<TwoTowerRecommender>(vectors->vectors, config.twotower, vectors->model));
    }
    if (name == "hybrid") {
        if (config.hybrid.a == "hybrid" || config.hybrid.b == "hybrid") return makeError(ErrorCode::Usage, "a hybrid cannot contain a hybrid");
        auto a = create(config.hybrid.a, config, inputs);
        if (!a) return a.error();
        auto b = create(config.hybrid.b, config, inputs);
        if (!b) return b.error();
        return std::shared_ptr<Recommender>(std::make_shared<HybridRecommender>(*a, *b, config.hybrid.weightA));
    }
    return makeError(ErrorCode::Usage, "unknown recommender '" + name + "' (" + recommenderNames() + ")");
}

}  // namespace ss::rec
