// CrossValidation: out-of-fold macro-F1 of the cheap sentiment classifiers (TF-IDF, the heads) over
// the training and validation reviews together, in folds grouped by reviewer — a steadier ground
// for choosing between them than a small validation part alone (a few hundred reviews with a dozen
// negatives swing the choice from split to split). Each classifier is refitted on the other folds
// with the settings its main training chose (TF-IDF's C; a head's number of epochs).
// Runs on the calling (worker) thread; stops early when `stop` says so.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "rec/Dense.h"
#include "sentiment/HeadTrainer.h"
#include "sentiment/SentimentClassifier.h"

namespace ss::sentiment {

struct CrossValidationData {
    std::vector<std::string> texts;
    std::vector<int> labels;             // class indices
    std::vector<std::int64_t> reviewers;  // folds keep each reviewer's reviews together
    const rec::DenseMatrix* vectors = nullptr;  // rows aligned with texts; needed by heads
    int classes = 2;
};

struct CrossValidationCandidate {
    ClassifierKind kind = ClassifierKind::Tfidf;
    double c = 1.0;      // TF-IDF
    HeadTraining head;   // heads: trained for head.maxEpochs epochs
};

// One macro-F1 per candidate (pooled out-of-fold predictions); empty when `stop` cut it short.
std::vector<double> crossValidatedMacroF1(const CrossValidationData& data, const std::vector<CrossValidationCandidate>& candidates,
                                          int folds, std::uint64_t seed, const std::function<bool()>& stop);

}  // namespace ss::sentiment
