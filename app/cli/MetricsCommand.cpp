#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "Output.h"
#include "eval/MetricsCsv.h"

namespace ss::cli {

Status runMetrics(const std::vector<std::string>& args) {
    ArgParser parser({"truth", "pred", "k", "convention"}, {"json"});
    SS_TRY(parser.parse(args));
    auto truth = parser.required("truth");
    if (!truth) return truth.error();
    auto pred = parser.required("pred");
    if (!pred) return pred.error();
    auto k = parser.integer("k", 10);
    if (!k) return k.error();
    if (*k < 1) return makeError(ErrorCode::Usage, "--k must be at least 1");
    const std::string conventionName = parser.value("convention").value_or("recommenders");
    const auto convention = parseConvention(conventionName);
    if (!convention) return makeError(ErrorCode::Usage, "unknown convention '" + conventionName + "' (recommenders, recbole)");
    auto report = evaluateCsvFiles(*truth, *pred, static_cast<int>(*k), *convention);
    if (!report) return report.error();
    const boost::json::value json = toJson(*report);
    if (parser.flag("json")) {
        printJson(json);
    } else {
        for (const auto& [name, value] : json.at("metrics").as_object())
            std::printf("%-14s %s\n", std::string(name).c_str(), boost::json::serialize(value).c_str());
    }
    return {};
}

}  // namespace ss::cli
