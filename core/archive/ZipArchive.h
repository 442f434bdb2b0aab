// ZipArchive: reads the members of a zip archive in-process (libzip), because public e-commerce
// datasets and Python wheels are shipped zipped and a fresh machine has no `unzip`. Read-only: an
// archive is never modified. One instance (and its member streams) per thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/Result.h"

namespace ss {

// One member being read; it must not outlive the archive that opened it.
class ZipMemberStream {
public:
    ~ZipMemberStream();
    // Up to `size` bytes; 0 at the end. A damaged member (bad CRC, cut-off data) is an Io error.
    Result<std::size_t> read(char* buffer, std::size_t size);
    std::uint64_t bytesRead() const { return bytesRead_; }

private:
    friend class ZipArchive;
    ZipMemberStream() = default;
    void* file_ = nullptr;  // zip_file_t
    std::string context_;   // "archive.zip/member"
    std::uint64_t bytesRead_ = 0;
};

class ZipArchive {
public:
    struct Member {
        std::string name;  // path inside the archive, '/'-separated
        std::uint64_t size = 0;
        std::uint64_t compressedSize = 0;
        std::uint64_t index = 0;
    };

    // True when the file starts with a zip signature (content decides, not the name).
    static bool looksLikeZip(const std::filesystem::path& path);
    // "data.zip/inner/file.csv" names a member when no such file exists but "data.zip" does.
    // Returns {archive, member} or nothing when `path` is not of that form.
    static std::optional<std::pair<std::filesystem::path, std::string>> splitMemberPath(const std::filesystem::path& path);
    // The file that holds `path`'s bytes on disk: the archive for a member path, else `path` itself.
    static std::filesystem::path fileOnDisk(const std::filesystem::path& path);

    static Result<std::unique_ptr<ZipArchive>> open(const std::filesystem::path& path);
    ~ZipArchive();

    // Regular files only: folders and macOS resource forks (__MACOSX/, ._name) are left out.
    const std::vector<Member>& members() const { return members_; }
    const Member* find(const std::string& name) const;
    // The single data member, or a usage error that lists the members and how to name one.
    Result<const Member*> onlyMember() const;

    Result<std::unique_ptr<ZipMemberStream>> openMember(const Member& member) const;
    // The whole member in memory; refused above maxBytes (a guard against zip bombs).
    Result<std::string> readMember(const std::string& name, std::uint64_t maxBytes) const;
    // Writes the member to `target` (created or replaced).
    Status extractMember(const Member& member, const std::filesystem::path& target) const;

    const std::filesystem::path& path() const { return path_; }

private:
    ZipArchive() = default;
    std::string context(const Member& member) const;

    void* zip_ = nullptr;  // zip_t
    std::filesystem::path path_;
    std::vector<Member> members_;
};

}  // namespace ss
