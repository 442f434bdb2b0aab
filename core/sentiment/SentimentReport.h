// SentimentReport: what a sentiment training run found — the label scheme, the split, every
// classifier's validation and held-out quality, which one was kept and why, the paired tests
// against it, and how much of the review text the encoder could read. One toJson/fromJson, used by
// the CLI (`sentiment train|report --json`), the project store and the Sentiment screen alike.
// Plain value; any thread.
#pragma once

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <boost/json/value.hpp>

#include "sentiment/ClassifierQuality.h"
#include "sentiment/SentimentLabel.h"

namespace ss::sentiment {

// How the kept classifier was chosen: see chooseOnValidation.
inline constexpr const char* kChoiceCheapestUnlessBeaten = "cheapest unless beaten on validation";
inline constexpr const char* kChoiceCrossValidation = "best cross-validated macro-F1";

struct ClassifierResult {
    std::string name;      // "tfidf", "head", "mlp", "finetune"
    bool trained = false;  // false: skipped, for the reason in `skipped`
    std::string skipped;
    std::string skippedCode;  // "no-torch", "no-encoder", "not-requested", "no-vectors"
    std::string settings;  // what was chosen while training, in words ("C=4, 181,204 terms")
    // The same as numbers: TF-IDF's C and vocabulary; a head's hidden units, best and last epoch.
    double chosenC = 0;
    std::int64_t terms = 0;
    int hiddenUnits = 0, bestEpoch = 0, epochs = 0;
    // Fine-tuning: encoder layers trained (of how many), training texts used, word pieces kept per text.
    int tunedLayers = 0, encoderLayers = 0, maxTokens = 0;
    std::int64_t tuningTexts = 0;
    std::vector<double> validationLosses;  // fine-tuning: the starting head's, then after each epoch
    double validationMacroF1 = 0;
    // Out-of-fold macro-F1 over training + validation when the choice cross-validated (NaN otherwise).
    double crossValidationMacroF1 = std::numeric_limits<double>::quiet_NaN();
    ClassifierQuality heldout;
    double seconds = 0;

    boost::json::value toJson() const;
    static ClassifierResult fromJson(const boost::json::value& v);
};

struct SentimentReport {
    LabelScheme scheme;
    std::uint64_t seed = 42;
    std::int64_t reviews = 0, labelled = 0, train = 0, validation = 0, test = 0;
    std::int64_t duplicateTexts = 0;  // labelled reviews left out because their text came before
    std::vector<std::int64_t> classCounts;  // labelled reviews per class
    std::string chosen;                     // the kept classifier's name
    std::string choice;                     // kChoiceCheapestUnlessBeaten or "requested" ("best validation macro-F1" in older runs)
    std::string keptKey;
    std::string runKey;  // data fingerprint + settings: a later `train` with the same key reuses this run
    std::vector<std::pair<std::string, std::string>> classifierKeys;  // name → key of each trained classifier
    std::vector<ClassifierResult> classifiers;
    std::vector<PairedTest> comparisons;  // the kept classifier against each other trained one
    std::vector<PairedTest> choiceTests;
    int crossValidationFolds = 0;         // > 0 when the choice cross-validated  // on validation: each candidate against the one kept when it was considered
    std::string encoder;                  // the encoder's name; empty when none was used
    double unknownTokenRate = std::numeric_limits<double>::quiet_NaN();  // share of word pieces the encoder reads as [UNK]
    std::string dataFingerprint;
    std::int64_t created = 0;
    bool reused = false;  // true when `train` found this run already done on the same data and settings

    const ClassifierResult* find(const std::string& name) const;
    const ClassifierResult* kept() const { return find(chosen); }

    boost::json::value toJson() const;
    static SentimentReport fromJson(const boost::json::value& v);
};

}  // namespace ss::sentiment
