#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "InputTexts.h"
#include "EncoderOptionsArgs.h"
#include "ModelDir.h"
#include "Output.h"
#include "embed/TextEncoder.h"

namespace ss::cli {

Status runEmbed(const std::vector<std::string>& args) {
    ArgParser parser(withEncoderOptions({"model", "input"}), {"json", "quiet"});
    SS_TRY(parser.parse(args));
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto options = encoderOptions(parser);
    if (!options) return options.error();
    auto input = inputTexts(parser);
    if (!input) return input.error();
    std::vector<std::string> texts = std::move(*input);
    if (texts.empty()) return makeError(ErrorCode::Usage, "no text to embed (give TEXT... or --input FILE)");
    auto encoder = TextEncoder::load(*dir, *options);
    if (!encoder) return encoder.error();
    const JobContext context = stderrProgress(parser.flag("quiet"));
    auto vectors = encoder->encode(texts, &context);
    if (!vectors) return vectors.error();
    if (parser.flag("json")) {
        boost::json::array out;
        for (std::size_t i = 0; i < texts.size(); ++i) {
            boost::json::array v;
            for (float x : (*vectors)[i]) v.emplace_back(x);
            out.push_back({{"text", texts[i]}, {"vector", std::move(v)}});
        }
        printJson(out);
    } else {
        for (std::size_t i = 0; i < texts.size(); ++i) {
            std::string line;
            for (float x : (*vectors)[i]) line += std::to_string(x) + " ";
            std::printf("%s\n", line.c_str());
        }
    }
    return {};
}

}  // namespace ss::cli
