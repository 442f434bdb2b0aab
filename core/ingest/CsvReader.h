// CsvReader: RFC 4180 records over a LineReader — quoted fields with embedded delimiters, doubled
// quotes and newlines — or whitespace-separated columns. Fields are views valid until the next call.
// One reader per thread.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "LineReader.h"

namespace ss {

class CsvReader {
public:
    enum class Separator { Comma, Tab, Whitespace };
    CsvReader(LineReader& lines, Separator separator) : lines_(lines), separator_(separator) {}

    // Reads the next non-empty record; false at end. recordLine() is the line it starts on.
    // A quote left open at end of file yields the record with malformed() == true.
    bool next();
    const std::vector<std::string_view>& fields() const { return fields_; }
    std::int64_t recordLine() const { return recordLine_; }
    bool malformed() const { return malformed_; }

    static Separator guessSeparator(std::string_view firstLine);

private:
    void splitSimple(std::string_view line);
    bool parseQuoted(std::string_view firstLine);

    LineReader& lines_;
    Separator separator_;
    std::vector<std::string_view> fields_;
    std::string storage_;
    std::vector<std::pair<std::size_t, std::size_t>> spans_;
    std::int64_t recordLine_ = 0;
    bool malformed_ = false;
};

}  // namespace ss
