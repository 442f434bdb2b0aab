// JobStages: the names of the stages core jobs report (JobProgress::stage). One list, so the
// workbench can translate every one of them (ui/JobStageText, checked by a test) and the CLI prints
// them as they are. A stage names a step, never a file or a count: those go in `subject` and
// `values`. Add a stage here, use the constant, and translate it. Any thread.
#pragma once

namespace ss::stages {

// Importing and the sample shop
inline constexpr const char* kImporting = "Importing";
inline constexpr const char* kBuildingIndexes = "Building indexes";
inline constexpr const char* kSortingEvents = "Sorting events by customer and time";
inline constexpr const char* kSummarisingActivity = "Summarising activity";
inline constexpr const char* kWritingSampleShop = "Writing the sample shop";
inline constexpr const char* kDone = "Done";
// Reading a project
inline constexpr const char* kOpeningProject = "Opening the project";
inline constexpr const char* kReadingUsersAndItems = "Reading users and items";
inline constexpr const char* kReadingEvents = "Reading events";
inline constexpr const char* kReadingActivitySummary = "Reading the activity summary";
inline constexpr const char* kReadingReviews = "Reading reviews";
inline constexpr const char* kReadingItemVectors = "Reading item vectors";
inline constexpr const char* kSortingEventsByTime = "Sorting events by time";
inline constexpr const char* kSplittingEvents = "Splitting the events into training and test";
inline constexpr const char* kExporting = "Exporting the project";
// The encoder and its models
inline constexpr const char* kLoadingEncoder = "Loading the text encoder";
inline constexpr const char* kEncodingTexts = "Encoding texts";
inline constexpr const char* kProjecting = "Placing items on the map";
inline constexpr const char* kCopyingModelFiles = "Copying the model files";
inline constexpr const char* kCheckingModelFiles = "Checking the model files";
inline constexpr const char* kAlreadyInstalled = "Already installed";
inline constexpr const char* kInstalled = "Installed";
// Recommenders and their evaluation
inline constexpr const char* kTraining = "Training";
inline constexpr const char* kScoring = "Scoring";
inline constexpr const char* kScoringUsers = "Scoring users";
inline constexpr const char* kAlsIterations = "ALS iterations";
inline constexpr const char* kItemKnnSimilarities = "Item-kNN similarities";
inline constexpr const char* kTwoTowerEpoch = "Training the two-tower";
inline constexpr const char* kStoringRuns = "Storing runs";
inline constexpr const char* kModelNotKept = "The trained model could not be kept in the project";
// Retention
inline constexpr const char* kCountingCohorts = "Counting cohorts";
inline constexpr const char* kMeasuringLifetimes = "Measuring lifetimes";
// Sentiment
inline constexpr const char* kTfidfCountingTerms = "TF-IDF: counting terms";
inline constexpr const char* kTfidfLogisticRegression = "TF-IDF: logistic regression";
inline constexpr const char* kEncodingReviews = "Encoding reviews";
inline constexpr const char* kLogisticRegressionOnVectors = "Logistic regression on vectors";
inline constexpr const char* kMlpOnVectors = "MLP on vectors";
inline constexpr const char* kFineTuningEncoder = "Fine-tuning the encoder";
inline constexpr const char* kEncodingWithFineTuned = "Encoding with the fine-tuned encoder";
inline constexpr const char* kMeasuringHeldOut = "Measuring on held-out reviews";
inline constexpr const char* kCrossValidating = "Cross-validating";
inline constexpr const char* kEncodingAndLabelling = "Encoding and labelling reviews";
inline constexpr const char* kLabellingReviews = "Labelling reviews";
inline constexpr const char* kGroupingReviews = "Grouping reviews";

inline constexpr const char* kAll[] = {
    kImporting, kBuildingIndexes, kSummarisingActivity, kWritingSampleShop, kDone, kOpeningProject, kReadingUsersAndItems, kReadingEvents,
    kReadingActivitySummary, kReadingReviews, kReadingItemVectors, kSortingEventsByTime, kSplittingEvents, kLoadingEncoder, kEncodingTexts, kProjecting, kCopyingModelFiles,
    kCheckingModelFiles, kAlreadyInstalled, kInstalled, kTraining, kScoring, kScoringUsers, kAlsIterations,
    kItemKnnSimilarities, kTwoTowerEpoch, kStoringRuns, kModelNotKept, kCountingCohorts, kMeasuringLifetimes,
    kTfidfCountingTerms, kTfidfLogisticRegression, kEncodingReviews, kLogisticRegressionOnVectors, kMlpOnVectors,
    kFineTuningEncoder, kEncodingWithFineTuned, kMeasuringHeldOut, kCrossValidating, kEncodingAndLabelling,
    kLabellingReviews, kGroupingReviews};

// Names of JobProgress::values the workbench knows how to show.
inline constexpr const char* kValueEpoch = "epoch";
inline constexpr const char* kValueLoss = "loss";
inline constexpr const char* kValueTrainLoss = "train_loss";
inline constexpr const char* kValueValidationLoss = "validation_loss";
inline constexpr const char* kValueValidationNdcg = "validation_ndcg";

}  // namespace ss::stages
