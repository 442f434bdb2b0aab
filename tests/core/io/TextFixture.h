// Text fixture files written by the tests themselves: plain, CRLF, with a BOM, gzip-compressed or
// as the one member of a zip archive (for LineReader, CsvReader, the importers and `metrics`).
#pragma once

#include <QByteArray>
#include <QTemporaryDir>

#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "../archive/ZipFixture.h"

namespace sstest {

// Lines joined with '\n', with a final newline.
inline QByteArray lines(std::initializer_list<const char*> rows) {
    QByteArray out;
    for (const char* r : rows) out += QByteArray(r) + '\n';
    return out;
}

enum Encoding : int { Plain = 0, Crlf = 1, Bom = 2, Gzip = 4, Zip = 8 };

inline QByteArray encode(QByteArray content, int encoding) {
    if (encoding & Crlf) content.replace("\n", "\r\n");
    if (encoding & Bom) content.prepend("\xEF\xBB\xBF");
    return content;
}

// Writes content (after CRLF/BOM transforms) to dir/name; gzip-compressed with zlib, or as the one
// member "data.csv" of a zip archive, when asked.
inline std::filesystem::path writeFixture(const QTemporaryDir& dir, const std::string& name, const QByteArray& content,
                                          int encoding = Plain) {
    const auto path = std::filesystem::path(dir.path().toStdString()) / name;
    const QByteArray bytes = encode(content, encoding);
    if (encoding & Zip) {
        if (!writeZip(path, {{"data.csv", bytes}})) return {};
    } else if (encoding & Gzip) {
        gzFile gz = gzopen(path.string().c_str(), "wb9");
        if (!gz) return {};
        if (!bytes.isEmpty()) gzwrite(gz, bytes.constData(), static_cast<unsigned>(bytes.size()));
        gzclose(gz);
    } else {
        std::ofstream out(path, std::ios::binary);
        out.write(bytes.constData(), bytes.size());
    }
    return path;
}

}  // namespace sstest
