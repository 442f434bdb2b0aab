// Strict UTF-8 validation (no overlongs, no surrogates, max U+10FFFF). Pure function: any thread.
#pragma once

#include <string_view>

namespace ss {

inline bool isValidUtf8(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        if (*p < 0x80) { ++p; continue; }
        int extra;
        unsigned cp;
        if ((*p & 0xE0) == 0xC0) { extra = 1; cp = *p & 0x1F; if (cp < 2) return false; }
        else if ((*p & 0xF0) == 0xE0) { extra = 2; cp = *p & 0x0F; }
        else if ((*p & 0xF8) == 0xF0) { extra = 3; cp = *p & 0x07; }
        else return false;
        if (end - p <= extra) return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return false;
        p += extra + 1;
    }
    return true;
}

}  // namespace ss
