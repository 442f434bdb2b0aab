// `sentiment train|apply|report|topics|predict`: review sentiment classifiers kept in the project
// (DESIGN §3). train chooses the best classifier on validation unless --classifier names one;
// apply labels every review with it; report shows its quality and sentiment per category, month and
// product; topics groups complaints (or praise); predict labels new texts.
#include <boost/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "InputTexts.h"
#include "ModelDir.h"
#include "Output.h"
#include "sentiment/ComplaintTopics.h"
#include "sentiment/EncoderVectors.h"
#include "sentiment/ReviewCorpus.h"
#include "sentiment/SentimentApplier.h"
#include "sentiment/SentimentOverview.h"
#include "sentiment/SentimentStore.h"
#include "sentiment/SentimentTrainer.h"

namespace ss::cli {
namespace {

using namespace ss::sentiment;

Result<std::filesystem::path> existingProject(const ArgParser& parser) {
    auto db = parser.required("db");
    if (!db) return db.error();
    std::error_code ec;
    if (!std::filesystem::exists(*db, ec)) return makeError(ErrorCode::Io, "no such project file", *db);
    return std::filesystem::path(*db);
}

// The encoder's vector sources, or none when --no-encoder is given or no model is installed (then
// only the TF-IDF classifier can be used, and the report says why the heads were skipped).
Result<std::optional<VectorSources>> vectorSources(const ArgParser& parser, const std::filesystem::path& project, bool required) {
    if (parser.flag("no-encoder")) return std::optional<VectorSources>{};
    auto dir = modelDir(parser);
    if (!dir) {
        if (required || parser.value("model")) return dir.error();
        return std::optional<VectorSources>{};
    }
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    auto sources = encoderVectorSources(project, *dir, *options);
    if (!sources) return sources.error();
    return std::optional<VectorSources>{std::move(*sources)};
}

Result<LabelScheme> labelScheme(const ArgParser& parser) {
    LabelScheme scheme;
    const auto source = parseLabelSource(parser.value("labels").value_or("stars"));
    if (!source) return makeError(ErrorCode::Usage, "--labels must be stars or imported");
    scheme.source = *source;
    auto classes = parser.integer("classes", 2);
    if (!classes) return classes.error();
    if (*classes != 2 && *classes != 3) return makeError(ErrorCode::Usage, "--classes must be 2 or 3");
    scheme.classes = static_cast<int>(*classes);
    return scheme;
}

// The split as the trainer makes it, for peers that must train on exactly the same reviews.
Status exportSplit(const std::filesystem::path& project, const LabelScheme& scheme, std::uint64_t seed, const std::string& file) {
    auto corpus = ReviewCorpus::load(project, scheme.source);
    if (!corpus) return corpus.error();
    std::ofstream out(file, std::ios::binary);
    if (!out) return makeError(ErrorCode::Io, "cannot write the split file", file);
    out << "review_id,part,label,text\n";
    for (const auto& r : labelledReviews(*corpus, scheme, ReviewSplit{seed})) {
        std::string quoted = "\"";
        for (char c : corpus->texts[r.row]) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += '"';
        const char* part = r.part == SplitPart::Train ? "train" : r.part == SplitPart::Validation ? "validation" : "test";
        out << corpus->ids[r.row] << ',' << part << ',' << r.classIndex << ',' << quoted << '\n';
    }
    if (!out) return makeError(ErrorCode::Io, "cannot write the split file", file);
    return {};
}

void printReportText(const SentimentReport& r) {
    std::printf("%s; %lld reviews, %lld labelled with distinct texts (train %lld, validation %lld, held out %lld; split by reviewer, seed %llu; %lld repeated texts left out)\n",
                r.scheme.describe().c_str(), (long long)r.reviews, (long long)r.labelled, (long long)r.train, (long long)r.validation,
                (long long)r.test, (unsigned long long)r.seed, (long long)r.duplicateTexts);
    if (!r.encoder.empty() && std::isfinite(r.unknownTokenRate))
        std::printf("encoder %s reads %.1f%% of the word pieces as unknown\n", r.encoder.c_str(), 100 * r.unknownTokenRate);
    std::printf("%-8s %10s %18s %24s  %s\n", "", "valid. F1", "held-out accuracy", "held-out macro-F1 (95%)", "settings");
    for (const auto& c : r.classifiers) {
        if (!c.trained) {
            std::printf("%-8s skipped: %s\n", c.name.c_str(), c.skipped.c_str());
            continue;
        }
        std::printf("%-8s %10.3f %18.3f %10.3f [%.3f, %.3f]  %s%s\n", c.name.c_str(), c.validationMacroF1, c.heldout.accuracy, c.heldout.macroF1,
                    c.heldout.macroF1Low, c.heldout.macroF1High, c.settings.c_str(), c.name == r.chosen ? "  <- kept" : "");
    }
    for (const auto& t : r.comparisons)
        std::printf("%s vs %s: macro-F1 %+.3f [%+.3f, %+.3f], McNemar p = %.3g\n", t.a.c_str(), t.b.c_str(), t.macroF1Difference, t.low, t.high, t.pValue);
    std::printf("kept: %s (%s)%s\n", r.chosen.c_str(), r.choice.c_str(), r.reused ? ", reused from an earlier run on the same data" : "");
}

Status runTrain(const ArgParser& parser) {
    auto project = existingProject(parser);
    if (!project) return project.error();
    auto scheme = labelScheme(parser);
    if (!scheme) return scheme.error();
    auto seed = parser.integer("seed", 42);
    if (!seed) return seed.error();
    TrainOptions options;
    options.scheme = *scheme;
    options.seed = static_cast<std::uint64_t>(*seed);
    options.retrain = parser.flag("retrain");
    if (parser.flag("no-encoder")) {
        options.noVectorsReason = "not asked for (--no-encoder)";
        options.noVectorsCode = "not-requested";
    }
    if (auto name = parser.value("classifier")) {
        options.only = parseClassifierKind(*name);
        if (!options.only) return makeError(ErrorCode::Usage, "--classifier must be tfidf, head, mlp or finetune");
    }
    options.withFineTune = parser.flag("with-finetune");
    auto layers = parser.integer("finetune-layers", options.fineTune.layers);
    auto epochs = parser.integer("finetune-epochs", options.fineTune.maxEpochs);
    auto tuneMax = parser.integer("finetune-max", static_cast<std::int64_t>(options.fineTuneMaxTrain));
    if (!layers) return layers.error();
    if (!epochs) return epochs.error();
    if (!tuneMax) return tuneMax.error();
    if (*layers < 1 || *layers > 48) return makeError(ErrorCode::Usage, "--finetune-layers must be 1 or more (the top layers trained)");
    if (*epochs < 1 || *epochs > 100) return makeError(ErrorCode::Usage, "--finetune-epochs must be 1 to 100");
    if (*tuneMax < 0) return makeError(ErrorCode::Usage, "--finetune-max must be 0 (all) or a number of training reviews");
    options.fineTune.layers = static_cast<int>(*layers);
    options.fineTune.maxEpochs = static_cast<int>(*epochs);
    options.fineTuneMaxTrain = static_cast<std::size_t>(*tuneMax);
    if (auto file = parser.value("export-split")) SS_TRY(exportSplit(*project, *scheme, options.seed, *file));
    const bool needsVectors = (options.only && readsVectors(*options.only)) || options.withFineTune;
    auto sources = vectorSources(parser, *project, needsVectors);
    if (!sources) return sources.error();
    auto report = SentimentTrainer::train(*project, options, *sources ? &**sources : nullptr, stderrProgress(parser.flag("quiet")));
    if (!report) return report.error();
    if (parser.flag("json")) printJson(report->toJson());
    else printReportText(*report);
    return {};
}

Status runApply(const ArgParser& parser) {
    auto project = existingProject(parser);
    if (!project) return project.error();
    auto kept = SentimentApplier::kept(*project);
    if (!kept) return kept.error();
    auto sources = vectorSources(parser, *project, readsVectors(kept->second.kind));
    if (!sources) return sources.error();
    auto summary = SentimentApplier::apply(*project, *sources ? &**sources : nullptr, stderrProgress(parser.flag("quiet")));
    if (!summary) return summary.error();
    if (parser.flag("json"))
        printJson(boost::json::object{{"classifier", summary->classifier}, {"classifier_key", summary->classifierKey},
                                      {"reviews", summary->reviews}, {"labelled_now", summary->predictedNow},
                                      {"already_labelled", summary->alreadyPredicted}, {"seconds", summary->seconds}});
    else
        std::printf("%s: %lld reviews, %lld labelled now, %lld already labelled, %.1f s\n", summary->classifier.c_str(),
                    (long long)summary->reviews, (long long)summary->predictedNow, (long long)summary->alreadyPredicted, summary->seconds);
    return {};
}

Status runReport(const ArgParser& parser) {
    auto project = existingProject(parser);
    if (!project) return project.error();
    auto items = parser.integer("items", 20);
    if (!items) return items.error();
    auto run = SentimentStore::latestRun(*project);
    if (!run) return run.error();
    auto overview = SentimentOverview::compute(*project);
    if (!overview) return overview.error();
    if (parser.flag("json")) {
        boost::json::object o = *run ? (*run)->toJson().as_object() : boost::json::object{{"model", nullptr}};
        o["overview"] = overview->toJson(static_cast<std::size_t>(std::max<std::int64_t>(0, *items)));
        printJson(o);
        return {};
    }
    if (*run) printReportText(**run);
    else std::printf("no classifier trained yet (sentiment train)\n");
    std::printf("\n%s\n", overview->definition.c_str());
    auto line = [](const std::string& name, const SentimentTally& t) {
        std::printf("%-28s %7lld reviews  mean %+.2f  negative %5.1f%%  (%lld predicted, %lld unlabelled)\n", name.c_str(),
                    (long long)t.labelled(), t.mean(), 100 * t.shareNegative(), (long long)t.predicted, (long long)t.unlabelled);
    };
    line("all reviews", overview->total);
    for (const auto& c : overview->categories) line(c.category.empty() ? "(no category)" : c.category, c.tally);
    std::printf("\nmost negative products:\n");
    for (std::size_t i = 0; i < overview->items.size() && i < static_cast<std::size_t>(*items); ++i)
        line(overview->items[i].externalId, overview->items[i].tally);
    return {};
}

Status runPredict(const ArgParser& parser) {
    auto project = existingProject(parser);
    if (!project) return project.error();
    auto texts = inputTexts(parser);
    if (!texts) return texts.error();
    if (texts->empty()) return makeError(ErrorCode::Usage, "no text to label (give TEXT... or --input FILE)");
    auto kept = SentimentApplier::kept(*project);
    if (!kept) return kept.error();
    auto sources = vectorSources(parser, *project, readsVectors(kept->second.kind));
    if (!sources) return sources.error();
    auto labels = SentimentApplier::predictTexts(kept->second, *texts, *sources ? &**sources : nullptr);
    if (!labels) return labels.error();
    if (parser.flag("json")) {
        boost::json::array out;
        for (std::size_t i = 0; i < texts->size(); ++i)
            out.push_back(boost::json::object{{"text", (*texts)[i]},
                                              {"label", sentimentName((*labels)[i].first)},
                                              {"probability", (*labels)[i].second}});
        printJson(out);
    } else {
        for (std::size_t i = 0; i < texts->size(); ++i)
            std::printf("%-8s %.3f  %s\n", std::string(sentimentName((*labels)[i].first)).c_str(), (*labels)[i].second, (*texts)[i].c_str());
    }
    return {};
}

Status runTopics(const ArgParser& parser) {
    auto project = existingProject(parser);
    if (!project) return project.error();
    TopicOptions options;
    const std::string polarity = parser.value("polarity").value_or("negative");
    if (polarity != "negative" && polarity != "positive") return makeError(ErrorCode::Usage, "--polarity must be negative or positive");
    options.polarity = polarity == "negative" ? -1 : 1;
    options.category = parser.value("category");
    options.item = parser.value("item");
    const std::string vectorsName = parser.value("vectors").value_or("auto");
    if (vectorsName == "encoder") options.vectors = TopicVectors::Encoder;
    else if (vectorsName == "tfidf") options.vectors = TopicVectors::Tfidf;
    else if (vectorsName != "auto") return makeError(ErrorCode::Usage, "--vectors must be auto, encoder or tfidf");
    auto groups = parser.integer("groups", options.maxGroups);
    if (!groups) return groups.error();
    if (*groups < 2 || *groups > 30) return makeError(ErrorCode::Usage, "--groups must be from 2 to 30");
    options.maxGroups = static_cast<int>(*groups);
    auto sources = vectorSources(parser, *project, options.vectors == TopicVectors::Encoder);
    if (!sources) return sources.error();
    auto report = TopicReport::compute(*project, options, *sources ? &**sources : nullptr, stderrProgress(parser.flag("quiet")));
    if (!report) return report.error();
    if (parser.flag("json")) {
        printJson(report->toJson());
        return {};
    }
    std::printf("%lld %s reviews grouped by %s; %s\n", (long long)report->reviews, polarity.c_str(), report->vectors.c_str(), report->criterion.c_str());
    for (const auto& topic : report->topics) {
        std::string terms;
        for (const auto& t : topic.terms) terms += (terms.empty() ? "" : ", ") + t;
        std::printf("\n%5d reviews  %s\n", topic.size, terms.c_str());
        for (const auto& snippet : topic.snippets) std::printf("         \"%s\" (%s)\n", snippet.text.c_str(), snippet.item.c_str());
    }
    return {};
}

}  // namespace

Status runSentiment(const std::vector<std::string>& args) {
    if (args.empty()) return makeError(ErrorCode::Usage, "sentiment needs an action: train, apply, report, topics or predict");
    const std::string action = args.front();
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    ArgParser parser(withEncoderOptions({"db", "model", "labels", "classes", "classifier", "seed", "export-split", "items", "input", "polarity", "category", "item", "groups", "vectors", "finetune-layers", "finetune-epochs", "finetune-max"}),
                     {"json", "quiet", "retrain", "no-encoder", "with-finetune"});
    SS_TRY(parser.parse(rest));
    if (action == "train") return runTrain(parser);
    if (action == "apply") return runApply(parser);
    if (action == "report") return runReport(parser);
    if (action == "predict") return runPredict(parser);
    if (action == "topics") return runTopics(parser);
    return makeError(ErrorCode::Usage, "unknown sentiment action '" + action + "' (train, apply, report, topics or predict)");
}

}  // namespace ss::cli
