// MetricsCsv: reads the `metrics` command's inputs — truth CSV `user,item[,rating]` and predictions CSV
// `user,item,score`, plain, gzip or zipped (io/LineReader) — and runs RankingMetrics on them. Header
// rows are optional and detected; fields follow RFC 4180 (io/CsvReader, strict); every error names
// file:line and the field. Stateless; each call owns the files it opens: any thread.
#pragma once

#include <filesystem>
#include <string>

#include "common/Result.h"
#include "eval/GroundTruth.h"
#include "eval/MetricDefinitions.h"
#include "eval/MetricsReport.h"
#include "eval/Predictions.h"
#include "io/LineReader.h"

namespace ss {

class MetricsCsv {
public:
    // Header detection: the first row is a header when its rating/score field is not a number, or when
    // its first two fields name a user and an item column (user, user_id, userid, uid, customer,
    // customer_id / item, item_id, itemid, iid, product, product_id). When every header name is
    // recognised (rating: rating, relevance, weight, label; score: score, prediction, pred, rating) the
    // columns may come in any order; otherwise they are positional. Every data row must have as many
    // fields as the first row. A repeated (user, item) in the truth keeps the larger rating; in the
    // predictions every row is a candidate and the ranking rule keeps the best-ranked occurrence.
    static Result<GroundTruth> readTruth(const std::filesystem::path& path);
    static Result<GroundTruth> readTruth(LineReader& lines);
    static Result<Predictions> readPredictions(const std::filesystem::path& path);
    static Result<Predictions> readPredictions(LineReader& lines);
};

// What `shelfsense-cli metrics --truth T --pred P --k K --convention C` computes.
Result<MetricsReport> evaluateCsvFiles(const std::filesystem::path& truthPath,
                                       const std::filesystem::path& predPath, int k,
                                       Convention convention = Convention::Recommenders);

}  // namespace ss
