// libFuzzer target: the `metrics` command's CSV reader (truth and predictions files: header
// detection, RFC 4180 fields, numbers) on arbitrary bytes, then the ranking metrics over what it
// accepted, as `metrics` runs them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "FuzzFiles.h"
#include "eval/MetricsCsv.h"
#include "eval/RankingMetrics.h"
#include "io/LineReader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The input is the truth file, a 0x01 byte, then the predictions file.
    const auto text = ssfuzz::asText(data, size);
    const auto cut = text.find('\x01');
    auto truthIn = ss::LineReader::fromText(std::string(text.substr(0, cut)), "truth.csv");
    auto predIn = ss::LineReader::fromText(cut == std::string_view::npos ? std::string() : std::string(text.substr(cut + 1)), "pred.csv");
    auto truth = ss::MetricsCsv::readTruth(*truthIn);
    auto predictions = ss::MetricsCsv::readPredictions(*predIn);
    if (truth && predictions) (void)ss::RankingMetrics::evaluate(*truth, *predictions);
    return 0;
}
