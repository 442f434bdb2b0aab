// SentimentTrainer: trains the sentiment classifiers on a project's labelled reviews and keeps the
// best — the TF-IDF baseline (its C chosen on validation) always, and the logistic-regression and
// MLP heads on the encoder's review vectors when vectors are available, and the encoder fine-tuned
// with a head when asked (it costs minutes on a CPU) — on a split grouped by
// reviewer; measures each on the held-out reviews, tests the kept one against the others, and
// stores classifiers and report in the project. A run with the same data and settings is reused.
// Runs on a worker thread (or the CLI's main thread); reports progress and honours cancellation
// (nothing is stored when cancelled).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "sentiment/HeadTrainer.h"
#include "sentiment/ReviewVectors.h"
#include "sentiment/SentimentClassifier.h"
#include "sentiment/SentimentReport.h"

namespace ss::sentiment {

struct TrainOptions {
    LabelScheme scheme;
    std::optional<ClassifierKind> only;  // train and keep just this one (it must be trainable)
    std::uint64_t seed = 42;
    bool retrain = false;                // train even when the same run is stored
    std::vector<double> cGrid = {1.0, 4.0, 16.0};
    HeadTraining logisticHead{0, 200, 8, 256, 1e-2, 1e-5, 0.0, 42};
    HeadTraining mlpHead{256, 200, 8, 256, 1e-3, 1e-4, 0.2, 42};
    bool withFineTune = false;           // also fine-tune the encoder when choosing the best (only = Finetune implies it)
    FineTuneSettings fineTune;           // its seed is `seed`
    std::size_t fineTuneMaxTrain = 4000;       // training reviews it reads (a seeded sample beyond); 0: all
    std::size_t fineTuneMaxValidation = 2000;  // validation reviews for its early stopping; 0: all
    std::size_t crossValidateBelow = 2000;  // validation reviews below which the choice cross-validates
    int crossValidationFolds = 5;
    int minimumPerClass = 5;             // labelled training reviews each class needs
    std::string noVectorsReason = "no encoder model is installed";  // shown for skipped heads when vectors are null
    std::string noVectorsCode = "no-encoder";                        // the same as a code ("not-requested", ...)
};

class SentimentTrainer {
public:
    static Result<SentimentReport> train(const std::filesystem::path& project, const TrainOptions& options,
                                         const VectorSources* vectors, const JobContext& context);
};

}  // namespace ss::sentiment
