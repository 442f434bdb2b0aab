#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "ModelDir.h"
#include "Output.h"
#include "embed/EncodeJob.h"
#include "embed/LanguageCoverage.h"

namespace ss::cli {

Status runEncode(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"db", "model", "target"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    const std::string targetName = parser.value("target").value_or("items");
    if (targetName != "items" && targetName != "reviews") return makeError(ErrorCode::Usage, "--target must be items or reviews");
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    std::error_code ec;
    if (!std::filesystem::exists(*db, ec)) return makeError(ErrorCode::Io, "no such project file", *db);
    auto encoder = TextEncoder::load(*dir, *options);
    if (!encoder) return encoder.error();
    auto summary = EncodeJob::run(*db, *encoder, targetName == "items" ? EncodeTarget::Items : EncodeTarget::Reviews,
                                  stderrProgress(parser.flag("quiet")));
    if (!summary) return summary.error();
    const auto& info = encoder->info();
    if (parser.flag("json")) {
        printJson(boost::json::object{{"target", targetName}, {"total", summary->total}, {"encoded", summary->encoded},
                                      {"shared_text", summary->sharedText}, {"cached", summary->cached}, {"seconds", summary->seconds}, {"model", summary->model},
                                      {"device", info.device}, {"precision", info.precision}, {"coverage", summary->coverage.toJson()}});
    } else {
        std::printf("%s: %lld texts, %lld encoded now (%lld of them shared an identical text), %lld already cached, %.1f s (%s on %s)\n",
                    targetName.c_str(), (long long)summary->total, (long long)summary->encoded, (long long)summary->sharedText,
                    (long long)summary->cached, summary->seconds,
                    info.name.c_str(), info.device.c_str());
        printCoverage(summary->coverage);
    }
    return {};
}

}  // namespace ss::cli
