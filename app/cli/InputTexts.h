// Texts for commands that label or encode free text: the positional arguments, then one text per
// line of --input FILE. Main thread only.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include "ArgParser.h"
#include "common/Result.h"

namespace ss::cli {

inline Result<std::vector<std::string>> inputTexts(const ArgParser& parser) {
    std::vector<std::string> texts = parser.positionals();
    if (auto input = parser.value("input")) {
        std::ifstream in(*input);
        if (!in) return makeError(ErrorCode::Io, "cannot read the input file", *input);
        std::string line;
        while (std::getline(in, line)) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            texts.push_back(line);
        }
    }
    return texts;
}

}  // namespace ss::cli
