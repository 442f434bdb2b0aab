#include "CustomerSearch.h"

#include <algorithm>

namespace ss::ui {
namespace {

bool ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Case-folded UTF-8: ASCII by hand (nearly every shop's ids), anything else by Qt's full folding.
std::string folded(std::string_view s) {
    if (ascii(s)) {
        std::string out(s);
        for (char& c : out)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())).toCaseFolded().toStdString();
}

}  // namespace

void CustomerSearch::reserve(std::size_t ids, std::size_t bytes) {
    ids_.reserve(bytes + ids);
    folded_.reserve(bytes + ids);
    starts_.reserve(ids + 1);
    foldedStarts_.reserve(ids + 1);
}

void CustomerSearch::add(std::string_view utf8Id) {
    ids_.append(utf8Id);
    ids_.push_back('\0');
    starts_.push_back(ids_.size());
    folded_.append(folded(utf8Id));
    folded_.push_back('\0');
    foldedStarts_.push_back(folded_.size());
}

QString CustomerSearch::id(std::size_t row) const {
    return QString::fromUtf8(ids_.data() + starts_[row], static_cast<qsizetype>(starts_[row + 1] - starts_[row] - 1));
}

CustomerSearch::Matches CustomerSearch::find(const QString& text, std::size_t limit) const {
    Matches out;
    const std::string needle = folded(text.trimmed().toStdString());
    if (needle.empty() || needle.find('\0') != std::string::npos) return out;
    std::vector<std::uint32_t> exact, starting, inside;
    const std::string_view all(folded_);
    std::size_t at = 0, row = 0;
    while (at < all.size()) {
        const std::size_t offset = all.find(needle, at);
        if (offset == std::string_view::npos) break;
        while (foldedStarts_[row + 1] <= offset) ++row;  // hits come in order: the row only moves on
        const std::uint64_t length = foldedStarts_[row + 1] - foldedStarts_[row] - 1;
        if (offset == foldedStarts_[row]) {
            if (length == needle.size()) exact.push_back(static_cast<std::uint32_t>(row));
            else if (starting.size() < limit) starting.push_back(static_cast<std::uint32_t>(row));
        } else if (inside.size() < limit) {
            inside.push_back(static_cast<std::uint32_t>(row));
        }
        ++out.total;
        at = foldedStarts_[row + 1];  // one hit per id
    }
    for (const auto* group : {&exact, &starting, &inside})
        for (auto r : *group)
            if (out.rows.size() < limit) out.rows.push_back(r);
    return out;
}

}  // namespace ss::ui
