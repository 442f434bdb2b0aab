#include "SentimentReport.h"

#include <cmath>

#include <boost/json.hpp>

#include "common/JsonFields.h"

namespace ss::sentiment {

boost::json::value ClassifierResult::toJson() const {
    boost::json::object o{{"classifier", name}, {"trained", trained}};
    if (!trained) {
        o["skipped"] = skipped;
        o["skipped_code"] = skippedCode;
        return o;
    }
    o["settings"] = settings;
    if (name == "tfidf") {
        o["c"] = chosenC;
        o["terms"] = terms;
    } else {
        o["hidden_units"] = hiddenUnits;
        o["best_epoch"] = bestEpoch;
        o["epochs"] = epochs;
        if (name == "finetune") {
            o["tuned_layers"] = tunedLayers;
            o["encoder_layers"] = encoderLayers;
            o["tuning_texts"] = tuningTexts;
            o["max_tokens"] = maxTokens;
            boost::json::array losses;
            for (double l : validationLosses) losses.push_back(jsonNumber(l));
            o["validation_losses"] = std::move(losses);
        }
    }
    o["validation_macro_f1"] = jsonNumber(validationMacroF1);
    if (std::isfinite(crossValidationMacroF1)) o["cross_validation_macro_f1"] = jsonNumber(crossValidationMacroF1);
    o["heldout"] = heldout.toJson();
    o["seconds"] = jsonNumber(seconds);
    return o;
}

ClassifierResult ClassifierResult::fromJson(const boost::json::value& v) {
    ClassifierResult r;
    const auto* o = v.if_object();
    if (!o) return r;
    r.name = stringAt(*o, "classifier");
    r.trained = boolAt(*o, "trained");
    r.skipped = stringAt(*o, "skipped");
    r.skippedCode = stringAt(*o, "skipped_code");
    r.settings = stringAt(*o, "settings");
    r.chosenC = numberAt(*o, "c");
    r.terms = static_cast<std::int64_t>(numberAt(*o, "terms"));
    r.hiddenUnits = static_cast<int>(numberAt(*o, "hidden_units"));
    r.bestEpoch = static_cast<int>(numberAt(*o, "best_epoch"));
    r.epochs = static_cast<int>(numberAt(*o, "epochs"));
    r.tunedLayers = static_cast<int>(numberAt(*o, "tuned_layers"));
    r.encoderLayers = static_cast<int>(numberAt(*o, "encoder_layers"));
    r.tuningTexts = static_cast<std::int64_t>(numberAt(*o, "tuning_texts"));
    r.maxTokens = static_cast<int>(numberAt(*o, "max_tokens"));
    if (auto it = o->find("validation_losses"); it != o->end() && it->value().is_array())
        for (const auto& l : it->value().as_array())
            if (l.is_number()) r.validationLosses.push_back(l.to_number<double>());
    r.validationMacroF1 = numberAt(*o, "validation_macro_f1");
    if (o->contains("cross_validation_macro_f1")) r.crossValidationMacroF1 = numberAt(*o, "cross_validation_macro_f1");
    if (auto it = o->find("heldout"); it != o->end()) r.heldout = ClassifierQuality::fromJson(it->value());
    r.seconds = numberAt(*o, "seconds");
    return r;
}

const ClassifierResult* SentimentReport::find(const std::string& name) const {
    for (const auto& c : classifiers)
        if (c.name == name) return &c;
    return nullptr;
}

boost::json::value SentimentReport::toJson() const {
    boost::json::object o;
    o["model"] = chosen;
    o["choice"] = choice;
    if (const auto* k = kept(); k && k->trained)
        o["heldout"] = boost::json::object{{"accuracy", jsonNumber(k->heldout.accuracy)},
                                           {"macro_f1", jsonNumber(k->heldout.macroF1)},
                                           {"n", k->heldout.n}};
    if (const auto* b = find("tfidf")) o["baseline"] = b->toJson();
    boost::json::array list;
    for (const auto& c : classifiers) list.push_back(c.toJson());
    o["classifiers"] = std::move(list);
    boost::json::array tests;
    for (const auto& t : comparisons) tests.push_back(t.toJson());
    o["comparisons"] = std::move(tests);
    boost::json::array choiceTests;
    for (const auto& t : this->choiceTests) choiceTests.push_back(t.toJson());
    o["choice_tests"] = std::move(choiceTests);
    if (crossValidationFolds > 0) o["cross_validation_folds"] = crossValidationFolds;
    boost::json::array counts;
    for (auto c : classCounts) counts.push_back(c);
    o["labels"] = boost::json::object{{"source", labelSourceName(scheme.source)},
                                      {"classes", scheme.classes},
                                      {"definition", scheme.describe()},
                                      {"class_counts", std::move(counts)}};
    o["split"] = boost::json::object{{"grouped_by", "reviewer"}, {"seed", seed}, {"reviews", reviews}, {"labelled", labelled},
                                     {"train", train}, {"validation", validation}, {"test", test},
                                     {"duplicate_texts_left_out", duplicateTexts}};
    o["encoder"] = boost::json::object{{"name", encoder}, {"unknown_token_rate", jsonNumber(unknownTokenRate)}};
    o["data_fingerprint"] = dataFingerprint;
    o["kept_key"] = keptKey;
    o["run_key"] = runKey;
    boost::json::array keys;
    for (const auto& [name, key] : classifierKeys) keys.push_back(boost::json::object{{"classifier", name}, {"key", key}});
    o["classifier_keys"] = std::move(keys);
    o["created"] = created;
    o["reused"] = reused;
    return o;
}

SentimentReport SentimentReport::fromJson(const boost::json::value& v) {
    SentimentReport r;
    const auto* o = v.if_object();
    if (!o) return r;
    r.chosen = stringAt(*o, "model");
    r.choice = stringAt(*o, "choice");
    if (const auto* list = arrayAt(*o, "classifiers"))
        for (const auto& c : *list) r.classifiers.push_back(ClassifierResult::fromJson(c));
    if (const auto* tests = arrayAt(*o, "comparisons"))
        for (const auto& t : *tests) r.comparisons.push_back(PairedTest::fromJson(t));
    if (const auto* tests = arrayAt(*o, "choice_tests"))
        for (const auto& t : *tests) r.choiceTests.push_back(PairedTest::fromJson(t));
    r.crossValidationFolds = static_cast<int>(numberAt(*o, "cross_validation_folds"));
    if (const auto* labels = objectAt(*o, "labels")) {
        r.scheme.source = parseLabelSource(stringAt(*labels, "source", "stars")).value_or(LabelSource::Stars);
        r.scheme.classes = numberAt(*labels, "classes", 2) == 3 ? 3 : 2;
        if (const auto* counts = arrayAt(*labels, "class_counts"))
            for (const auto& c : *counts) r.classCounts.push_back(static_cast<std::int64_t>(numberOr(c, 0)));
    }
    if (const auto* split = objectAt(*o, "split")) {
        r.seed = static_cast<std::uint64_t>(numberAt(*split, "seed", 42));
        r.reviews = static_cast<std::int64_t>(numberAt(*split, "reviews"));
        r.labelled = static_cast<std::int64_t>(numberAt(*split, "labelled"));
        r.train = static_cast<std::int64_t>(numberAt(*split, "train"));
        r.validation = static_cast<std::int64_t>(numberAt(*split, "validation"));
        r.test = static_cast<std::int64_t>(numberAt(*split, "test"));
        r.duplicateTexts = static_cast<std::int64_t>(numberAt(*split, "duplicate_texts_left_out"));
    }
    if (const auto* encoder = objectAt(*o, "encoder")) {
        r.encoder = stringAt(*encoder, "name");
        r.unknownTokenRate = numberAt(*encoder, "unknown_token_rate", std::numeric_limits<double>::quiet_NaN());
    }
    r.dataFingerprint = stringAt(*o, "data_fingerprint");
    r.keptKey = stringAt(*o, "kept_key");
    r.runKey = stringAt(*o, "run_key");
    if (const auto* keys = arrayAt(*o, "classifier_keys"))
        for (const auto& k : *keys)
            if (const auto* ko = k.if_object()) r.classifierKeys.emplace_back(stringAt(*ko, "classifier"), stringAt(*ko, "key"));
    r.created = static_cast<std::int64_t>(numberAt(*o, "created"));
    r.reused = boolAt(*o, "reused");
    return r;
}

}  // namespace ss::sentiment
