// Unicode helpers for the BERT tokenizer: UTF-8 decoding/encoding and the exact character predicates and
// transformations that Hugging Face's Python BertTokenizer uses (which are Python's str/unicodedata ones).
// Backed by utf8proc; stateless free functions, callable from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ss::unicode {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point at `pos` and advances it. Malformed input (bad lead byte, truncated or overlong
// sequence, surrogate, > U+10FFFF) yields U+FFFD and advances past the maximal invalid subpart only, so a
// valid character right after garbage is never swallowed.
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

// Appends all code points of `utf8` to `out` (malformed input as U+FFFD).
void decodeUtf8(std::string_view utf8, std::u32string& out);

void appendUtf8(char32_t cp, std::string& out);
void appendUtf8(std::u32string_view text, std::string& out);
std::string toUtf8(std::u32string_view text);

// Number of code points as Python's len() would count them after decoding.
std::size_t codePointCount(std::string_view utf8);

// HF `_is_control`: category C* (Cc, Cf, Cs, Co, Cn), except \t \n \r.
bool isControl(char32_t cp);
// HF `_is_whitespace`: space, \t, \n, \r or category Zs.
bool isWhitespace(char32_t cp);
// HF `_is_punctuation`: ASCII 33-47, 58-64, 91-96, 123-126, or category P*.
bool isPunctuation(char32_t cp);
// HF `_is_chinese_char`: the CJK ideograph blocks BERT isolates.
bool isChineseChar(char32_t cp);
// Python str.isspace(), which is what str.split() splits on.
bool isPythonSpace(char32_t cp);
// Unicode general category is Mn (what accent stripping drops).
bool isNonspacingMark(char32_t cp);

// Python `str.lower()` of the whole of `in`: full lower-case mapping (U+0130 -> "i\u0307") and the
// Final_Sigma rule for U+03A3, whose context is `in` itself.
void lowerPython(std::u32string_view in, std::u32string& out);
// Python `str.lower()` of a single character (no context, so U+03A3 always becomes U+03C3).
void lowerPythonChar(char32_t cp, std::u32string& out);

// unicodedata.normalize("NFC", text), in place. `scratch` is reused between calls to avoid allocations.
void toNfc(std::u32string& text, std::vector<std::int32_t>& scratch);
// HF `_run_strip_accents`: unicodedata.normalize("NFD", in) without category Mn characters.
void stripAccents(std::u32string_view in, std::u32string& out);

}  // namespace ss::unicode
