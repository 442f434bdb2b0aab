// LexicalQuery: a shopper's words turned into what the project's trigram full-text index can answer.
// Words of three or more characters become FTS5 phrases (a substring match: "headphone" finds
// "headphones"), and an English plural is looked up by its stem so that "puzzles" also finds "Puzzle"
// and "supplies" finds "supply"; a run of Chinese characters (written without spaces) of three or more becomes its
// overlapping three-character pieces, so "无线耳机" also finds titles sharing "线耳机" and ranks those
// sharing more pieces higher. What is shorter than three characters cannot be looked up in a trigram
// index — most Chinese words are two characters (手机, 耳机) — so those, and every two-character
// piece of the longer Chinese runs, are matched by a scan of the indexed text instead.
// Plain value: any thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ss {

class LexicalQuery {
public:
    static LexicalQuery parse(std::string_view text);

    // FTS5 MATCH expression: every phrase quoted, joined with OR (any) or AND (all); empty when there are none.
    std::string matchExpression(bool all = false) const;
    const std::vector<std::string>& phrases() const { return phrases_; }
    // Lower-cased (ASCII letters; Chinese has no case) terms for the scan; at most kMaxScanTerms.
    const std::vector<std::string>& scanTerms() const { return scanTerms_; }
    bool empty() const { return phrases_.empty() && scanTerms_.empty(); }

    static constexpr std::size_t kMaxScanTerms = 16;

    // A lower-case English plural cut to the part its singular shares ("toys" → "toy", "boxes" →
    // "box", "accessories" → "accessor"); other words unchanged ("dress", "bus", "tennis", "手机").
    static std::u32string pluralStem(std::u32string word);

private:
    std::vector<std::string> phrases_, scanTerms_;
};

}  // namespace ss
