// CsvRecordReader: splits an input stream into RFC 4180 records (quoted fields with "" escapes, embedded
// delimiters and line breaks, CRLF or LF line ends), remembering the line each record starts on so errors
// can name file:line. Owns only its parse state and reads from a stream it does not own: one thread.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <vector>

#include "common/Result.h"

namespace ss {

class CsvRecordReader {
public:
    // sourceName goes into error contexts ("truth.csv:12").
    CsvRecordReader(std::istream& in, std::string sourceName, char delimiter = ',');

    // Reads the next non-blank record into fields. Unquoted fields lose surrounding spaces and tabs;
    // quoted fields are kept exactly. Returns false at the end of input, an InputData error for an
    // unterminated quote or text after a closing quote.
    Result<bool> next(std::vector<std::string>& fields);

    std::size_t line() const { return recordLine_; }  // 1-based line where the last record started
    const std::string& sourceName() const { return source_; }
    std::string where() const { return source_ + ":" + std::to_string(recordLine_); }

private:
    int get();   // next byte, or EOF; counts lines
    int peek();

    std::istream& in_;
    std::string source_;
    char delimiter_;
    std::size_t line_ = 1;
    std::size_t recordLine_ = 0;
    bool started_ = false;
};

}  // namespace ss
