#include "CsvReader.h"

#include <algorithm>

namespace ss {

CsvReader::Separator CsvReader::guessSeparator(std::string_view line) {
    const auto commas = std::count(line.begin(), line.end(), ',');
    const auto tabs = std::count(line.begin(), line.end(), '\t');
    if (tabs > commas) return Separator::Tab;
    if (commas > 0) return Separator::Comma;
    return Separator::Whitespace;
}

void CsvReader::splitSimple(std::string_view line) {
    fields_.clear();
    if (separator_ == Separator::Whitespace) {
        std::size_t i = 0;
        while (i < line.size()) {
            while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
            const std::size_t start = i;
            while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
            if (i > start) fields_.push_back(line.substr(start, i - start));
        }
        return;
    }
    const char sep = separator_ == Separator::Tab ? '\t' : ',';
    std::size_t start = 0;
    for (;;) {
        const std::size_t pos = line.find(sep, start);
        if (pos == std::string_view::npos) {
            fields_.push_back(line.substr(start));
            return;
        }
        fields_.push_back(line.substr(start, pos - start));
        start = pos + 1;
    }
}

// Slow path, only for records that contain a quote: unescape into storage_, possibly across lines.
bool CsvReader::parseQuoted(std::string_view line) {
    const char sep = separator_ == Separator::Tab ? '\t' : ',';
    storage_.clear();
    spans_.clear();
    std::size_t fieldStart = 0;
    bool inQuotes = false;
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
                    }
                } else {
                    storage_ += c;
                }
            } else if (c == '"') {
                inQuotes = true;
            } else if (c == sep) {
                spans_.emplace_back(fieldStart, storage_.size() - fieldStart);
                fieldStart = storage_.size();
            } else {
                storage_ += c;
            }
        }
        if (!inQuotes) break;
        storage_ += '\n';  // the record continues on the next physical line
        if (!lines_.next(line)) {
            malformed_ = true;
            break;
        }
    }
    spans_.emplace_back(fieldStart, storage_.size() - fieldStart);
    fields_.clear();
    for (auto [offset, length] : spans_) fields_.emplace_back(storage_.data() + offset, length);
    return true;
}

bool CsvReader::next() {
    std::string_view line;
    do {
        if (!lines_.next(line)) return false;
    } while (line.find_first_not_of(" \t") == std::string_view::npos);
    recordLine_ = lines_.lineNumber();
    malformed_ = false;
    if (separator_ != Separator::Whitespace && line.find('"') != std::string_view::npos) return parseQuoted(line);
    splitSimple(line);
    return true;
}

}  // namespace ss
