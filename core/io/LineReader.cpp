#include "LineReader.h"

#include <zlib.h>

#include "archive/ZipArchive.h"

#include <cstring>
#include <cstdio>

namespace ss {
namespace {
constexpr std::size_t kChunk = 1 << 20;
}

Result<std::unique_ptr<LineReader>> LineReader::open(const std::filesystem::path& path) {
    std::error_code ec;
    auto inArchive = ZipArchive::splitMemberPath(path);
    if (inArchive || (std::filesystem::is_regular_file(path, ec) && ZipArchive::looksLikeZip(path))) {
        const auto archivePath = inArchive ? inArchive->first : path;
        auto archive = ZipArchive::open(archivePath);
        if (!archive) return archive.error();
        const ZipArchive::Member* member = nullptr;
        if (inArchive) {
            member = (*archive)->find(inArchive->second);
            if (!member) return makeError(ErrorCode::Io, "no such file in the zip archive", path.string());
        } else {
            auto only = (*archive)->onlyMember();
            if (!only) return only.error();
            member = *only;
        }
        auto stream = (*archive)->openMember(*member);
        if (!stream) return stream.error();
        std::unique_ptr<LineReader> reader(new LineReader());
        reader->path_ = path;
        reader->fileSize_ = std::filesystem::file_size(archivePath, ec);
        reader->memberSize_ = member->size;
        reader->member_ = std::move(*stream);
        reader->zip_ = std::move(*archive);
        reader->buffer_.resize(2 * kChunk);
        return reader;
    }
    if (std::filesystem::is_directory(path, ec))
        return makeError(ErrorCode::Io, "is a folder, not a file", path.string());
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return makeError(ErrorCode::Io, "cannot read file: " + ec.message(), path.string());
    gzFile gz = gzopen(path.string().c_str(), "rb");
    if (!gz) return makeError(ErrorCode::Io, std::string("cannot open file: ") + std::strerror(errno), path.string());
    gzbuffer(gz, 1 << 18);
    std::unique_ptr<LineReader> reader(new LineReader());
    reader->path_ = path;
    reader->gz_ = gz;
    reader->fileSize_ = size;
    reader->buffer_.resize(2 * kChunk);
    return reader;
}

std::unique_ptr<LineReader> LineReader::fromText(std::string text, const std::filesystem::path& name) {
    std::unique_ptr<LineReader> reader(new LineReader());
    reader->path_ = name;
    reader->fileSize_ = text.size();
    reader->hashBytes(text.data(), text.size());
    reader->end_ = text.size();
    reader->buffer_ = std::move(text);
    reader->eof_ = true;  // all of it is in the buffer already
    return reader;
}

LineReader::~LineReader() {
    member_.reset();  // before its archive
    if (gz_) gzclose(static_cast<gzFile>(gz_));
}

std::uint64_t LineReader::compressedOffset() const {
    if (member_)  // libzip does not expose its position in the archive: scale the member's progress
        return memberSize_ == 0 ? fileSize_
                                : static_cast<std::uint64_t>(static_cast<double>(member_->bytesRead()) / memberSize_ * fileSize_);
    if (!gz_) return consumed_;  // text in memory
    return static_cast<std::uint64_t>(gzoffset(static_cast<gzFile>(gz_)));
}

bool LineReader::fill() {
    if (eof_) return false;
    // Keep the unread tail, make room for one more chunk.
    if (begin_ > 0) {
        std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
        end_ -= begin_;
        begin_ = 0;
    }
    if (buffer_.size() - end_ < kChunk) buffer_.resize(end_ + kChunk);
    if (member_) {
        auto read = member_->read(buffer_.data() + end_, kChunk);
        if (!read || *read == 0) {
            if (!read) error_ = read.error();
            eof_ = true;
            return false;
        }
        hashBytes(buffer_.data() + end_, *read);
        end_ += *read;
        return true;
    }
    const int n = gzread(static_cast<gzFile>(gz_), buffer_.data() + end_, static_cast<unsigned>(kChunk));
    if (n < 0) {
        int code = 0;
        const char* message = gzerror(static_cast<gzFile>(gz_), &code);
        error_ = makeError(ErrorCode::Io, std::string("read error: ") + (message ? message : "unknown"), path_.string());
        eof_ = true;
        return false;
    }
    if (n == 0) {
        // zlib reports a gzip stream cut short (e.g. an interrupted download) only through gzerror():
        // Z_BUF_ERROR at end of input means the stream ended mid-way. That is a read error, not EOF.
        int code = Z_OK;
        const char* message = gzerror(static_cast<gzFile>(gz_), &code);
        if (code == Z_BUF_ERROR)
            error_ = makeError(ErrorCode::Io, std::string("read error: truncated gzip stream (") + (message ? message : "unexpected end of file") + ")",
                               path_.string());
        eof_ = true;
        return false;
    }
    hashBytes(buffer_.data() + end_, static_cast<std::size_t>(n));
    end_ += static_cast<std::size_t>(n);
    return true;
}

void LineReader::hashBytes(const char* data, std::size_t size) {
    hash_.add(data, size);  // FNV-1a over the content: cheap next to parsing
}

bool LineReader::next(std::string_view& line) {
    std::size_t scanFrom = begin_;
    for (;;) {
        const char* start = buffer_.data() + scanFrom;
        const void* nl = std::memchr(start, '\n', end_ - scanFrom);
        if (nl) {
            const std::size_t pos = static_cast<const char*>(nl) - buffer_.data();
            std::size_t len = pos - begin_;
            if (len > 0 && buffer_[begin_ + len - 1] == '\r') --len;
            line = std::string_view(buffer_.data() + begin_, len);
            consumed_ += pos + 1 - begin_;
            begin_ = pos + 1;
            break;
        }
        const std::size_t scanned = end_ - begin_;
        if (!fill()) {
            if (begin_ == end_) return false;
            std::size_t len = end_ - begin_;
            if (buffer_[begin_ + len - 1] == '\r') --len;
            line = std::string_view(buffer_.data() + begin_, len);
            consumed_ += end_ - begin_;
            begin_ = end_;
            break;
        }
        scanFrom = begin_ + scanned;
    }
    ++lineNumber_;
    if (first_) {
        first_ = false;
        if (line.size() >= 3 && std::memcmp(line.data(), "\xEF\xBB\xBF", 3) == 0) line.remove_prefix(3);
    }
    return true;
}

std::string LineReader::fingerprint() const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "fnv1a64:%016llx:%llu", static_cast<unsigned long long>(hash_.value()),
                  static_cast<unsigned long long>(consumed_));
    return buf;
}

}  // namespace ss
