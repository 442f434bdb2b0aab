#include "CsvReader.h"

#include <algorithm>

namespace ss {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
    while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
    return s;
}

}  // namespace

CsvReader::Separator CsvReader::guessSeparator(std::string_view line) {
    const auto commas = std::count(line.begin(), line.end(), ',');
    const auto tabs = std::count(line.begin(), line.end(), '\t');
    if (tabs > commas) return Separator::Tab;
    if (commas > 0) return Separator::Comma;
    return Separator::Whitespace;
}

std::optional<Error> CsvReader::error() const { return error_ ? error_ : lines_.error(); }

std::string CsvReader::where() const { return lines_.path().string() + ":" + std::to_string(recordLine_); }

bool CsvReader::fail(std::string message, std::int64_t line, std::size_t field) {
    malformed_ = true;
    error_ = makeError(ErrorCode::InputData, std::move(message),
                       lines_.path().string() + ":" + std::to_string(line) + ": field " + std::to_string(field));
    fields_.clear();
    return false;
}

void CsvReader::splitSimple(std::string_view line) {
    fields_.clear();
    if (options_.separator == Separator::Whitespace) {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && isBlank(line[i])) ++i;
            const std::size_t start = i;
            while (i < line.size() && !isBlank(line[i])) ++i;
            if (i > start) fields_.push_back(line.substr(start, i - start));
        }
        return;
    }
    const char sep = options_.separator == Separator::Tab ? '\t' : ',';
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = line.find(sep, start);
        const auto field = line.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
        fields_.push_back(options_.trimSpaces ? trimmed(field) : field);
        if (pos == std::string_view::npos) return;
        start = pos + 1;
    }
}

// Slow path, only for records that contain a quote: unescape into storage_, possibly across lines.
bool CsvReader::parseQuoted(std::string_view line) {
    const char sep = options_.separator == Separator::Tab ? '\t' : ',';
    storage_.clear();
    spans_.clear();
    std::size_t fieldStart = 0;
    bool inQuotes = false;
    bool quoted = false;      // the current field had a quoted part (its blanks are kept)
    bool afterQuote = false;  // strict: the field's closing quote was seen
    std::int64_t lineNumber = recordLine_;
    const auto endField = [&] {
        std::size_t length = storage_.size() - fieldStart;
        if (options_.trimSpaces && !quoted) {
            const auto kept = trimmed(std::string_view(storage_).substr(fieldStart, length));
            const auto offset = static_cast<std::size_t>(kept.data() - storage_.data());
            spans_.emplace_back(offset, kept.size());
        } else {
            spans_.emplace_back(fieldStart, length);
        }
        fieldStart = storage_.size();
        quoted = afterQuote = false;
    };
    for (;;) {
        for (std::size_t i = 0; i < line.size(); ++i) {
            const char c = line[i];
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < line.size() && line[i + 1] == '"') {
                        storage_ += '"';
                        ++i;
                    } else {
                        inQuotes = false;
                        afterQuote = options_.strict;
                    }
                } else {
                    storage_ += c;
                }
            } else if (c == sep) {
                endField();
            } else if (afterQuote) {
                if (isBlank(c)) continue;
                return fail("unexpected character after a closing quote (a quote inside a quoted field must be doubled)", lineNumber,
                            spans_.size() + 1);
            } else if (c == '"' && (!options_.strict || trimmed(std::string_view(storage_).substr(fieldStart)).empty())) {
                if (options_.strict) storage_.resize(fieldStart);  // blanks before the opening quote are not data
                inQuotes = quoted = true;
            } else {
                storage_ += c;
            }
        }
        if (!inQuotes) break;
        storage_ += '\n';  // the record continues on the next physical line
        if (!lines_.next(line)) {
            if (options_.strict) return fail("quoted field is not closed before the end of file", recordLine_, spans_.size() + 1);
            malformed_ = true;
            break;
        }
        ++lineNumber;
    }
    endField();
    fields_.clear();
    for (auto [offset, length] : spans_) fields_.emplace_back(storage_.data() + offset, length);
    return true;
}

bool CsvReader::next() {
    if (error_) return false;
    std::string_view line;
    do {
        if (!lines_.next(line)) return false;
    } while (line.find_first_not_of(" \t") == std::string_view::npos);
    recordLine_ = lines_.lineNumber();
    malformed_ = false;
    if (options_.separator != Separator::Whitespace && line.find('"') != std::string_view::npos) return parseQuoted(line);
    splitSimple(line);
    return true;
}

}  // namespace ss
