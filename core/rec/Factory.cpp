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

template <typename Get>
Setter intSetter(Get get, int minimum) {
    return [get, minimum](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
        auto n = number(key, v);
        if (!n) return n.error();
        // Compared as doubles first: a cast of 1e20 to int would be undefined.
        if (*n < minimum || *n > std::numeric_limits<int>::max() || *n != std::floor(*n))
            return makeError(ErrorCode::Usage, "parameter " + key + " needs a whole number >= " + std::to_string(minimum));
        get(c) = static_cast<int>(*n);
        return {};
    };
}

template <typename Get>
Setter realSetter(Get get, double minimum, double maximum = 1e300) {
    return [get, minimum, maximum](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
        auto n = number(key, v);
        if (!n) return n.error();
        if (*n < minimum || *n > maximum) return makeError(ErrorCode::Usage, "parameter " + key + " is out of range");
        get(c) = *n;
        return {};
    };
}

template <typename Get>
Setter boolSetter(Get get) {
    return [get](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
        auto b = boolean(key, v);
        if (!b) return b.error();
        get(c) = *b;
        return {};
    };
}

// Where a model trains: "auto" (CUDA when present), "cpu" or "cuda".
template <typename Get>
Setter deviceSetter(Get get) {
    return [get](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
        if (!isTrainingDevice(v)) return makeError(ErrorCode::Usage, "parameter " + key + " must be cpu, cuda or auto");
        get(c) = v;
        return {};
    };
}

const std::map<std::string, Setter>& setters() {
    static const std::map<std::string, Setter> all = {
        {"popularity.window_days",
         [](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
             if (v == "none" || v == "all") {
                 c.popularity.windowDays.reset();
                 return {};
             }
             auto n = number(key, v);
             if (!n) return n.error();
             if (*n < 1) return makeError(ErrorCode::Usage, "parameter " + key + " needs at least 1 day");
             c.popularity.windowDays = static_cast<int>(*n);
             return {};
         }},
        {"itemknn.neighbours", intSetter([](RecommenderConfig& c) -> int& { return c.itemknn.neighbours; }, 1)},
        {"itemknn.shrink", realSetter([](RecommenderConfig& c) -> double& { return c.itemknn.shrink; }, 0)},
        {"als.factors", intSetter([](RecommenderConfig& c) -> int& { return c.als.factors; }, 1)},
        {"als.iterations", intSetter([](RecommenderConfig& c) -> int& { return c.als.iterations; }, 0)},
        {"als.cg_steps", intSetter([](RecommenderConfig& c) -> int& { return c.als.cgSteps; }, 1)},
        {"als.regularization", realSetter([](RecommenderConfig& c) -> double& { return c.als.regularization; }, 0)},
        {"als.alpha", realSetter([](RecommenderConfig& c) -> double& { return c.als.alpha; }, 0)},
        {"als.solver",
         [](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
             if (v != "cg" && v != "cholesky") return makeError(ErrorCode::Usage, "parameter " + key + " must be cg or cholesky");
             c.als.conjugateGradient = v == "cg";
             return {};
         }},
        {"itemknn.device", deviceSetter([](RecommenderConfig& c) -> std::string& { return c.itemknn.device; })},
        {"als.device", deviceSetter([](RecommenderConfig& c) -> std::string& { return c.als.device; })},
        {"content.half_life_days", realSetter([](RecommenderConfig& c) -> double& { return c.content.halfLifeDays; }, 0)},
        {"twotower.dim", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.dim; }, 1)},
        {"twotower.hidden", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.hidden; }, 1)},
        {"twotower.negatives", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.negatives; }, 1)},
        {"twotower.batch_size", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.batchSize; }, 1)},
        {"twotower.epochs", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.maxEpochs; }, 1)},
        {"twotower.patience", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.patience; }, 1)},
        {"twotower.history", intSetter([](RecommenderConfig& c) -> int& { return c.twotower.historyLength; }, 1)},
        {"twotower.learning_rate", realSetter([](RecommenderConfig& c) -> double& { return c.twotower.learningRate; }, 1e-9)},
        {"twotower.weight_decay", realSetter([](RecommenderConfig& c) -> double& { return c.twotower.weightDecay; }, 0)},
        {"twotower.validation_fraction",
         realSetter([](RecommenderConfig& c) -> double& { return c.twotower.validationFraction; }, 0, 0.9)},
        {"twotower.popularity_negatives", realSetter([](RecommenderConfig& c) -> double& { return c.twotower.popularityNegatives; }, 0, 1)},
        {"twotower.attention", boolSetter([](RecommenderConfig& c) -> bool& { return c.twotower.attention; })},
        {"twotower.shared_tower", boolSetter([](RecommenderConfig& c) -> bool& { return c.twotower.sharedTower; })},
        {"twotower.id_embedding", boolSetter([](RecommenderConfig& c) -> bool& { return c.twotower.idEmbedding; })},
        {"twotower.device", deviceSetter([](RecommenderConfig& c) -> std::string& { return c.twotower.device; })},
        {"hybrid.a",
         [](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
             if (!RecommenderFactory::known(v) || v == "hybrid") return makeError(ErrorCode::Usage, "parameter " + key + ": unknown recommender '" + v + "'");
             c.hybrid.a = v;
             return {};
         }},
        {"hybrid.b",
         [](RecommenderConfig& c, const std::string& key, const std::string& v) -> Status {
             if (!RecommenderFactory::known(v) || v == "hybrid") return makeError(ErrorCode::Usage, "parameter " + key + ": unknown recommender '" + v + "'");
             c.hybrid.b = v;
             return {};
         }},
        {"hybrid.weight", realSetter([](RecommenderConfig& c) -> double& { return c.hybrid.weightA; }, 0, 1)},
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

Status RecommenderFactory::applyParameter(RecommenderConfig& config, const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos) return makeError(ErrorCode::Usage, "a parameter is name=value, got '" + assignment + "'");
    const std::string key = assignment.substr(0, eq), value = assignment.substr(eq + 1);
    auto it = setters().find(key);
    if (it == setters().end()) {
        std::string known;
        for (const auto& k : parameterNames()) known += (known.empty() ? "" : ", ") + k;
        return makeError(ErrorCode::Usage, "unknown parameter '" + key + "' (known: " + known + ")");
    }
    return it->second(config, key, value);
}

std::vector<std::string> RecommenderFactory::parameterNames() {
    std::vector<std::string> out;
    for (const auto& info : recommenderCatalog())
        for (const auto& p : info.parameters) out.emplace_back(p.key);
    return out;
}

std::vector<std::string> RecommenderFactory::settableParameters() {
    std::vector<std::string> out;
    for (const auto& [key, setter] : setters()) out.push_back(key);
    return out;
}

std::string RecommenderFactory::parameterValue(const RecommenderConfig& c, const std::string& n) {
    auto real = [](double v) {
        char text[32];
        std::snprintf(text, sizeof text, "%g", v);
        return std::string(text);
    };
    auto boolean = [](bool b) { return std::string(b ? "true" : "false"); };
    if (n == "popularity.window_days") return c.popularity.windowDays ? std::to_string(*c.popularity.windowDays) : "none";
    if (n == "itemknn.neighbours") return std::to_string(c.itemknn.neighbours);
    if (n == "itemknn.shrink") return real(c.itemknn.shrink);
    if (n == "itemknn.device") return c.itemknn.device;
    if (n == "als.factors") return std::to_string(c.als.factors);
    if (n == "als.iterations") return std::to_string(c.als.iterations);
    if (n == "als.cg_steps") return std::to_string(c.als.cgSteps);
    if (n == "als.regularization") return real(c.als.regularization);
    if (n == "als.alpha") return real(c.als.alpha);
    if (n == "als.solver") return c.als.conjugateGradient ? "cg" : "cholesky";
    if (n == "als.device") return c.als.device;
    if (n == "content.half_life_days") return real(c.content.halfLifeDays);
    if (n == "twotower.dim") return std::to_string(c.twotower.dim);
    if (n == "twotower.hidden") return std::to_string(c.twotower.hidden);
    if (n == "twotower.negatives") return std::to_string(c.twotower.negatives);
    if (n == "twotower.batch_size") return std::to_string(c.twotower.batchSize);
    if (n == "twotower.epochs") return std::to_string(c.twotower.maxEpochs);
    if (n == "twotower.patience") return std::to_string(c.twotower.patience);
    if (n == "twotower.history") return std::to_string(c.twotower.historyLength);
    if (n == "twotower.learning_rate") return real(c.twotower.learningRate);
    if (n == "twotower.weight_decay") return real(c.twotower.weightDecay);
    if (n == "twotower.validation_fraction") return real(c.twotower.validationFraction);
    if (n == "twotower.popularity_negatives") return real(c.twotower.popularityNegatives);
    if (n == "twotower.attention") return boolean(c.twotower.attention);
    if (n == "twotower.id_embedding") return boolean(c.twotower.idEmbedding);
    if (n == "twotower.shared_tower") return boolean(c.twotower.sharedTower);
    if (n == "twotower.device") return c.twotower.device;
    if (n == "hybrid.a") return c.hybrid.a;
    if (n == "hybrid.b") return c.hybrid.b;
    if (n == "hybrid.weight") return real(c.hybrid.weightA);
    return {};
}

Result<std::shared_ptr<Recommender>> RecommenderFactory::create(const std::string& name, const RecommenderConfig& config,
                                                                const ItemVectorSet* vectors) {
    if (needsItemVectors(name, config) && (!vectors || vectors->vectors.empty()))
        return makeError(ErrorCode::Usage, "the '" + name + "' recommender needs item text vectors");
    if (name == "popularity") return std::shared_ptr<Recommender>(std::make_shared<PopularityRecommender>(config.popularity));
    if (name == "itemknn") return std::shared_ptr<Recommender>(std::make_shared<ItemKnnRecommender>(config.itemknn));
    if (name == "als") return std::shared_ptr<Recommender>(std::make_shared<AlsRecommender>(config.als));
    if (name == "content")
        return std::shared_ptr<Recommender>(std::make_shared<ContentRecommender>(vectors->vectors, config.content, vectors->model));
    if (name == "twotower") {
        if (!TwoTowerRecommender::available())
            return makeError(ErrorCode::Unsupported, "this build has no LibTorch: the two-tower model is not available");
        return std::shared_ptr<Recommender>(std::make_shared<TwoTowerRecommender>(vectors->vectors, config.twotower, vectors->model));
    }
    if (name == "hybrid") {
        if (config.hybrid.a == "hybrid" || config.hybrid.b == "hybrid") return makeError(ErrorCode::Usage, "a hybrid cannot contain a hybrid");
        auto a = create(config.hybrid.a, config, vectors);
        if (!a) return a.error();
        auto b = create(config.hybrid.b, config, vectors);
        if (!b) return b.error();
        return std::shared_ptr<Recommender>(std::make_shared<HybridRecommender>(*a, *b, config.hybrid.weightA));
    }
    return makeError(ErrorCode::Usage, "unknown recommender '" + name + "' (" + recommenderNames() + ")");
}

}  // namespace ss::rec
