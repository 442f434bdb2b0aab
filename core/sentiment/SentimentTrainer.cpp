#include "SentimentTrainer.h"

#include <chrono>
#include <cstdio>
#include <algorithm>
#include <map>

#include "common/Hash.h"
#include "common/JobStages.h"
#include "sentiment/CrossValidation.h"
#include "sentiment/ReviewCorpus.h"
#include "sentiment/SentimentStore.h"

namespace ss::sentiment {
namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

// The labelled reviews of one part of the split.
struct Part {
    std::vector<std::size_t> rows;  // indices into the corpus
    std::vector<int> labels;        // class indices
    std::vector<std::string> texts;
    std::vector<std::int64_t> ids;
};

std::vector<int> argmaxClasses(const std::vector<float>& probabilities, int classes) {
    std::vector<int> out;
    for (const auto& p : argmaxRows(probabilities, classes)) out.push_back(p.classIndex);
    return out;
}

std::string withThousands(std::int64_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string hex(std::uint64_t v) {
    char buffer[20];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(v));
    return buffer;
}

std::uint64_t hashOf(const std::string& s) {
    std::uint64_t h = 0;
    for (unsigned char c : s) h = mix64(h ^ c);
    return h;
}

rec::DenseMatrix rowsOf(const rec::DenseMatrix& all, std::size_t from, std::size_t count) {
    rec::DenseMatrix m(static_cast<int>(count), all.cols);
    std::copy(all.row(static_cast<int>(from)), all.row(static_cast<int>(from)) + count * static_cast<std::size_t>(all.cols), m.data.begin());
    return m;
}

bool wantsFineTune(const TrainOptions& options) {
    return options.only ? *options.only == ClassifierKind::Finetune : options.withFineTune;
}

// Fine-tuning settings are part of the run's identity; runs without it keep their old keys.
std::string fineTuneKey(const TrainOptions& options) {
    if (!wantsFineTune(options)) return "";
    const auto& f = options.fineTune;
    char key[200];
    std::snprintf(key, sizeof key, "|ft:%d,%d,%d,%d,%g,%g,%g,%zu,%zu,%zu", f.layers, f.maxEpochs, f.patience, f.batchSize, f.learningRate,
                  f.headLearningRate, f.weightDecay, f.maxTokens, options.fineTuneMaxTrain, options.fineTuneMaxValidation);
    return key;
}

// A seeded sample of at most `cap` positions 0..n-1, in their original order (all when cap is 0 or n <= cap).
std::vector<std::size_t> sampleRows(std::size_t n, std::size_t cap, std::uint64_t seed) {
    std::vector<std::size_t> rows(n);
    for (std::size_t i = 0; i < n; ++i) rows[i] = i;
    if (cap == 0 || n <= cap) return rows;
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
    for (std::size_t i = 0; i < n; ++i) keyed.emplace_back(mix64(seed ^ mix64(i + 1)), i);
    std::partial_sort(keyed.begin(), keyed.begin() + static_cast<std::ptrdiff_t>(cap), keyed.end());
    rows.clear();
    for (std::size_t i = 0; i < cap; ++i) rows.push_back(keyed[i].second);
    std::sort(rows.begin(), rows.end());
    return rows;
}

// A child context covering [from, to] of the parent's progress.
JobContext phase(const JobContext& parent, double from, double to) {
    return parent.part(from, to);
}

struct Trained {
    ClassifierResult result;
    SentimentClassifier classifier;
    std::vector<int> validationPredictions, testPredictions;
};

// Fine-tunes the encoder's top layers with a head that starts from the logistic regression on the
// frozen vectors (the one trained in this run, or one trained here), then measures it on vectors the
// tuned encoder makes for the validation and test reviews.
Result<Trained> fineTuneEncoder(const VectorSources& vectors, const TrainOptions& options, const std::vector<Trained>& trained,
                                const Part& train, const Part& validation, const Part& test, const rec::DenseMatrix& xTrain,
                                const rec::DenseMatrix& xValidation, const std::vector<double>& weights, int classes,
                                const JobContext& context) {
    const auto start = Clock::now();
    const int classCount = classes;
    VectorHead probe;
    auto logistic = std::find_if(trained.begin(), trained.end(), [](const Trained& t) { return t.classifier.kind == ClassifierKind::Head; });
    if (logistic != trained.end()) {
        probe = logistic->classifier.head;
    } else {
        context.report(0.22, stages::kLogisticRegressionOnVectors);
        HeadTraining headOptions = options.logisticHead;
        headOptions.seed = options.seed;
        HeadTrainingReport headReport;
        const LabelledRows trainRows{xTrain.data.data(), xTrain.rows, xTrain.cols, &train.labels};
        const LabelledRows validationRows{xValidation.data.data(), xValidation.rows, xValidation.cols, &validation.labels};
        probe = VectorHead::from(trainHead(trainRows, validationRows, classCount, weights, headOptions, headReport,
                                           [&](int, double, double) { return !context.cancelled(); }));
        if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
    }

    FineTuneTexts data;
    data.settings = options.fineTune;
    data.settings.seed = options.seed;
    data.settings.layers = std::clamp(data.settings.layers, 1, std::max(1, vectors.encoderLayers));
    data.classes = classCount;
    data.classWeights = weights;
    data.headWeights = probe.output.data;
    data.headBias = probe.outputBias;
    for (std::size_t i : sampleRows(train.texts.size(), options.fineTuneMaxTrain, options.seed)) {
        data.train.push_back(train.texts[i]);
        data.trainLabels.push_back(train.labels[i]);
    }
    for (std::size_t i : sampleRows(validation.texts.size(), options.fineTuneMaxValidation, options.seed + 1)) {
        data.validation.push_back(validation.texts[i]);
        data.validationLabels.push_back(validation.labels[i]);
    }
    auto result = vectors.fineTune(data, phase(context, 0.25, 0.85));
    if (!result) return result.error();
    auto tunedSources = vectors.tuned(result->tunedLayers);
    if (!tunedSources) return tunedSources.error();
    std::vector<std::int64_t> ids = validation.ids;
    std::vector<std::string> texts = validation.texts;
    ids.insert(ids.end(), test.ids.begin(), test.ids.end());
    texts.insert(texts.end(), test.texts.begin(), test.texts.end());
    const JobContext encodeContext = phase(context, 0.85, 0.95);
    encodeContext.report(0.0, stages::kEncodingWithFineTuned);
    auto tunedVectors = tunedSources->reviews(ids, texts, encodeContext);
    if (!tunedVectors) return tunedVectors.error();
    if (tunedVectors->rows != static_cast<int>(ids.size())) return makeError(ErrorCode::Internal, "the encoder returned a wrong number of vectors");

    Trained t;
    t.classifier.kind = ClassifierKind::Finetune;
    t.classifier.scheme = options.scheme;
    t.classifier.encoder = vectors.encoder;
    t.classifier.tunedLayers = std::move(result->tunedLayers);
    HeadWeights head;
    head.dim = xTrain.cols;
    head.classes = classCount;
    head.output = result->headWeights;
    head.outputBias = result->headBias;
    t.classifier.head = VectorHead::from(head);
    const auto xValidationTuned = rowsOf(*tunedVectors, 0, validation.rows.size());
    const auto xTestTuned = rowsOf(*tunedVectors, validation.rows.size(), test.rows.size());
    t.testPredictions = argmaxClasses(t.classifier.head.predict(xTestTuned), classCount);
    char settings[240];
    std::snprintf(settings, sizeof settings,
                  "top %d of %d encoder layers and the head, best epoch %d of %d (early stopping on validation loss), %s training reviews, "
                  "%zu word pieces each at most",
                  data.settings.layers, vectors.encoderLayers, result->bestEpoch, result->epochs,
                  withThousands(static_cast<std::int64_t>(data.train.size())).c_str(), data.settings.maxTokens);
    t.result.name = "finetune";
    t.result.trained = true;
    t.result.settings = settings;
    t.result.bestEpoch = result->bestEpoch;
    t.result.epochs = result->epochs;
    t.result.tunedLayers = data.settings.layers;
    t.result.encoderLayers = vectors.encoderLayers;
    t.result.tuningTexts = static_cast<std::int64_t>(data.train.size());
    t.result.maxTokens = static_cast<int>(data.settings.maxTokens);
    t.result.validationLosses.push_back(result->startValidationLoss);
    t.result.validationLosses.insert(t.result.validationLosses.end(), result->validationLosses.begin(), result->validationLosses.end());
    t.validationPredictions = argmaxClasses(t.classifier.head.predict(xValidationTuned), classCount);
    t.result.validationMacroF1 = macroF1(validation.labels, t.validationPredictions, classCount);
    t.result.seconds = secondsSince(start);
    return t;
}

}  // namespace

Result<SentimentReport> SentimentTrainer::train(const std::filesystem::path& project, const TrainOptions& options,
                                                const VectorSources* vectors, const JobContext& context) {
    const auto& scheme = options.scheme;
    const int classes = scheme.classes;
    auto fingerprint = reviewDataFingerprint(project);
    if (!fingerprint) return fingerprint.error();
    const bool canUseVectors = vectors && vectors->reviews && headTrainingAvailable();
    const std::string runKey = *fingerprint + "|" + std::string(labelSourceName(scheme.source)) + "|" + std::to_string(classes) + "|" +
                               std::to_string(options.seed) + "|dedup|" + (options.only ? std::string(classifierName(*options.only)) : "best") + "|" +
                               (canUseVectors ? vectors->encoder : "no-vectors") + fineTuneKey(options) + "|v2";
    if (!options.retrain) {
        auto stored = SentimentStore::findRun(project, runKey);
        if (!stored) return stored.error();
        if (*stored) {
            (*stored)->reused = true;
            return **stored;
        }
    }
    if (options.only && readsVectors(*options.only) && !canUseVectors)
        return makeError(ErrorCode::Unsupported, std::string("the ") + std::string(classifierName(*options.only)) +
                                                     " classifier reads the encoder's vectors, and no encoder is available" +
                                                     (headTrainingAvailable() ? " (install a model)" : " (this build has no LibTorch)"));

    if (options.only && tunesEncoder(*options.only) && !(vectors->fineTune && vectors->tuned))
        return makeError(ErrorCode::Unsupported, "fine-tuning needs the encoder itself, and these vectors do not come from one");

    context.report(0.0, stages::kReadingReviews);
    auto corpus = ReviewCorpus::load(project, scheme.source);
    if (!corpus) return corpus.error();
    SentimentReport report;
    report.scheme = scheme;
    report.seed = options.seed;
    report.reviews = static_cast<std::int64_t>(corpus->size());
    report.dataFingerprint = *fingerprint;
    report.runKey = runKey;
    report.classCounts.assign(static_cast<std::size_t>(classes), 0);
    const ReviewSplit split{options.seed};
    Part train, validation, test;
    for (const auto& labelled : labelledReviews(*corpus, scheme, split, &report.duplicateTexts)) {
        ++report.labelled;
        ++report.classCounts[static_cast<std::size_t>(labelled.classIndex)];
        Part& target = labelled.part == SplitPart::Train ? train : labelled.part == SplitPart::Validation ? validation : test;
        target.rows.push_back(labelled.row);
        target.labels.push_back(labelled.classIndex);
        target.texts.push_back(corpus->texts[labelled.row]);
        target.ids.push_back(corpus->ids[labelled.row]);
    }
    report.train = static_cast<std::int64_t>(train.rows.size());
    report.validation = static_cast<std::int64_t>(validation.rows.size());
    report.test = static_cast<std::int64_t>(test.rows.size());
    {
        std::vector<std::int64_t> trainCounts(static_cast<std::size_t>(classes), 0);
        for (int y : train.labels) ++trainCounts[static_cast<std::size_t>(y)];
        for (int k = 0; k < classes; ++k)
            if (trainCounts[static_cast<std::size_t>(k)] < options.minimumPerClass)
                return makeError(ErrorCode::InputData,
                                 "too few labelled reviews to train on: the training part has " + std::to_string(trainCounts[static_cast<std::size_t>(k)]) + " " +
                                     std::string(sentimentName(scheme.sentimentOf(k))) + " reviews, and each class needs at least " +
                                     std::to_string(options.minimumPerClass) + " (" + std::to_string(report.labelled) + " labelled of " +
                                     std::to_string(report.reviews) + " reviews; " + scheme.describe() + ")",
                                 project.string());
    }
    if (validation.rows.empty() || test.rows.empty())
        return makeError(ErrorCode::InputData, "too few reviewers to hold some out for validation and testing (" +
                                                   std::to_string(report.labelled) + " labelled reviews)", project.string());

    std::vector<Trained> trained;
    auto wanted = [&](ClassifierKind kind) { return !options.only || *options.only == kind; };
    auto stop = [&] { return context.cancelled(); };
    const auto weights = balancedWeights(train.labels, classes);

    if (wanted(ClassifierKind::Tfidf)) {
        const auto start = Clock::now();
        context.report(0.05, stages::kTfidfCountingTerms);
        Trained t;
        t.classifier.kind = ClassifierKind::Tfidf;
        t.classifier.scheme = scheme;
        t.classifier.tfidf = TfidfModel::fit(train.texts);
        const auto xTrain = t.classifier.tfidf.transform(train.texts);
        const auto xValidation = t.classifier.tfidf.transform(validation.texts);
        double bestF1 = -1, bestC = 0;
        for (std::size_t g = 0; g < options.cGrid.size(); ++g) {
            if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
            context.report(0.1 + 0.3 * static_cast<double>(g) / static_cast<double>(options.cGrid.size()), stages::kTfidfLogisticRegression);
            LogisticOptions lo;
            lo.c = options.cGrid[g];
            auto model = LogisticRegression::fit(xTrain, train.labels, classes, lo, stop);
            auto predicted = argmaxClasses(model.predict(xValidation), classes);
            const double f1 = macroF1(validation.labels, predicted, classes);
            if (f1 > bestF1) {
                bestF1 = f1;
                bestC = lo.c;
                t.classifier.logistic = std::move(model);
                t.validationPredictions = std::move(predicted);
            }
        }
        if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
        t.testPredictions = argmaxClasses(t.classifier.logistic.predict(t.classifier.tfidf.transform(test.texts)), classes);
        char settings[160];
        std::snprintf(settings, sizeof settings, "C=%g (chosen on validation), %s terms (words and word pairs; characters 1-3)", bestC,
                      withThousands(static_cast<std::int64_t>(t.classifier.tfidf.termCount())).c_str());
        t.result.name = "tfidf";
        t.result.trained = true;
        t.result.settings = settings;
        t.result.chosenC = bestC;
        t.result.terms = static_cast<std::int64_t>(t.classifier.tfidf.termCount());
        t.result.validationMacroF1 = bestF1;
        t.result.seconds = secondsSince(start);
        trained.push_back(std::move(t));
    }

    rec::DenseMatrix choiceVectors;  // training then validation rows, for cross-validation
    const bool wantHeads = wanted(ClassifierKind::Head) || wanted(ClassifierKind::Mlp);
    const bool wantFineTune = wantsFineTune(options) && canUseVectors && vectors->fineTune && vectors->tuned;
    // Fine-tuning takes most of the time when it runs, so the other stages get less of the bar.
    const double encodeEnd = wantFineTune ? 0.2 : 0.75, headsEnd = wantFineTune ? 0.25 : 0.95;
    if ((wantHeads || wantFineTune) && canUseVectors) {
        context.report(0.45, stages::kEncodingReviews);
        std::vector<std::int64_t> ids;
        std::vector<std::string> texts;
        for (const Part* part : {&train, &validation, &test}) {
            ids.insert(ids.end(), part->ids.begin(), part->ids.end());
            texts.insert(texts.end(), part->texts.begin(), part->texts.end());
        }
        const JobContext encodeContext = phase(context, wantFineTune ? 0.15 : 0.45, encodeEnd);
        auto all = vectors->reviews(ids, texts, encodeContext);
        if (!all) return all.error();
        if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
        if (all->rows != static_cast<int>(ids.size())) return makeError(ErrorCode::Internal, "the encoder returned a wrong number of vectors");
        report.encoder = vectors->encoderName;
        if (vectors->unknownTokenRate) report.unknownTokenRate = vectors->unknownTokenRate(texts);
        const auto xTrain = rowsOf(*all, 0, train.rows.size());
        const auto xValidation = rowsOf(*all, train.rows.size(), validation.rows.size());
        choiceVectors = rowsOf(*all, 0, train.rows.size() + validation.rows.size());
        const auto xTest = rowsOf(*all, train.rows.size() + validation.rows.size(), test.rows.size());
        for (ClassifierKind kind : {ClassifierKind::Head, ClassifierKind::Mlp}) {
            if (!wanted(kind)) continue;
            const auto start = Clock::now();
            HeadTraining headOptions = kind == ClassifierKind::Head ? options.logisticHead : options.mlpHead;
            headOptions.seed = options.seed;
            const std::string stage = kind == ClassifierKind::Head ? stages::kLogisticRegressionOnVectors : stages::kMlpOnVectors;
            HeadTrainingReport headReport;
            Trained t;
            t.classifier.kind = kind;
            t.classifier.scheme = scheme;
            t.classifier.encoder = vectors->encoder;
            const LabelledRows trainRows{xTrain.data.data(), xTrain.rows, xTrain.cols, &train.labels};
            const LabelledRows validationRows{xValidation.data.data(), xValidation.rows, xValidation.cols, &validation.labels};
            t.classifier.head = VectorHead::from(trainHead(trainRows, validationRows, classes, weights, headOptions, headReport,
                                          [&](int epoch, double, double) {
                                              context.report(JobProgress{kind == ClassifierKind::Head ? encodeEnd : (encodeEnd + headsEnd) / 2,
                                                                         stage, {}, {{stages::kValueEpoch, double(epoch)}}});
                                              return !context.cancelled();
                                          }));
            if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
            t.testPredictions = argmaxClasses(t.classifier.head.predict(xTest), classes);
            char settings[200];
            if (kind == ClassifierKind::Head)
                std::snprintf(settings, sizeof settings, "best epoch %d of %d (early stopping on validation loss)", headReport.bestEpoch, headReport.epochs);
            else
                std::snprintf(settings, sizeof settings, "%d hidden units, best epoch %d of %d (early stopping on validation loss)",
                              headOptions.hiddenSize, headReport.bestEpoch, headReport.epochs);
            t.result.name = std::string(classifierName(kind));
            t.result.trained = true;
            t.result.settings = settings;
            t.result.hiddenUnits = kind == ClassifierKind::Head ? 0 : headOptions.hiddenSize;
            t.result.bestEpoch = headReport.bestEpoch;
            t.result.epochs = headReport.epochs;
            t.validationPredictions = argmaxClasses(t.classifier.head.predict(xValidation), classes);
            t.result.validationMacroF1 = macroF1(validation.labels, t.validationPredictions, classes);
            t.result.seconds = secondsSince(start);
            trained.push_back(std::move(t));
        }
        if (wantFineTune) {
            auto tuned = fineTuneEncoder(*vectors, options, trained, train, validation, test, xTrain, xValidation, weights, classes, context);
            if (!tuned) return tuned.error();
            trained.push_back(std::move(*tuned));
        }
    }

    if (trained.empty()) return makeError(ErrorCode::Internal, "no classifier was trained");
    context.report(0.95, stages::kMeasuringHeldOut);
    for (auto& t : trained) t.result.heldout = measureQuality(test.labels, t.testPredictions, classes, options.seed);
    std::size_t keptIndex = 0;
    if (options.only) {
        report.choice = "requested";
    } else if (validation.rows.size() < options.crossValidateBelow && trained.size() > 1) {
        // A small validation part: the cheap classifiers are compared by cross-validation over the
        // training and validation reviews; a fine-tuned encoder (too slow to refit per fold) replaces
        // the winner only when it beats it on validation beyond doubt.
        context.report(0.95, stages::kCrossValidating);
        CrossValidationData data;
        data.classes = classes;
        data.vectors = choiceVectors.rows > 0 ? &choiceVectors : nullptr;
        for (const Part* part : {&train, &validation})
            for (std::size_t i = 0; i < part->rows.size(); ++i) {
                data.texts.push_back(part->texts[i]);
                data.labels.push_back(part->labels[i]);
                data.reviewers.push_back(corpus->users[part->rows[i]]);
            }
        std::vector<CrossValidationCandidate> candidates;
        for (const auto& t : trained) {
            if (tunesEncoder(t.classifier.kind)) continue;
            CrossValidationCandidate c;
            c.kind = t.classifier.kind;
            c.c = t.result.chosenC;
            c.head = t.classifier.kind == ClassifierKind::Mlp ? options.mlpHead : options.logisticHead;
            c.head.seed = options.seed;
            c.head.maxEpochs = std::max(1, t.result.bestEpoch);
            candidates.push_back(c);
        }
        const auto scores = crossValidatedMacroF1(data, candidates, options.crossValidationFolds, options.seed, stop);
        if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
        for (std::size_t i = 0; i < scores.size(); ++i) {
            trained[i].result.crossValidationMacroF1 = scores[i];
            if (scores[i] > scores[keptIndex]) keptIndex = i;
        }
        report.crossValidationFolds = options.crossValidationFolds;
        report.choice = kChoiceCrossValidation;
        if (trained.back().classifier.kind == ClassifierKind::Finetune && scores.size() == trained.size() - 1) {
            auto test = pairedTest(trained.back().result.name, trained[keptIndex].result.name, validation.labels,
                                   trained.back().validationPredictions, trained[keptIndex].validationPredictions, classes, options.seed);
            if (test.low > 0) keptIndex = trained.size() - 1;
            report.choiceTests.push_back(std::move(test));
        }
    } else {
        // Trained in order of cost (TF-IDF, head, MLP, fine-tuned): see chooseOnValidation.
        std::vector<std::string> names;
        std::vector<std::vector<int>> validationPredictions;
        for (const auto& t : trained) {
            names.push_back(t.result.name);
            validationPredictions.push_back(t.validationPredictions);
        }
        auto choice = chooseOnValidation(names, validation.labels, validationPredictions, classes, options.seed);
        keptIndex = choice.kept;
        report.choice = kChoiceCheapestUnlessBeaten;
        report.choiceTests = std::move(choice.tests);
    }
    report.chosen = trained[keptIndex].result.name;
    for (std::size_t i = 0; i < trained.size(); ++i)
        if (i != keptIndex)
            report.comparisons.push_back(pairedTest(trained[keptIndex].result.name, trained[i].result.name, test.labels,
                                                    trained[keptIndex].testPredictions, trained[i].testPredictions, classes, options.seed));
    std::vector<std::pair<std::string, const SentimentClassifier*>> toStore;
    for (ClassifierKind kind : allClassifierKinds()) {
        const std::string name(classifierName(kind));
        auto it = std::find_if(trained.begin(), trained.end(), [&](const Trained& t) { return t.result.name == name; });
        if (it != trained.end()) {
            report.classifiers.push_back(it->result);
            const std::string key = name + "-" + hex(hashOf(runKey));
            report.classifierKeys.emplace_back(name, key);
            toStore.emplace_back(key, &it->classifier);
            if (static_cast<std::size_t>(it - trained.begin()) == keptIndex) report.keptKey = key;
        } else if (wanted(kind)) {
            ClassifierResult skipped;
            skipped.name = name;
            skipped.skipped = !headTrainingAvailable() ? "this build has no LibTorch"
                              : !vectors             ? options.noVectorsReason
                                                     : "no review vectors";
            skipped.skippedCode = !headTrainingAvailable() ? "no-torch" : !vectors ? options.noVectorsCode : "no-vectors";
            if (kind == ClassifierKind::Finetune && skipped.skippedCode == "no-vectors") {
                const bool off = !wantsFineTune(options);
                skipped.skipped = off ? "fine-tuning was not asked for (it takes minutes without a GPU)"
                                      : "these vectors do not come from an encoder that can be fine-tuned";
                skipped.skippedCode = off ? "not-enabled" : "cannot-tune";
            }
            report.classifiers.push_back(skipped);
        }
    }
    report.created = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
    if (context.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
    SS_TRY(SentimentStore::saveRun(project, report, toStore));
    context.report(1.0, stages::kDone);
    return report;
}

}  // namespace ss::sentiment
