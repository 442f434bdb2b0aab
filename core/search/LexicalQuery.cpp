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

}  // namespace

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
            addOnce(query.phrases_, unicode::toUtf8(run));
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
