// CsvWriter: rows of fields to a stream as RFC 4180 CSV (comma, "\n" line ends, a field quoted
// when it holds a comma, quote, line break or leading/trailing space; quotes doubled). Used by
// exports other programs read back. One writer per stream; the thread that owns the stream.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace ss {

class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out) : out_(out) {}

    CsvWriter& field(std::string_view value) {
        if (!first_) out_ << ',';
        first_ = false;
        const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                           (!value.empty() && (value.front() == ' ' || value.back() == ' '));
        if (!quote) {
            out_ << value;
            return *this;
        }
        out_ << '"';
        for (char c : value) {
            if (c == '"') out_ << '"';
            out_ << c;
        }
        out_ << '"';
        return *this;
    }
    void endRow() {
        out_ << '\n';
        first_ = true;
    }

private:
    std::ostream& out_;
    bool first_ = true;
};

}  // namespace ss
