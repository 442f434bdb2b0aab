// RecommenderFactory: recommenders by name with their options in one place — for the evaluation
// pipeline, the recommendation session, the CLI (`--param als.factors=32`) and the Models screen.
// Names: popularity, itemknn, als, content, twotower, hybrid. Plain functions: any thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/Result.h"
#include "rec/Als.h"
#include "rec/Content.h"
#include "rec/ItemKnn.h"
#include "rec/Popularity.h"
#include "rec/TwoTower.h"

namespace ss::rec {

struct HybridOptions {
    std::string a = "als";
    std::string b = "content";
    double weightA = 0.5;
};

struct RecommenderConfig {
    PopularityOptions popularity;
    ItemKnnOptions itemknn;
    AlsOptions als;
    ContentOptions content;
    TwoTowerOptions twotower;
    HybridOptions hybrid;
};

// Item text vectors for the content-based models (one row per dense item; zero rows for items without).
struct ItemVectorSet {
    DenseMatrix vectors;
    std::string model;          // encoder fingerprint the vectors come from
    std::size_t missing = 0;    // items without a vector
    std::int64_t encodedNow = 0;
    double seconds = 0;
};

class RecommenderFactory {
public:
    static const std::vector<std::string>& names();  // in the order above
    static bool known(const std::string& name);
    // True when the model (or a hybrid component) needs item text vectors.
    static bool needsItemVectors(const std::string& name, const RecommenderConfig& config);

    // "als.factors=32", "twotower.attention=true", "hybrid.a=itemknn", "popularity.window_days=30", ...
    static Status applyParameter(RecommenderConfig& config, const std::string& assignment);
    static std::vector<std::string> parameterNames();

    // A new, unfitted model; `vectors` must be given when needsItemVectors().
    static Result<std::shared_ptr<Recommender>> create(const std::string& name, const RecommenderConfig& config,
                                                       const ItemVectorSet* vectors);
};

}  // namespace ss::rec
