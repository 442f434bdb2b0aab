#include "Command.h"

namespace ss::cli {

namespace {
constexpr const char* kEvaluate =
    "evaluate --db F [--recommenders R,R,... (default popularity,itemknn,als)] [--split temporal|leave-last|random] [--k K] [--cutoff DATE] [--test-fraction F] [--test-users N] [--target purchase] [--weights view=1,cart=3,favourite=2,purchase=5] [--seed S] [--convention C] [--param model.name=value ...] [rules] [--no-store] [--json]";
constexpr const char* kRecommend =
    "recommend --db F --user ID [--k K] [--recommender R] [--param model.name=value ...] [--category C] [--exclude-category C] [--min-price P] [--max-price P] [--in-stock] [--boost IDS] [--bury IDS] [--bury-negative SHARE] [--mmr L] [--include-known] [--explain N] [--retrain] [--json]";
constexpr const char* kSentiment =
    "sentiment (train|apply|report|topics|predict) --db F [--labels stars|imported] [--classes 2|3] [--classifier tfidf|head|mlp|finetune] [--with-finetune] [--finetune-layers N] [--finetune-epochs N] [--finetune-max N] [--seed S] [--retrain] [--no-encoder] [--export-split CSV] [--items N] [--polarity negative|positive] [--category C] [--item ID] [--groups N] [--vectors auto|encoder|tfidf] [--model DIR] [--json] [TEXT... | --input FILE]";
}  // namespace

#ifndef SHELFSENSE_MODEL_MODULE
const std::vector<Command>& commands() {
    static const std::vector<Command> all = [] {
        std::vector<Command> list = {
            {"sample", "sample --db F [--users N --items N --days N --seed S] [--language en|zh|both] [--json]", runSample},
            {"import", "import --db F --format FMT [--map column=field ...] [--event-type T] [--drop-outside-window] [--json] PATH...", runImport},
            {"stats", "stats --db F [--json]", runStats},
            {"tokenize", "tokenize [--model DIR] [--max-length N] [--json] TEXT...", runTokenize},
            {"metrics", "metrics --truth CSV --pred CSV --k K [--convention recommenders|recbole] [--json]", runMetrics},
            {"cohorts", "cohorts --db F [--period day|week|month] [--mode on|on-or-after] [--cohort-type first-time|recurring] [--cohort-event first-any|first-purchase|TYPE] [--return-event any|TYPE[,TYPE]] [--window calendar|rolling|brackets] [--brackets 1-3,4-7,...] [--rate-base cohort|previous] [--mean weighted|simple] [--timezone TZ] [--segment-by segment|acquisition-category|first-order-value|first-review-sentiment|property:NAME|recommended-by:RUN (--segment VALUE | --compare A,B)] [--members DATE:N [--save-segment NAME [--replace]]] [--list-stored | --stored NAME] [--json|--csv]", runCohorts},
            {"segments", "segments --db F (list | save NAME (--customers FILE | --property NAME=VALUE) [--description TEXT] [--replace] | export NAME | delete NAME) [--json]", runSegments},
            {"model", "model (status | install FOLDER|WHEEL|ZIP) [--json]", runModel},
            {"models", "models (list [--db F] | add FOLDER|WHEEL|ZIP | verify NAME|FOLDER | remove NAME) [--json]", runModels},
            {"export", "export --db F --to DIR [--format csv|jsonl] [--replace] [--json]", runExport},
            {"survival", "survival --db F [--churn-gap DAYS] [--segment-by segment|acquisition-category|first-order-value|first-review-sentiment|property:NAME|recommended-by:RUN] [--segment VALUE ...] [--churned-at DAYS [--save-segment NAME [--replace]]] [--json]", runSurvival},
        };
#ifdef SHELFSENSE_WITH_TORCH
        for (Command c : modelCommands()) list.push_back({c.name, c.synopsis, nullptr});
#else
        for (const Command& c : modelCommands()) list.push_back(c);
#endif
        return list;
    }();
    return all;
}
#endif

const std::vector<Command>& modelCommands() {
#if defined(SHELFSENSE_WITH_TORCH) && !defined(SHELFSENSE_MODEL_MODULE)
    // Names and synopses only: the executable does not link the model code.
    static const std::vector<Command> all = {
        {"embed", "embed [--model DIR] [--device auto|cpu|cuda] [--precision fp32|fp16|bf16|fast] [--batch-size N] [--threads N] [--json] [--vector-format json|base64] (TEXT... | --input FILE | --jsonl)", nullptr},
        {"encode", "encode --db F [--model DIR] --target items|reviews [--device D] [--precision P] [--json]", nullptr},
        {"import-results", "import-results --db F (--vectors FILE|DIR --target items|reviews [--model DIR] | --als DIR | --cohorts FILE [--name NAME]) [--json]", nullptr},
        {"similar", "similar --db F --item ID [--k K] [--model DIR] [--json]", nullptr},
        {"search", "search --db F (--query TEXT ... | --input FILE) [--mode hybrid|lexical|semantic] [--semantic-weight W] [--k K] [--model DIR] [--json]", nullptr},
        {"evaluate", kEvaluate, nullptr},
        {"recommend", kRecommend, nullptr},
        {"sentiment", kSentiment, nullptr},
    };
#elif defined(SHELFSENSE_WITH_TORCH)
    static const std::vector<Command> all = {
        {"embed", "embed [--model DIR] [--device auto|cpu|cuda] [--precision fp32|fp16|bf16|fast] [--batch-size N] [--threads N] [--json] [--vector-format json|base64] (TEXT... | --input FILE | --jsonl)", runEmbed},
        {"encode", "encode --db F [--model DIR] --target items|reviews [--device D] [--precision P] [--json]", runEncode},
        {"import-results", "import-results --db F (--vectors FILE|DIR --target items|reviews [--model DIR] | --als DIR | --cohorts FILE [--name NAME]) [--json]", runImportResults},
        {"similar", "similar --db F --item ID [--k K] [--model DIR] [--json]", runSimilar},
        {"search", "search --db F (--query TEXT ... | --input FILE) [--mode hybrid|lexical|semantic] [--semantic-weight W] [--k K] [--model DIR] [--json]", runSearch},
        {"evaluate", kEvaluate, runEvaluate},
        {"recommend", kRecommend, runRecommend},
        {"sentiment", kSentiment, runSentiment},
    };
#else
    static const std::vector<Command> all = {
        {"evaluate", kEvaluate, runEvaluate},
        {"recommend", kRecommend, runRecommend},
    };
#endif
    return all;
}

}  // namespace ss::cli
