#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "EncoderOptionsArgs.h"
#include "ModelDir.h"
#include "Output.h"
#include "embed/TextEncoder.h"
#include "embed/VectorImport.h"

namespace ss::cli {

// import-results --db F --vectors PATH --target items|reviews: vectors computed elsewhere (the
// cluster's encode job) into the project's embedding cache, under the model that made them.
Status runImportResults(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"db", "vectors", "target", "model"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto db = parser.required("db");
    if (!db) return db.error();
    auto vectors = parser.required("vectors");
    if (!vectors) return vectors.error();
    const std::string targetName = parser.value("target").value_or("items");
    if (targetName != "items" && targetName != "reviews") return makeError(ErrorCode::Usage, "--target must be items or reviews", "target");
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    // The model names the cache the vectors go to and the dimension they must have.
    auto encoder = TextEncoder::load(*dir, *options);
    if (!encoder) return encoder.error();
    const auto target = targetName == "items" ? EncodeTarget::Items : EncodeTarget::Reviews;
    auto summary = VectorImport::run(*db, encoder->fingerprint(), static_cast<std::size_t>(encoder->info().hidden), target, *vectors,
                                     stderrProgress(parser.flag("quiet")));
    if (!summary) return summary.error();
    if (parser.flag("json")) {
        printJson(boost::json::object{{"target", targetName}, {"files", summary->files}, {"records", summary->records},
                                      {"stored", summary->stored}, {"model", encoder->fingerprint()}});
    } else {
        std::printf("%s: %lld vectors from %lld records in %lld files stored under %s\n", targetName.c_str(), (long long)summary->stored,
                    (long long)summary->records, (long long)summary->files, encoder->info().name.c_str());
    }
    return {};
}

}  // namespace ss::cli
