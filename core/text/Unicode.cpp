#include "text/Unicode.h"

#include <utf8proc.h>

#include <algorithm>

namespace ss::unicode {
namespace {

utf8proc_category_t category(char32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

bool inRanges(char32_t cp, const char32_t (*ranges)[2], std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) {
        if (cp < ranges[i][0]) return false;  // ranges are sorted
        if (cp <= ranges[i][1]) return true;
    }
    return false;
}

// Other_Lowercase / Other_Uppercase (PropList.txt): letters and symbols that are "cased" without being Ll/Lu/Lt.
// Python's Final_Sigma rule looks at Cased, so these matter for U+03A3 next to them.
constexpr char32_t kOtherCased[][2] = {
    {0x00AA, 0x00AA},   {0x00BA, 0x00BA},   {0x02B0, 0x02B8},   {0x02C0, 0x02C1},   {0x02E0, 0x02E4},
    {0x0345, 0x0345},   {0x037A, 0x037A},   {0x10FC, 0x10FC},   {0x1D2C, 0x1D6A},   {0x1D78, 0x1D78},
    {0x1D9B, 0x1DBF},   {0x2071, 0x2071},   {0x207F, 0x207F},   {0x2090, 0x209C},   {0x2160, 0x217F},
    {0x24B6, 0x24E9},   {0x2C7C, 0x2C7D},   {0xA69C, 0xA69D},   {0xA770, 0xA770},   {0xA7F2, 0xA7F4},
    {0xA7F8, 0xA7F9},   {0xAB5C, 0xAB5F},   {0xAB69, 0xAB69},   {0x10780, 0x10780}, {0x10783, 0x10785},
    {0x10787, 0x107B0}, {0x107B2, 0x107BA}, {0x1E030, 0x1E06D}, {0x1F130, 0x1F149}, {0x1F150, 0x1F169},
    {0x1F170, 0x1F189},
};

// Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable although they are punctuation.
constexpr char32_t kIgnorablePunctuation[][2] = {
    {0x0027, 0x0027}, {0x002E, 0x002E}, {0x003A, 0x003A}, {0x00B7, 0x00B7}, {0x0387, 0x0387},
    {0x055F, 0x055F}, {0x05F4, 0x05F4}, {0x2018, 0x2019}, {0x2024, 0x2024}, {0x2027, 0x2027},
    {0xFE13, 0xFE13}, {0xFE52, 0xFE52}, {0xFE55, 0xFE55}, {0xFF07, 0xFF07}, {0xFF0E, 0xFF0E},
    {0xFF1A, 0xFF1A},
};

bool isCaseIgnorable(char32_t cp) {
    switch (category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_SK:
        return true;
    default:
        return inRanges(cp, kIgnorablePunctuation, std::size(kIgnorablePunctuation));
    }
}

bool isCased(char32_t cp) {
    switch (category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
        return true;
    default:
        return inRanges(cp, kOtherCased, std::size(kOtherCased));
    }
}

// CPython's handle_capital_sigma: \p{cased}\p{case-ignorable}* U+03A3 !(\p{case-ignorable}*\p{cased}).
bool isFinalSigma(std::u32string_view text, std::size_t i) {
    std::size_t j = i;
    char32_t c = 0;
    bool found = false;
    while (j > 0) {
        c = text[--j];
        if (!isCaseIgnorable(c)) {
            found = true;
            break;
        }
    }
    if (!found || !isCased(c)) return false;
    for (std::size_t k = i + 1; k < text.size(); ++k) {
        if (!isCaseIgnorable(text[k])) return !isCased(text[k]);
    }
    return true;
}

// True when a string made only of such characters is already in NFC (NFC_Quick_Check=Yes and canonical
// combining class 0), so the common scripts skip utf8proc entirely. Verified against Python's unicodedata.
bool isNfcInert(char32_t cp) {
    if (cp < 0x0300) return true;
    if (cp >= 0x4E00 && cp <= 0x9FFF) return true;
    if (cp >= 0x3400 && cp <= 0x4DBF) return true;
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true;
    if (cp >= 0x3001 && cp <= 0x30FF) return !(cp >= 0x302A && cp <= 0x302F) && cp != 0x3099 && cp != 0x309A;
    if (cp >= 0xFF01 && cp <= 0xFFEF) return true;
    if (cp >= 0x2010 && cp <= 0x2027) return true;
    if (cp >= 0x2030 && cp <= 0x205E) return true;
    if (cp >= 0x1F300 && cp <= 0x1FAFF) return true;
    if (cp >= 0x0400 && cp <= 0x0482) return true;
    return false;
}

int combiningClass(std::int32_t cp) { return utf8proc_get_property(cp)->combining_class; }

// The canonical ordering step of NFD/NFC, written exactly as utf8proc does it on its own buffers.
template <typename Buffer>
void canonicalOrder(Buffer& buf, std::size_t begin) {
    if (buf.size() < begin + 2) return;
    std::size_t pos = begin;
    while (pos + 1 < buf.size()) {
        const int c1 = combiningClass(static_cast<std::int32_t>(buf[pos]));
        const int c2 = combiningClass(static_cast<std::int32_t>(buf[pos + 1]));
        if (c1 > c2 && c2 > 0) {
            std::swap(buf[pos], buf[pos + 1]);
            if (pos > begin) --pos; else ++pos;
        } else {
            ++pos;
        }
    }
}

// Canonical decomposition of one code point (recursive, Hangul included); returns false for values
// utf8proc rejects, which the caller then keeps unchanged.
bool decomposeInto(char32_t cp, utf8proc_option_t options, std::int32_t (&tmp)[32], utf8proc_ssize_t& n) {
    int boundclass = 0;
    n = utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), tmp, 32, options, &boundclass);
    return n > 0 && n <= 32;
}

}  // namespace

char32_t nextCodePoint(std::string_view s, std::size_t& pos) {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int need = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        need = 1;
        cp = b0 & 0x1Fu;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        need = 2;
        cp = b0 & 0x0Fu;
        if (b0 == 0xE0) lo = 0xA0;  // overlong
        if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        need = 3;
        cp = b0 & 0x07u;
        if (b0 == 0xF0) lo = 0x90;  // overlong
        if (b0 == 0xF4) hi = 0x8F;  // > U+10FFFF
    } else {
        ++pos;
        return kReplacementChar;
    }
    std::size_t p = pos + 1;
    for (int i = 0; i < need; ++i) {
        if (p >= s.size()) {
            pos = p;
            return kReplacementChar;
        }
        const auto b = static_cast<unsigned char>(s[p]);
        if (b < lo || b > hi) {
            pos = p;
            return kReplacementChar;
        }
        lo = 0x80;
        hi = 0xBF;
        cp = (cp << 6) | (b & 0x3Fu);
        ++p;
    }
    pos = p;
    return cp;
}

void decodeUtf8(std::string_view utf8, std::u32string& out) {
    std::size_t pos = 0;
    while (pos < utf8.size()) out.push_back(nextCodePoint(utf8, pos));
}

void appendUtf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

void appendUtf8(std::u32string_view text, std::string& out) {
    for (char32_t cp : text) appendUtf8(cp, out);
}

std::string toUtf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    appendUtf8(text, out);
    return out;
}

std::size_t codePointCount(std::string_view utf8) {
    std::size_t n = 0, pos = 0;
    while (pos < utf8.size()) {
        nextCodePoint(utf8, pos);
        ++n;
    }
    return n;
}

bool isControl(char32_t cp) {
    if (cp == '\t' || cp == '\n' || cp == '\r') return false;
    if (cp >= 0x20 && cp < 0x7F) return false;
    switch (category(cp)) {
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
    case UTF8PROC_CATEGORY_CO:
    case UTF8PROC_CATEGORY_CN:
        return true;
    default:
        return false;
    }
}

bool isWhitespace(char32_t cp) {
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') return true;
    if (cp < 0x80) return false;
    return category(cp) == UTF8PROC_CATEGORY_ZS;
}

bool isPunctuation(char32_t cp) {
    if ((cp >= 33 && cp <= 47) || (cp >= 58 && cp <= 64) || (cp >= 91 && cp <= 96) || (cp >= 123 && cp <= 126))
        return true;
    if (cp < 0x80) return false;
    const auto cat = category(cp);
    return cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_PO;
}

bool isChineseChar(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x20000 && cp <= 0x2A6DF) ||
           (cp >= 0x2A700 && cp <= 0x2B73F) || (cp >= 0x2B740 && cp <= 0x2B81F) || (cp >= 0x2B820 && cp <= 0x2CEAF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x2F800 && cp <= 0x2FA1F);
}

bool isPythonSpace(char32_t cp) {
    if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool isNonspacingMark(char32_t cp) { return cp >= 0x300 && category(cp) == UTF8PROC_CATEGORY_MN; }

void lowerPythonChar(char32_t cp, std::u32string& out) {
    if (cp < 0x80) {
        out.push_back(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
    } else if (cp == 0x130) {
        out.push_back(U'i');  // SpecialCasing.txt: the only unconditional multi-character lower-case mapping
        out.push_back(0x307);
    } else {
        out.push_back(static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
    }
}

void lowerPython(std::u32string_view in, std::u32string& out) {
    for (std::size_t i = 0; i < in.size(); ++i) {
        const char32_t cp = in[i];
        if (cp == 0x3A3)
            out.push_back(isFinalSigma(in, i) ? 0x3C2 : 0x3C3);
        else
            lowerPythonChar(cp, out);
    }
}

void toNfc(std::u32string& text, std::vector<std::int32_t>& scratch) {
    if (std::all_of(text.begin(), text.end(), isNfcInert)) return;
    const auto options = static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    scratch.clear();
    std::int32_t tmp[32];
    for (char32_t cp : text) {
        utf8proc_ssize_t n = 0;
        if (decomposeInto(cp, options, tmp, n))
            scratch.insert(scratch.end(), tmp, tmp + n);
        else
            scratch.push_back(static_cast<std::int32_t>(cp));
    }
    canonicalOrder(scratch, 0);
    const utf8proc_ssize_t len =
        utf8proc_normalize_utf32(scratch.data(), static_cast<utf8proc_ssize_t>(scratch.size()), options);
    if (len < 0) return;  // cannot happen for decomposed valid code points; keep the input rather than lose it
    text.assign(scratch.begin(), scratch.begin() + len);
}

void stripAccents(std::u32string_view in, std::u32string& out) {
    const std::size_t begin = out.size();
    bool anyCombining = false;
    std::int32_t tmp[32];
    for (char32_t cp : in) {
        if (cp < 0xC0) {  // nothing below U+00C0 decomposes canonically
            out.push_back(cp);
            continue;
        }
        utf8proc_ssize_t n = 0;
        if (decomposeInto(cp, UTF8PROC_DECOMPOSE, tmp, n)) {
            for (utf8proc_ssize_t k = 0; k < n; ++k) {
                out.push_back(static_cast<char32_t>(tmp[k]));
                anyCombining = anyCombining || combiningClass(tmp[k]) != 0;
            }
        } else {
            out.push_back(cp);
        }
    }
    // Reordering only moves marks among themselves, but a spacing mark (Mc) with a combining class may
    // survive the Mn filter, so its final position must be the NFD one.
    if (anyCombining) canonicalOrder(out, begin);
    const auto keepEnd = std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(begin), out.end(), isNonspacingMark);
    out.erase(keepEnd, out.end());
}

}  // namespace ss::unicode
