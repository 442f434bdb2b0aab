#include "text/Vocabulary.h"

#include <algorithm>
#include <fstream>
#include <iterator>

namespace ss {

Result<Vocabulary> Vocabulary::fromFile(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError(ErrorCode::Io, "cannot open the vocabulary file", file.string());
    const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (in.bad()) return makeError(ErrorCode::Io, "cannot read the vocabulary file", file.string());

    std::vector<std::string> tokens;
    std::size_t start = 0;
    // Python's text mode ends a line at \n, \r\n or \r; a final line without a break still counts.
    for (std::size_t i = 0; i < data.size(); ++i) {
        if (data[i] != '\n' && data[i] != '\r') continue;
        tokens.emplace_back(data, start, i - start);
        if (data[i] == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
        start = i + 1;
    }
    if (start < data.size()) tokens.emplace_back(data, start, data.size() - start);
    if (tokens.empty()) return makeError(ErrorCode::InputData, "the vocabulary file is empty", file.string());
    if (tokens.size() > static_cast<std::size_t>(INT32_MAX))
        return makeError(ErrorCode::InputData, "the vocabulary has too many tokens", file.string());
    return fromTokens(std::move(tokens));
}

Vocabulary Vocabulary::fromTokens(std::vector<std::string> tokens) {
    Vocabulary v;
    v.tokens_ = std::move(tokens);
    v.ids_.reserve(v.tokens_.size());
    for (std::size_t i = 0; i < v.tokens_.size(); ++i) {
        const std::string& t = v.tokens_[i];
        const auto id = static_cast<std::int32_t>(i);
        v.ids_.insert_or_assign(t, id);
        v.maxWordBytes_ = std::max(v.maxWordBytes_, t.size());
        if (t.size() > 2 && t[0] == '#' && t[1] == '#') {
            v.continuationIds_.insert_or_assign(t.substr(2), id);
            v.maxContinuationBytes_ = std::max(v.maxContinuationBytes_, t.size() - 2);
        }
    }
    return v;
}

std::optional<std::int32_t> Vocabulary::find(std::string_view token) const {
    const auto it = ids_.find(token);
    if (it == ids_.end()) return std::nullopt;
    return it->second;
}

std::optional<std::int32_t> Vocabulary::findPiece(std::string_view piece, bool continuation) const {
    const Map& map = continuation ? continuationIds_ : ids_;
    const auto it = map.find(piece);
    if (it == map.end()) return std::nullopt;
    return it->second;
}

const std::string& Vocabulary::token(std::int32_t id) const {
    static const std::string empty;
    if (id < 0 || static_cast<std::size_t>(id) >= tokens_.size()) return empty;
    return tokens_[static_cast<std::size_t>(id)];
}

}  // namespace ss
