// libFuzzer target: the `metrics` command's CSV reader (truth and predictions files: header
// detection, RFC 4180 fields, numbers) on arbitrary bytes, then the ranking metrics over what it
// accepted, as `metrics` runs them.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "FuzzFiles.h"
#include "eval/MetricsCsv.h"
#include "eval/RankingMetrics.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // The input is the truth file, a 0x01 byte, then the predictions file.
    const auto text = ssfuzz::asText(data, size);
    const auto cut = text.find('\x01');
    std::istringstream truthIn(std::string(text.substr(0, cut)));
    std::istringstream predIn(cut == std::string_view::npos ? std::string() : std::string(text.substr(cut + 1)));
    auto truth = ss::MetricsCsv::readTruth(truthIn, "truth.csv");
    auto predictions = ss::MetricsCsv::readPredictions(predIn, "pred.csv");
    if (truth && predictions) (void)ss::RankingMetrics::evaluate(*truth, *predictions);
    return 0;
}
