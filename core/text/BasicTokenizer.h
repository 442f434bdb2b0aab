// BasicTokenizer: BERT's pre-WordPiece step, an exact port of Hugging Face's Python `BasicTokenizer`:
// clean text (drop NUL, U+FFFD and control/format/unassigned characters; whitespace -> space), isolate CJK
// ideographs, NFC, split on whitespace, lower-case + strip accents per its options, split off punctuation,
// and leave never-split tokens alone. Owns only its options; immutable, so any thread may call it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace ss {

class BasicTokenizer {
public:
    struct Options {
        bool lowerCase = true;
        // HF semantics: nullopt follows lowerCase; true/false force accent stripping on/off.
        std::optional<bool> stripAccents;
        bool tokenizeChineseChars = true;
        bool splitOnPunctuation = true;
        // Whitespace-separated tokens kept exactly as written (no lower-casing, no punctuation split).
        std::vector<std::string> neverSplit;
    };

    // Receives each output word (UTF-8); returning false stops tokenization early.
    class WordSink {
    public:
        virtual bool word(std::string_view utf8) = 0;

    protected:
        ~WordSink() = default;
    };

    BasicTokenizer();
    explicit BasicTokenizer(Options options);

    // Streams the words of `utf8` (invalid UTF-8 bytes act as U+FFFD, which cleaning drops).
    void tokenize(std::string_view utf8, WordSink& sink) const;
    std::vector<std::string> tokenize(std::string_view utf8) const;

    const Options& options() const { return options_; }
    bool stripsAccents() const { return options_.stripAccents.value_or(options_.lowerCase); }

private:
    struct Scratch;
    bool emitToken(Scratch& s, WordSink& sink) const;
    bool isNeverSplit(std::string_view utf8) const;

    Options options_;
    std::unordered_set<std::string> neverSplit_;
    std::size_t neverSplitMinBytes_ = 0;
    std::size_t neverSplitMaxBytes_ = 0;
};

}  // namespace ss
