#include "text/BasicTokenizer.h"

#include <algorithm>

#include "text/Unicode.h"

namespace ss {

// Per-call buffers, reused for every token of one call so the hot loop does not allocate per character.
struct BasicTokenizer::Scratch {
    std::u32string token;
    std::u32string work;
    std::vector<std::int32_t> nfc;
    std::string utf8;
};

BasicTokenizer::BasicTokenizer() : BasicTokenizer(Options{}) {}

BasicTokenizer::BasicTokenizer(Options options) : options_(std::move(options)) {
    for (const std::string& t : options_.neverSplit) {
        if (t.empty()) continue;
        neverSplitMinBytes_ = neverSplit_.empty() ? t.size() : std::min(neverSplitMinBytes_, t.size());
        neverSplitMaxBytes_ = std::max(neverSplitMaxBytes_, t.size());
        neverSplit_.insert(t);
    }
}

bool BasicTokenizer::isNeverSplit(std::string_view utf8) const {
    if (neverSplit_.empty() || utf8.size() < neverSplitMinBytes_ || utf8.size() > neverSplitMaxBytes_) return false;
    return neverSplit_.find(std::string(utf8)) != neverSplit_.end();
}

// One whitespace-delimited token of the cleaned text: the per-token half of HF's tokenize().
bool BasicTokenizer::emitToken(Scratch& s, WordSink& sink) const {
    if (s.token.empty()) return true;
    // NFC never crosses a space or a CJK ideograph (both are starters that compose with nothing), so
    // normalising token by token equals HF's normalising of the whole text.
    unicode::toNfc(s.token, s.nfc);

    if (!neverSplit_.empty()) {
        s.utf8.clear();
        unicode::appendUtf8(s.token, s.utf8);
        if (isNeverSplit(s.utf8)) {
            s.token.clear();
            return sink.word(s.utf8);
        }
    }

    const bool strip = stripsAccents();
    if (options_.lowerCase || strip) {
        s.work.clear();
        if (options_.lowerCase) {
            unicode::lowerPython(s.token, s.work);
            if (strip) {
                s.token.clear();
                unicode::stripAccents(s.work, s.token);
            } else {
                s.token.swap(s.work);
            }
        } else {
            unicode::stripAccents(s.token, s.work);
            s.token.swap(s.work);
        }
    }

    // HF checks never_split again inside _run_split_on_punc, i.e. after lower-casing: "[FOO]" stays whole
    // when "[foo]" is a never-split token.
    if (!neverSplit_.empty() && !s.token.empty()) {
        s.utf8.clear();
        unicode::appendUtf8(s.token, s.utf8);
        if (isNeverSplit(s.utf8)) {
            s.token.clear();
            return sink.word(s.utf8);
        }
    }

    bool more = true;
    s.utf8.clear();
    for (char32_t cp : s.token) {
        if (options_.splitOnPunctuation && unicode::isPunctuation(cp)) {
            if (!s.utf8.empty() && !(more = sink.word(s.utf8))) break;
            s.utf8.clear();
            unicode::appendUtf8(cp, s.utf8);
            if (!(more = sink.word(s.utf8))) break;
            s.utf8.clear();
        } else {
            unicode::appendUtf8(cp, s.utf8);
        }
    }
    if (more && !s.utf8.empty()) more = sink.word(s.utf8);
    s.token.clear();
    return more;
}

void BasicTokenizer::tokenize(std::string_view utf8, WordSink& sink) const {
    Scratch s;
    s.token.reserve(64);
    s.work.reserve(64);
    s.utf8.reserve(64);
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const char32_t cp = unicode::nextCodePoint(utf8, pos);
        if (cp >= 0x21 && cp < 0x7F) {  // printable ASCII: the common case
            s.token.push_back(cp);
            continue;
        }
        if (cp == 0 || cp == unicode::kReplacementChar || unicode::isControl(cp)) continue;
        // After cleaning only U+2028/U+2029 are Python whitespace without being HF whitespace; str.split()
        // still splits on them.
        if (unicode::isWhitespace(cp) || unicode::isPythonSpace(cp)) {
            if (!emitToken(s, sink)) return;
            continue;
        }
        if (options_.tokenizeChineseChars && unicode::isChineseChar(cp)) {
            if (!emitToken(s, sink)) return;
            s.token.push_back(cp);
            if (!emitToken(s, sink)) return;
            continue;
        }
        s.token.push_back(cp);
    }
    emitToken(s, sink);
}

std::vector<std::string> BasicTokenizer::tokenize(std::string_view utf8) const {
    struct Collect final : WordSink {
        std::vector<std::string> words;
        bool word(std::string_view w) override {
            words.emplace_back(w);
            return true;
        }
    } collect;
    tokenize(utf8, collect);
    return std::move(collect.words);
}

}  // namespace ss
