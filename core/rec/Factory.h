// RecommenderFactory: builds the recommenders of the catalog (rec/RecommenderCatalog: names,
// parameters, defaults, help) from a RecommenderConfig, and reads and sets that config's parameters
// by key — for the evaluation pipeline, the recommendation session, the CLI (`--param
// als.factors=32`) and the Models screen. Plain functions: any thread.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/Result.h"
#include "rec/Als.h"
#include "rec/Content.h"
#include "rec/ImportedAls.h"
#include "rec/ItemKnn.h"
#include "rec/ItemVectorTable.h"
#include "rec/Popularity.h"
#include "rec/RecommenderCatalog.h"
#include "rec/TwoTower.h"
#include "rec/WordContent.h"

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
    WordContentOptions contentWords;
    TwoTowerOptions twotower;
    HybridOptions hybrid;
};

// Item text vectors for the content-based models (a vector per dense item, each distinct one held
// once; a zero vector for items without).
struct ItemVectorSet {
    // Shared with the models that read them as they are (a catalog of millions is gigabytes).
    std::shared_ptr<const ItemVectorTable> vectors;
    std::string model;          // encoder fingerprint the vectors come from
    std::size_t missing = 0;    // items without a vector
    std::int64_t encodedNow = 0;
    double seconds = 0;
};

// Item texts for the word-based content model: the text the encoder reads (title, description,
// category), one per dense item.
struct ItemTextSet {
    std::shared_ptr<const std::vector<std::string>> texts;
    std::size_t missing = 0;  // items with no text at all
    double seconds = 0;
};

// What models read besides the interactions, as loaded (each may be null): the content-based
// models' item vectors or texts, the imported ALS factors.
struct ModelInputs {
    const ItemVectorSet* vectors = nullptr;
    const ItemTextSet* texts = nullptr;
    std::shared_ptr<const ImportedAlsFactors> importedAls;
};

class RecommenderFactory {
public:
    static const std::vector<std::string>& names();  // the catalog's, in its order
    static bool known(const std::string& name);
    // True when the model (or a hybrid component) needs item text vectors.
    static bool needsItemVectors(const std::string& name, const RecommenderConfig& config);
    // True when the model (or a hybrid component) reads the item texts themselves (content_words).
    static bool needsItemTexts(const std::string& name, const RecommenderConfig& config);
    // True when the model (or a hybrid component) serves factors imported from another engine.
    static bool needsImportedFactors(const std::string& name, const RecommenderConfig& config);

    // "als.factors=32", "twotower.attention=true", "hybrid.a=itemknn", "popularity.window_days=30", ...
    static Status applyParameter(RecommenderConfig& config, const std::string& assignment);
    static std::vector<std::string> parameterNames();  // the catalog's keys, in its order
    static std::vector<std::string> settableParameters();  // the keys applyParameter() knows (a test checks both agree)
    // A parameter's value in `config`, in the form applyParameter() takes ("64", "none", "cg").
    static std::string parameterValue(const RecommenderConfig& config, const std::string& key);

    // A new, unfitted model; `inputs.vectors` must be given when needsItemVectors(), `inputs.texts`
    // when needsItemTexts(), `inputs.importedAls` when needsImportedFactors().
    static Result<std::shared_ptr<Recommender>> create(const std::string& name, const RecommenderConfig& config, ModelInputs inputs);
    // The word model's vectorizer: TF-IDF (sentiment::TfidfModel) over sentiment::textTerms.
    static TermVectorizer termVectorizer();
};

}  // namespace ss::rec
