// CustomerSearch: finds customers by any part of their id, ignoring case, among millions — what the
// Recommendations screen's id field offers as the user types. It owns every id twice in one buffer
// each (as given, and case-folded), so a search is one pass over a few megabytes (a million ids: a few
// milliseconds) instead of a million string comparisons. Filled by add() in any one thread (the
// screen's opening job); after that it is read-only and find() may be called from any thread.
#pragma once

#include <QString>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ss::ui {

class CustomerSearch {
public:
    struct Matches {
        std::vector<std::uint32_t> rows;  // the order add() saw them in
        std::size_t total = 0;            // every id holding the text, listed or not
    };

    void reserve(std::size_t ids, std::size_t bytes);
    void add(std::string_view utf8Id);
    std::size_t size() const { return starts_.size() - 1; }
    QString id(std::size_t row) const;

    // Ids holding `text` (ignoring case; surrounding spaces dropped): the id equal to it first, then
    // those starting with it, then the rest, each group in the order added; at most `limit` rows.
    Matches find(const QString& text, std::size_t limit) const;

private:
    std::string ids_, folded_;                // each id followed by a NUL, which no search holds
    std::vector<std::uint64_t> starts_{0};    // ids_: where each id begins, and the end
    std::vector<std::uint64_t> foldedStarts_{0};
};

}  // namespace ss::ui
