// LineReader: streams a text file (plain, gzip or a zip archive's member, detected from the content)
// line by line in constant memory, strips a UTF-8 BOM and CR before LF, counts lines and bytes, and
// fingerprints the content so a re-import of the same file can be recognised. One reader per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <optional>
#include <string_view>

#include "common/Result.h"
#include "common/Hash.h"

namespace ss {

class ZipArchive;
class ZipMemberStream;

class LineReader {
public:
    // A zip archive with one file is read as that file; "data.zip/member.csv" names a member.
    static Result<std::unique_ptr<LineReader>> open(const std::filesystem::path& path);
    // Lines of `text` held in memory; `name` stands for the file in messages (tests, piped input).
    static std::unique_ptr<LineReader> fromText(std::string text, const std::filesystem::path& name);
    ~LineReader();

    // Next physical line without its terminator; false at end of file. The view stays valid until
    // the next call. Read errors (e.g. a corrupt gzip stream) are reported by error().
    bool next(std::string_view& line);
    std::int64_t lineNumber() const { return lineNumber_; }  // 1-based number of the line last returned
    std::uint64_t bytesConsumed() const { return consumed_; }
    std::uint64_t fileSize() const { return fileSize_; }      // on disk: compressed size for .gz and .zip
    std::uint64_t compressedOffset() const;                   // progress measure for both kinds
    const std::optional<Error>& error() const { return error_; }
    std::string fingerprint() const;  // of all bytes read so far (call after the last line)
    const std::filesystem::path& path() const { return path_; }

private:
    LineReader() = default;
    bool fill();
    void hashBytes(const char* data, std::size_t size);

    std::filesystem::path path_;
    void* gz_ = nullptr;  // gzFile, for plain and gzip files
    std::unique_ptr<ZipArchive> zip_;  // or a zip archive's member
    std::unique_ptr<ZipMemberStream> member_;
    std::uint64_t memberSize_ = 0;
    std::string buffer_;
    std::size_t begin_ = 0, end_ = 0;
    bool eof_ = false, first_ = true;
    std::int64_t lineNumber_ = 0;
    std::uint64_t consumed_ = 0, fileSize_ = 0;
    Fnv1a hash_;
    std::optional<Error> error_;
};

}  // namespace ss
