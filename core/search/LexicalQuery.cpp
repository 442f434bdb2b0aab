#include "LexicalQuery.h"

#include <algorithm>

#include "text/Unicode.h"

namespace ss {
namespace {

// Kept inside a word: "non-stick", "pu'er", "7.1", "c++", "r&b".
bool joinsWords(char32_t c) { return c == '-' || c == '\'' || c == '.' || c == '+' || c == '&' || c == '#' || c == '_'; }

bool separates(char32_t c) { return unicode::isWhitespace(c) || unicode::isPythonSpace(c) || (unicode::isPunctuation(c) && !joinsWords(c)); }

char32_t asciiLower(char32_t c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

void addOnce(std::vector<std::string>& list, std::string term, std::size_t cap = SIZE_MAX) {
    if (term.empty() || list.size() >= cap || std::find(list.begin(), list.end(), term) != list.end()) return;
    list.push_back(std::move(term));
}

bool endsWith(const std::u32string& word, std::u32string_view tail) {
    return word.size() >= tail.size() && std::u32string_view(word).substr(word.size() - tail.size()) == tail;
}

bool asciiLetters(const std::u32string& word) {
    return std::all_of(word.begin(), word.end(), [](char32_t c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

std::u32string LexicalQuery::pluralStem(std::u32string word) {
    // Only plain English words; the stem must still be long enough for the trigram index.
    if (word.size() < 4 || !asciiLetters(word) || word.back() != U's') return word;
    std::size_t cut = 1;
    if (endsWith(word, U"ies")) cut = 3;  // "supplies" → "suppl", which finds "supply" too
    else if (endsWith(word, U"sses") || endsWith(word, U"xes") || endsWith(word, U"zes") || endsWith(word, U"ches") ||
             endsWith(word, U"shes"))
        cut = 2;  // "boxes" → "box", "watches" → "watch"
    else if (endsWith(word, U"ss") || endsWith(word, U"us") || endsWith(word, U"is"))
        return word;  // "dress", "bus", "tennis" are not plurals
    if (word.size() - cut < 3) return word;
    word.resize(word.size() - cut);
    return word;
}

LexicalQuery LexicalQuery::parse(std::string_view text) {
    std::u32string chars;
    unicode::decodeUtf8(text, chars);
    LexicalQuery query;
    // A run of one script: Chinese characters apart from everything else ("iPhone手机壳" → "iphone", "手机壳").
    auto addRun = [&](std::u32string run, bool chinese) {
        while (!run.empty() && joinsWords(run.front())) run.erase(run.begin());
        while (!run.empty() && joinsWords(run.back())) run.pop_back();
        if (run.empty()) return;
        for (auto& c : run) c = asciiLower(c);
        if (run.size() < 3) {
            addOnce(query.scanTerms_, unicode::toUtf8(run), kMaxScanTerms);
            return;
        }
        if (!chinese) {
            addOnce(query.phrases_, unicode::toUtf8(pluralStem(std::move(run))));
            return;
        }
        for (std::size_t i = 0; i + 3 <= run.size(); ++i) addOnce(query.phrases_, unicode::toUtf8(run.substr(i, 3)));
        for (std::size_t i = 0; i + 2 <= run.size(); ++i) addOnce(query.scanTerms_, unicode::toUtf8(run.substr(i, 2)), kMaxScanTerms);
    };
    std::u32string run;
    bool runChinese = false;
    for (char32_t c : chars) {
        if (separates(c)) {
            addRun(std::move(run), runChinese);
            run.clear();
            continue;
        }
        const bool chinese = unicode::isChineseChar(c);
        if (!run.empty() && chinese != runChinese) {
            addRun(std::move(run), runChinese);
            run.clear();
        }
        runChinese = chinese;
        run.push_back(c);
    }
    addRun(std::move(run), runChinese);
    return query;
}

std::string LexicalQuery::matchExpression(bool all) const {
    std::string out;
    for (const auto& phrase : phrases_) {
        if (!out.empty()) out += all ? " AND " : " OR ";
        out += '"';
        for (char c : phrase) {
            if (c == '"') out += '"';  // FTS5 strings double their quotes
            out += c;
        }
        out += '"';
    }
    return out;
}

}  // namespace ss
