// Test support: zip archives written with libzip's writer, so tests need no `zip` tool and can
// make damaged archives on purpose.
#pragma once

#include <zip.h>

#include <QByteArray>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sstest {

struct ZipEntry {
    std::string name;    // a trailing '/' makes a folder entry
    QByteArray content;
    bool stored = false;  // no compression: the bytes appear verbatim in the archive
    const char* password = nullptr;  // AES-256 when set
};

// Writes the archive; false when libzip refuses (e.g. no AES support).
inline bool writeZip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries) {
    int code = 0;
    zip_t* zip = zip_open(path.string().c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!zip) return false;
    std::vector<QByteArray> keep;  // libzip reads the buffers when the archive is closed
    keep.reserve(entries.size());
    for (const auto& e : entries) {
        if (!e.name.empty() && e.name.back() == '/') {
            if (zip_dir_add(zip, e.name.c_str(), ZIP_FL_ENC_UTF_8) < 0) return zip_discard(zip), false;
            continue;
        }
        keep.push_back(e.content);
        zip_source_t* source = zip_source_buffer(zip, keep.back().constData(), zip_uint64_t(keep.back().size()), 0);
        const zip_int64_t index = zip_file_add(zip, e.name.c_str(), source, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
        if (index < 0) {
            zip_source_free(source);
            zip_discard(zip);
            return false;
        }
        if (e.stored) zip_set_file_compression(zip, zip_uint64_t(index), ZIP_CM_STORE, 0);
        if (e.password && zip_file_set_encryption(zip, zip_uint64_t(index), ZIP_EM_AES_256, e.password) < 0) {
            zip_discard(zip);
            return false;
        }
    }
    return zip_close(zip) == 0;
}

}  // namespace sstest
