// Vocabulary: the token <-> id table of a WordPiece model (vocab.txt: one token per line, id = line index).
// Owns the token strings; immutable after loading, so any number of threads may read it concurrently.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/Result.h"

namespace ss {

class Vocabulary {
public:
    // Reads vocab.txt the way Hugging Face's load_vocab does: UTF-8, universal newlines, each line minus its
    // line break is a token; a token listed twice keeps the id of its last line.
    static Result<Vocabulary> fromFile(const std::filesystem::path& file);
    static Vocabulary fromTokens(std::vector<std::string> tokens);

    std::optional<std::int32_t> find(std::string_view token) const;
    // A word-initial piece ("want") or, with `continuation`, the piece after "##" ("ed" finds "##ed").
    // Looking pieces up without building "##..." strings keeps WordPiece allocation-free.
    std::optional<std::int32_t> findPiece(std::string_view piece, bool continuation) const;

    // The token on line `id`; empty for ids out of range.
    const std::string& token(std::int32_t id) const;
    // Number of lines (ids are 0 .. size()-1).
    std::size_t size() const { return tokens_.size(); }
    // Longest token in bytes, and longest continuation piece without its "##"; WordPiece never needs to
    // try a longer substring.
    std::size_t maxPieceBytes(bool continuation) const { return continuation ? maxContinuationBytes_ : maxWordBytes_; }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using Map = std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>>;

    std::vector<std::string> tokens_;
    Map ids_;
    Map continuationIds_;
    std::size_t maxWordBytes_ = 0;
    std::size_t maxContinuationBytes_ = 0;
};

}  // namespace ss
