#include "Command.h"

namespace ss::cli {

const std::vector<Command>& commands() {
    static const std::vector<Command> all = {
        {"sample", "sample --db F [--users N --items N --days N --seed S] [--json]", runSample},
        {"import", "import --db F --format FMT [--map column=field ...] [--event-type T] [--drop-outside-window] [--json] PATH...", runImport},
        {"stats", "stats --db F [--json]", runStats},
        {"tokenize", "tokenize [--model DIR] [--max-length N] [--json] TEXT...", runTokenize},
        {"metrics", "metrics --truth CSV --pred CSV --k K [--convention recommenders|recbole] [--json]", runMetrics},
        {"evaluate", "evaluate --db F [--recommenders popularity,itemknn,als,content,twotower,hybrid] [--split temporal|leave-last|random] [--k K] [--cutoff DATE] [--test-fraction F] [--target purchase] [--weights view=1,cart=3,favourite=2,purchase=5] [--seed S] [--convention C] [--param model.name=value ...] [rules] [--no-store] [--json]", runEvaluate},
        {"recommend", "recommend --db F --user ID [--k K] [--recommender R] [--param model.name=value ...] [--category C] [--exclude-category C] [--min-price P] [--max-price P] [--in-stock] [--boost IDS] [--bury IDS] [--mmr L] [--include-known] [--explain N] [--json]", runRecommend},
#ifdef SHELFSENSE_WITH_TORCH
        {"embed", "embed [--model DIR] [--device auto|cpu|cuda] [--precision fp32|fp16|bf16] [--batch-size N] [--threads N] [--json] (TEXT... | --input FILE)", runEmbed},
        {"encode", "encode --db F [--model DIR] --target items|reviews [--device D] [--precision P] [--json]", runEncode},
        {"similar", "similar --db F --item ID [--k K] [--model DIR] [--json]", runSimilar},
        {"search", "search --db F --query TEXT [--k K] [--model DIR] [--json]", runSearch},
#endif
    };
    return all;
}

}  // namespace ss::cli
