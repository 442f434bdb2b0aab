// RecommenderCatalog: what each recommender is — its name, label and description, the parameters it
// takes with their defaults and a sentence of help, and whether it reads item text vectors, can say
// why it recommends an item, or needs LibTorch. The one list the factory (core/rec/Factory), the
// CLI's help and errors, and the workbench's choices and parameter table all read; the factory's
// setters and the option structs' defaults are checked against it by a test. Plain data with no
// dependencies (the CLI's executable lists it without linking the recommenders). Any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ss::rec {

struct ParameterInfo {
    const char* key;           // "als.factors": what --param and the workbench's table take
    const char* defaultValue;  // as text, in the form --param accepts ("64", "none", "cg", "true")
    const char* help;          // one sentence (English; the workbench translates it)
};

struct RecommenderInfo {
    const char* name;          // "als"
    const char* label;         // "ALS (matrix factorisation)"
    const char* shortLabel;    // "ALS": job titles and narrow places
    const char* description;   // one sentence
    bool needsItemVectors;     // reads item text vectors (a hybrid: when one of its parts does)
    bool needsItemTexts;       // reads the item texts themselves (a word model)
    bool canExplain;           // says which history items made it recommend an item
    bool needsTorch;           // only in builds with LibTorch
    bool inDefaultComparison;  // evaluated when no recommenders are named
    std::vector<ParameterInfo> parameters;
    bool needsImportedFactors = false;  // serves factors another engine trained (import-results --als)
};

const std::vector<RecommenderInfo>& recommenderCatalog();
const RecommenderInfo* findRecommender(std::string_view name);
std::vector<std::string> defaultComparison();  // "popularity", "itemknn", "als"
std::string recommenderNames();                // "popularity, itemknn, als, als_imported, content, ..."
// The CLI's help: every recommender with its label and description, then its parameters with their
// defaults and help.
std::string describeRecommenders();

}  // namespace ss::rec
