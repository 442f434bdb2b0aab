// CsvReader: the one CSV reader. RFC 4180 records over a LineReader (plain, gzip or a zip member) —
// quoted fields with embedded delimiters, doubled quotes and newlines — or whitespace-separated
// columns. Two dialects of strictness:
//   lenient (importers): a quote opens a quoted part anywhere; a quote left open at the end of the
//     file yields the record with malformed() == true, so the importer can reject that one line.
//   strict (the `metrics` command): a quote opens a quoted field only at its start (12" vinyl is
//     text); text after a closing quote or a quote left open stops reading with error(), naming
//     file:line and the field.
// With trimSpaces, spaces and tabs around unquoted fields are not data. Fields are views valid
// until the next call. One reader per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "LineReader.h"

namespace ss {

class CsvReader {
public:
    enum class Separator { Comma, Tab, Whitespace };
    struct Options {
        Separator separator = Separator::Comma;
        bool strict = false;
        bool trimSpaces = false;
    };
    CsvReader(LineReader& lines, Separator separator) : CsvReader(lines, Options{separator}) {}
    CsvReader(LineReader& lines, Options options) : lines_(lines), options_(options) {}

    // Reads the next non-blank record; false at end, or (strict) at a malformed record, or when the
    // file cannot be read: error() then says why. recordLine() is the line the record starts on.
    bool next();
    const std::vector<std::string_view>& fields() const { return fields_; }
    std::int64_t recordLine() const { return recordLine_; }
    bool malformed() const { return malformed_; }
    // Why reading stopped early: a malformed record (strict) or the file's read error; none at a clean end.
    std::optional<Error> error() const;
    // "file:line" of the current record, for messages.
    std::string where() const;

    static Separator guessSeparator(std::string_view firstLine);

private:
    void splitSimple(std::string_view line);
    bool parseQuoted(std::string_view firstLine);
    bool fail(std::string message, std::int64_t line, std::size_t field);

    LineReader& lines_;
    Options options_;
    std::vector<std::string_view> fields_;
    std::string storage_;
    std::vector<std::pair<std::size_t, std::size_t>> spans_;
    std::int64_t recordLine_ = 0;
    bool malformed_ = false;
    std::optional<Error> error_;
};

}  // namespace ss
