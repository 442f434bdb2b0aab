// Sha256: incremental SHA-256 (FIPS 180-4). Used to fingerprint model weight files so results can
// name the exact weights that produced them. Plain value type; one instance per thread.
// Header is C++17 so the C++17 torch targets may include it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "common/Result.h"

namespace ss {

class Sha256 {
public:
    Sha256();

    void update(const void* data, std::size_t size);
    void update(std::string_view text) { update(text.data(), text.size()); }
    // Finishes the hash; the object must not be updated afterwards.
    std::array<std::uint8_t, 32> finish();
    // finish() as 64 lower-case hex digits.
    std::string finishHex();

    static std::string hex(std::string_view text);
    static std::string hex(const void* data, std::size_t size);
    // Streams the file in blocks; Io error when it cannot be read.
    static Result<std::string> hexOfFile(const std::filesystem::path& file);

private:
    void compress(const std::uint8_t* block);

    std::array<std::uint32_t, 8> state_;
    std::array<std::uint8_t, 64> buffer_{};
    std::size_t buffered_ = 0;
    std::uint64_t totalBytes_ = 0;
};

}  // namespace ss
