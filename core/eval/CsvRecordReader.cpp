#include "eval/CsvRecordReader.h"

namespace ss {

namespace {
void trimUnquoted(std::string& s) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
    std::size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b])) ++b;
    while (e > b && isSpace(s[e - 1])) --e;
    s = s.substr(b, e - b);
}
}  // namespace

CsvRecordReader::CsvRecordReader(std::istream& in, std::string sourceName, char delimiter)
    : in_(in), source_(std::move(sourceName)), delimiter_(delimiter) {}

int CsvRecordReader::get() {
    const int c = in_.get();
    if (c == '\n') ++line_;
    return c;
}

int CsvRecordReader::peek() { return in_.peek(); }

Result<bool> CsvRecordReader::next(std::vector<std::string>& fields) {
    if (!started_) {
        started_ = true;
        // A UTF-8 byte order mark (spreadsheet exports) is not part of the first field.
        if (peek() == 0xEF) {
            char bom[3] = {};
            in_.read(bom, 3);
            if (!(in_.gcount() == 3 && bom[1] == '\xBB' && bom[2] == '\xBF')) {
                in_.clear();
                in_.seekg(0);
            }
        }
    }
    for (;;) {
        fields.clear();
        if (peek() == std::char_traits<char>::eof()) return false;
        recordLine_ = line_;
        std::string field;
        bool quoted = false;        // current field was quoted
        bool afterQuote = false;    // closing quote seen; only spaces may follow before the delimiter
        bool endOfRecord = false;
        bool anyQuoted = false;
        while (!endOfRecord) {
            int c = get();
            if (c == std::char_traits<char>::eof() || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') get();
                else if (c == '\r') ++line_;  // lone CR (old Mac files) ends a line too
                endOfRecord = true;
            } else if (c == delimiter_) {
                // field ends
            } else if (afterQuote) {
                if (c == ' ' || c == '\t') continue;
                return makeError(ErrorCode::InputData,
                                 "unexpected character after a closing quote (a quote inside a quoted "
                                 "field must be doubled)",
                                 source_ + ":" + std::to_string(line_) + ": field " +
                                     std::to_string(fields.size() + 1));
            } else if (c == '"' && !quoted && field.find_first_not_of(" \t") == std::string::npos) {
                quoted = true;
                anyQuoted = true;
                field.clear();
                for (;;) {
                    const int q = get();
                    if (q == std::char_traits<char>::eof())
                        return makeError(ErrorCode::InputData, "quoted field is not closed before the end of file",
                                         where() + ": field " + std::to_string(fields.size() + 1));
                    if (q == '"') {
                        if (peek() == '"') {
                            get();
                            field.push_back('"');
                            continue;
                        }
                        break;
                    }
                    if (q == '\r' && peek() == '\n') continue;  // keep CRLF inside quotes as "\n"
                    field.push_back(static_cast<char>(q));
                }
                afterQuote = true;
                continue;
            } else {
                // A quote inside an unquoted field (12" vinyl) is taken literally, as most readers do.
                field.push_back(static_cast<char>(c));
                continue;
            }
            if (!quoted) trimUnquoted(field);
            fields.push_back(std::move(field));
            field.clear();
            quoted = false;
            afterQuote = false;
        }
        // A blank line is no record at all.
        if (fields.size() == 1 && fields[0].empty() && !anyQuoted) continue;
        return true;
    }
}

}  // namespace ss
