#include "TextTerms.h"

#include "text/Unicode.h"

namespace ss::sentiment {
namespace {

// A character that belongs to a space-separated word: letters and digits outside the scripts that
// are written without spaces.
bool isWordChar(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    if (unicode::isChineseChar(cp)) return false;
    if ((cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFF00 && cp <= 0xFFEF))
        return false;  // kana, hangul, CJK punctuation, full-width forms
    return !unicode::isPunctuation(cp) && !unicode::isWhitespace(cp) && !unicode::isControl(cp) && cp < 0x2000;
}

struct Pieces {
    std::vector<std::string> words;                // lower-cased, in order; "" marks a break between word runs
    std::vector<std::u32string> characterRuns;    // runs read by characters
};

Pieces split(std::string_view text) {
    std::u32string cps, lowered;
    unicode::decodeUtf8(text, cps);
    Pieces out;
    std::u32string word, run;
    auto endWord = [&] {
        if (word.size() >= 2) out.words.push_back(unicode::toUtf8(word));
        word.clear();
    };
    auto endRun = [&] {
        if (!run.empty()) {
            out.characterRuns.push_back(run);
            if (!out.words.empty() && !out.words.back().empty()) out.words.emplace_back();  // no bigram across it
        }
        run.clear();
    };
    for (char32_t cp : cps) {
        if (unicode::isWhitespace(cp) || unicode::isControl(cp)) {
            endWord();
            endRun();
        } else if (isWordChar(cp)) {
            endRun();
            lowered.clear();
            unicode::lowerPythonChar(cp, lowered);
            word += lowered;
        } else {
            endWord();
            run.push_back(cp);
        }
    }
    endWord();
    endRun();
    return out;
}

}  // namespace

std::vector<std::string> textTerms(std::string_view text, const TermOptions& options) {
    const Pieces pieces = split(text);
    std::vector<std::string> terms;
    for (std::size_t i = 0; i < pieces.words.size(); ++i) {
        if (pieces.words[i].empty()) continue;
        terms.push_back(pieces.words[i]);
        if (options.wordBigrams && i + 1 < pieces.words.size() && !pieces.words[i + 1].empty())
            terms.push_back(pieces.words[i] + ' ' + pieces.words[i + 1]);
    }
    for (const auto& run : pieces.characterRuns)
        for (std::size_t i = 0; i < run.size(); ++i)
            for (int n = 1; n <= options.maxCharGram && i + static_cast<std::size_t>(n) <= run.size(); ++n)
                terms.push_back(unicode::toUtf8(std::u32string_view(run).substr(i, static_cast<std::size_t>(n))));
    return terms;
}

std::vector<std::string> labelTerms(std::string_view text) {
    const Pieces pieces = split(text);
    std::vector<std::string> terms;
    for (const auto& w : pieces.words)
        if (!w.empty()) terms.push_back(w);
    for (const auto& run : pieces.characterRuns)
        for (std::size_t i = 0; i + 2 <= run.size(); ++i) {
            const auto gram = std::u32string_view(run).substr(i, 2);
            if (unicode::isChineseChar(gram[0]) && unicode::isChineseChar(gram[1])) terms.push_back(unicode::toUtf8(gram));
        }
    return terms;
}

}  // namespace ss::sentiment
