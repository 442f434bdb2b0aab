#include "ZipArchive.h"

#include <zip.h>

#include <algorithm>
#include <cstdio>
#include <cctype>
#include <cstring>
#include <fstream>

namespace ss {
namespace fs = std::filesystem;

namespace {

zip_t* asZip(void* p) { return static_cast<zip_t*>(p); }
zip_file_t* asFile(void* p) { return static_cast<zip_file_t*>(p); }

std::string zipErrorText(int code) {
    zip_error_t error;
    zip_error_init_with_code(&error, code);
    std::string text = zip_error_strerror(&error);
    zip_error_fini(&error);
    return text;
}

bool isHiddenMetadata(const std::string& name) {
    if (name.rfind("__MACOSX/", 0) == 0) return true;
    const auto slash = name.find_last_of('/');
    const std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
    return base.rfind("._", 0) == 0;
}

bool endsWithZip(const std::string& text) {
    if (text.size() < 4) return false;
    std::string tail = text.substr(text.size() - 4);
    std::transform(tail.begin(), tail.end(), tail.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return tail == ".zip" || tail == ".whl";
}

}  // namespace

ZipMemberStream::~ZipMemberStream() {
    if (file_) zip_fclose(asFile(file_));
}

Result<std::size_t> ZipMemberStream::read(char* buffer, std::size_t size) {
    const zip_int64_t n = zip_fread(asFile(file_), buffer, size);
    if (n < 0) return makeError(ErrorCode::Io, std::string("read error: ") + zip_file_strerror(asFile(file_)), context_);
    bytesRead_ += static_cast<std::uint64_t>(n);
    return static_cast<std::size_t>(n);
}

bool ZipArchive::looksLikeZip(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[4] = {};
    if (!in.read(magic, 4)) return false;
    // Local file header, or the end record of an empty archive.
    return std::memcmp(magic, "PK\x03\x04", 4) == 0 || std::memcmp(magic, "PK\x05\x06", 4) == 0;
}

std::optional<std::pair<fs::path, std::string>> ZipArchive::splitMemberPath(const fs::path& path) {
    std::error_code ec;
    if (fs::exists(path, ec)) return std::nullopt;
    // Walk up until an existing regular file named *.zip; the rest is the member's name.
    fs::path archive = path;
    while (archive.has_relative_path() && archive.has_parent_path() && archive != archive.parent_path()) {
        archive = archive.parent_path();
        if (!endsWithZip(archive.filename().string())) continue;
        if (!fs::is_regular_file(archive, ec)) return std::nullopt;
        return std::make_pair(archive, fs::relative(path, archive, ec).generic_string());
    }
    return std::nullopt;
}

fs::path ZipArchive::fileOnDisk(const fs::path& path) {
    const auto split = splitMemberPath(path);
    return split ? split->first : path;
}

Result<std::unique_ptr<ZipArchive>> ZipArchive::open(const fs::path& path) {
    int code = 0;
    zip_t* zip = zip_open(path.string().c_str(), ZIP_RDONLY, &code);
    if (!zip) {
        const bool damaged = code == ZIP_ER_NOZIP || code == ZIP_ER_INCONS || code == ZIP_ER_CRC;
        return makeError(damaged ? ErrorCode::InputData : ErrorCode::Io,
                         (damaged ? "not a complete zip archive (" : "cannot open the zip archive (") + zipErrorText(code) + ")",
                         path.string());
    }
    std::unique_ptr<ZipArchive> archive(new ZipArchive());
    archive->zip_ = zip;
    archive->path_ = path;
    const zip_int64_t count = zip_get_num_entries(zip, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) continue;
        const std::string name = st.name;
        if (name.empty() || name.back() == '/' || isHiddenMetadata(name)) continue;
        archive->members_.push_back(Member{name, st.size, st.comp_size, static_cast<std::uint64_t>(i)});
    }
    return archive;
}

ZipArchive::~ZipArchive() {
    if (zip_) zip_discard(asZip(zip_));  // read-only: never write anything back
}

const ZipArchive::Member* ZipArchive::find(const std::string& name) const {
    for (const auto& m : members_)
        if (m.name == name) return &m;
    return nullptr;
}

Result<const ZipArchive::Member*> ZipArchive::onlyMember() const {
    if (members_.size() == 1) return &members_.front();
    if (members_.empty()) return makeError(ErrorCode::InputData, "the zip archive holds no files", path_.string());
    std::string names;
    for (std::size_t i = 0; i < members_.size() && i < 5; ++i) names += (i ? ", " : "") + members_[i].name;
    if (members_.size() > 5) names += ", ...";
    return makeError(ErrorCode::Usage,
                     "the zip archive holds " + std::to_string(members_.size()) + " files (" + names +
                         "); name one as " + path_.filename().string() + "/" + members_.front().name,
                     path_.string());
}

std::string ZipArchive::context(const Member& member) const { return (path_ / member.name).string(); }

Result<std::unique_ptr<ZipMemberStream>> ZipArchive::openMember(const Member& member) const {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(asZip(zip_), member.index, 0, &st) == 0 && (st.valid & ZIP_STAT_ENCRYPTION_METHOD) &&
        st.encryption_method != ZIP_EM_NONE)
        return makeError(ErrorCode::Unsupported, "the member is encrypted; unpack it with its password first", context(member));
    zip_file_t* file = zip_fopen_index(asZip(zip_), member.index, 0);
    if (!file)
        return makeError(ErrorCode::Io, std::string("cannot read the member: ") + zip_strerror(asZip(zip_)), context(member));
    std::unique_ptr<ZipMemberStream> stream(new ZipMemberStream());
    stream->file_ = file;
    stream->context_ = context(member);
    return stream;
}

Result<std::string> ZipArchive::readMember(const std::string& name, std::uint64_t maxBytes) const {
    const Member* member = find(name);
    if (!member) return makeError(ErrorCode::InputData, "no such member in the zip archive", (path_ / name).string());
    if (member->size > maxBytes)
        return makeError(ErrorCode::InputData, "the member is larger than " + std::to_string(maxBytes) + " bytes", context(*member));
    auto stream = openMember(*member);
    if (!stream) return stream.error();
    std::string bytes(static_cast<std::size_t>(member->size), '\0');
    std::size_t filled = 0;
    for (;;) {
        char spill;
        auto n = filled < bytes.size() ? (*stream)->read(bytes.data() + filled, bytes.size() - filled) : (*stream)->read(&spill, 1);
        if (!n) return n.error();
        if (*n == 0) break;
        if (filled >= bytes.size())  // the header understated the size
            return makeError(ErrorCode::InputData, "the member is longer than its header says", context(*member));
        filled += *n;
    }
    if (filled != bytes.size()) return makeError(ErrorCode::InputData, "the member is shorter than its header says", context(*member));
    return bytes;
}

Status ZipArchive::extractMember(const Member& member, const fs::path& target) const {
    auto stream = openMember(member);
    if (!stream) return stream.error();
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(ErrorCode::Io, "cannot write file", target.string());
    std::string buffer(1 << 16, '\0');
    for (;;) {
        auto n = (*stream)->read(buffer.data(), buffer.size());
        if (!n) return n.error();
        if (*n == 0) break;
        out.write(buffer.data(), static_cast<std::streamsize>(*n));
    }
    out.close();
    if (!out) return makeError(ErrorCode::Io, "cannot write file (disk full?)", target.string());
    return {};
}

}  // namespace ss
