#include <boost/json.hpp>

#include <cstdio>

#include "ArgParser.h"
#include "Command.h"
#include "ModelDir.h"
#include "Output.h"
#include "text/BertTokenizer.h"

namespace ss::cli {

Status runTokenize(const std::vector<std::string>& args) {
    ArgParser parser({"model", "max-length"}, {"json"});
    SS_TRY(parser.parse(args));
    auto dir = modelDir(parser);
    if (!dir) return dir.error();
    auto maxLength = parser.integer("max-length", 0);
    if (!maxLength) return maxLength.error();
    auto tokenizer = BertTokenizer::fromModelDir(*dir);
    if (!tokenizer) return tokenizer.error();
    if (parser.positionals().empty()) return makeError(ErrorCode::Usage, "no text to tokenize");
    boost::json::array out;
    for (const auto& text : parser.positionals()) {
        const auto t = tokenizer->encode(text, static_cast<std::size_t>(*maxLength));
        boost::json::array tokens, ids;
        for (const auto& s : t.tokens) tokens.emplace_back(s);
        for (auto id : t.ids) ids.emplace_back(id);
        if (parser.flag("json")) {
            out.push_back({{"text", text}, {"tokens", std::move(tokens)}, {"ids", std::move(ids)}});
        } else {
            std::string line;
            for (std::size_t i = 0; i < t.tokens.size(); ++i) line += (i ? " " : "") + t.tokens[i];
            std::printf("%s\n", line.c_str());
        }
    }
    if (parser.flag("json")) printJson(out);
    return {};
}

}  // namespace ss::cli
