#include "model/SafetensorsFile.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <optional>
#include <sstream>
#include <utility>

#include <boost/json.hpp>

namespace ss {
namespace {

namespace json = boost::json;

// The format caps the header at 100 MB; a bigger claim is a corrupt or hostile file, not a model.
constexpr std::uint64_t kMaxHeaderBytes = 100u * 1024u * 1024u;

std::optional<SafetensorsFile::DType> parseDType(std::string_view name) {
    using D = SafetensorsFile::DType;
    static const std::pair<std::string_view, D> table[] = {
        {"F64", D::F64}, {"F32", D::F32}, {"F16", D::F16},     {"BF16", D::BF16},       {"I64", D::I64},
        {"I32", D::I32}, {"I16", D::I16}, {"I8", D::I8},       {"U8", D::U8},           {"BOOL", D::Bool},
        {"F8_E4M3", D::F8E4M3},           {"F8_E5M2", D::F8E5M2}};
    for (const auto& [text, dtype] : table) {
        if (text == name) return dtype;
    }
    return std::nullopt;
}

std::string tensorLabel(std::string_view name) { return "tensor '" + std::string(name) + "'"; }

std::string shapeText(const std::vector<std::int64_t>& shape) {
    std::ostringstream out;
    out << '[';
    for (std::size_t i = 0; i < shape.size(); ++i) out << (i ? ", " : "") << shape[i];
    out << ']';
    return out.str();
}

// A JSON number that is a non-negative integer fitting in uint64 (JSON has no integer type of its own).
std::optional<std::uint64_t> asIndex(const json::value& v) {
    if (v.is_uint64()) return v.get_uint64();
    if (v.is_int64() && v.get_int64() >= 0) return std::uint64_t(v.get_int64());
    return std::nullopt;
}

// The mapping's RAII owner while open() validates; released into the SafetensorsFile on success.
struct Mapping {
    const std::byte* data = nullptr;
    std::size_t size = 0;
    ~Mapping() {
        if (data) ::munmap(const_cast<std::byte*>(data), size);
    }
};

Result<SafetensorsFile::Tensor> parseEntry(const std::string& name, const json::value& entry, std::uint64_t dataSize,
                                           const std::string& where) {
    using Tensor = SafetensorsFile::Tensor;
    const auto bad = [&](const std::string& problem) {
        return makeError(ErrorCode::InputData, tensorLabel(name) + ": " + problem, where);
    };
    if (!entry.is_object()) return bad("entry must be an object with dtype, shape and data_offsets");
    const json::object& obj = entry.get_object();

    const json::value* dtypeValue = obj.if_contains("dtype");
    if (!dtypeValue || !dtypeValue->is_string()) return bad("missing or non-string 'dtype'");
    const std::string_view dtypeText = dtypeValue->get_string();
    const auto dtype = parseDType(dtypeText);
    if (!dtype) {
        return bad("unsupported dtype '" + std::string(dtypeText) +
                   "' (model weights must be F32, F16 or BF16)");
    }

    Tensor tensor;
    tensor.name = name;
    tensor.dtype = *dtype;

    const json::value* shapeValue = obj.if_contains("shape");
    if (!shapeValue || !shapeValue->is_array()) return bad("missing or non-array 'shape'");
    // Products are checked against int64 so numel()/byte sizes can never wrap.
    std::uint64_t numel = 1;
    for (const json::value& dim : shapeValue->get_array()) {
        const auto d = asIndex(dim);
        if (!d) return bad("shape has a negative or non-integer dimension: " + json::serialize(*shapeValue));
        if (*d > std::uint64_t(std::numeric_limits<std::int64_t>::max()) ||
            (*d != 0 && numel > std::uint64_t(std::numeric_limits<std::int64_t>::max()) / *d)) {
            return bad("shape " + json::serialize(*shapeValue) + " overflows the element count");
        }
        numel *= *d;
        tensor.shape.push_back(std::int64_t(*d));
    }
    const std::uint64_t elementSize = SafetensorsFile::dtypeSize(*dtype);
    if (numel > std::uint64_t(std::numeric_limits<std::int64_t>::max()) / elementSize) {
        return bad("shape " + shapeText(tensor.shape) + " overflows the byte size");
    }
    const std::uint64_t expectedBytes = numel * elementSize;

    const json::value* offsetsValue = obj.if_contains("data_offsets");
    if (!offsetsValue || !offsetsValue->is_array() || offsetsValue->get_array().size() != 2) {
        return bad("missing 'data_offsets' or not a [begin, end] pair");
    }
    const auto begin = asIndex(offsetsValue->get_array()[0]);
    const auto end = asIndex(offsetsValue->get_array()[1]);
    if (!begin || !end) return bad("data_offsets must be non-negative integers: " + json::serialize(*offsetsValue));
    if (*begin > *end) return bad("data_offsets " + json::serialize(*offsetsValue) + " end before they begin");
    if (*end > dataSize) {
        return bad("data_offsets " + json::serialize(*offsetsValue) + " lie outside the data area of " +
                   std::to_string(dataSize) + " bytes (file truncated?)");
    }
    tensor.begin = *begin;
    tensor.end = *end;
    if (tensor.byteSize() != expectedBytes) {
        return bad("shape " + shapeText(tensor.shape) + " x " + std::string(dtypeText) + " needs " +
                   std::to_string(expectedBytes) + " bytes but data_offsets span " +
                   std::to_string(tensor.byteSize()) + " (shape mismatch)");
    }
    return tensor;
}

}  // namespace

std::int64_t SafetensorsFile::Tensor::numel() const {
    std::int64_t n = 1;
    for (std::int64_t d : shape) n *= d;  // cannot overflow: checked when the header was parsed
    return n;
}

SafetensorsFile::SafetensorsFile(SafetensorsFile&& other) noexcept { *this = std::move(other); }

SafetensorsFile& SafetensorsFile::operator=(SafetensorsFile&& other) noexcept {
    if (this != &other) {
        unmap();
        path_ = std::move(other.path_);
        tensors_ = std::move(other.tensors_);
        metadata_ = std::move(other.metadata_);
        mapped_ = std::exchange(other.mapped_, nullptr);
        mappedSize_ = std::exchange(other.mappedSize_, 0);
        dataArea_ = std::exchange(other.dataArea_, nullptr);
    }
    return *this;
}

SafetensorsFile::~SafetensorsFile() { unmap(); }

void SafetensorsFile::unmap() {
    if (mapped_) ::munmap(const_cast<std::byte*>(mapped_), mappedSize_);
    mapped_ = nullptr;
    mappedSize_ = 0;
    dataArea_ = nullptr;
}

std::string_view SafetensorsFile::dtypeName(DType dtype) {
    switch (dtype) {
        case DType::F64: return "F64";
        case DType::F32: return "F32";
        case DType::F16: return "F16";
        case DType::BF16: return "BF16";
        case DType::I64: return "I64";
        case DType::I32: return "I32";
        case DType::I16: return "I16";
        case DType::I8: return "I8";
        case DType::U8: return "U8";
        case DType::Bool: return "BOOL";
        case DType::F8E4M3: return "F8_E4M3";
        case DType::F8E5M2: return "F8_E5M2";
    }
    return "?";
}

std::size_t SafetensorsFile::dtypeSize(DType dtype) {
    switch (dtype) {
        case DType::F64:
        case DType::I64: return 8;
        case DType::F32:
        case DType::I32: return 4;
        case DType::F16:
        case DType::BF16:
        case DType::I16: return 2;
        case DType::I8:
        case DType::U8:
        case DType::Bool:
        case DType::F8E4M3:
        case DType::F8E5M2: return 1;
    }
    return 1;
}

const SafetensorsFile::Tensor* SafetensorsFile::find(std::string_view name) const {
    const auto it = std::lower_bound(tensors_.begin(), tensors_.end(), name,
                                     [](const Tensor& t, std::string_view n) { return t.name < n; });
    return it != tensors_.end() && it->name == name ? &*it : nullptr;
}

Result<SafetensorsFile> SafetensorsFile::open(const std::filesystem::path& file) {
    const std::string where = file.string();
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return makeError(ErrorCode::Io, std::string("cannot open: ") + std::strerror(errno), where);
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::Io, "not a regular file", where);
    }
    const auto fileSize = std::uint64_t(st.st_size);
    if (fileSize < 8) {
        ::close(fd);
        return makeError(ErrorCode::InputData,
                         "file is " + std::to_string(fileSize) + " bytes, too short for the 8-byte header length (truncated?)",
                         where);
    }
    Mapping map;
    void* address = ::mmap(nullptr, fileSize, PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);  // the mapping keeps its own reference to the file
    if (address == MAP_FAILED) return makeError(ErrorCode::Io, std::string("cannot mmap: ") + std::strerror(errno), where);
    map.data = static_cast<const std::byte*>(address);
    map.size = fileSize;

    // The length prefix is a little-endian u64, read byte by byte so the host's endianness is irrelevant.
    std::uint64_t headerSize = 0;
    for (int i = 7; i >= 0; --i) headerSize = (headerSize << 8) | std::uint64_t(map.data[i]);
    if (headerSize > fileSize - 8) {
        return makeError(ErrorCode::InputData,
                         "header length " + std::to_string(headerSize) + " runs past the end of the file (" +
                             std::to_string(fileSize) + " bytes): header too long or file truncated",
                         where);
    }
    if (headerSize > kMaxHeaderBytes) {
        return makeError(ErrorCode::InputData, "header length " + std::to_string(headerSize) + " exceeds the 100 MB limit",
                         where);
    }
    const std::string_view headerText(reinterpret_cast<const char*>(map.data + 8), std::size_t(headerSize));
    boost::system::error_code ec;
    json::value header = json::parse(headerText, ec);
    if (ec) return makeError(ErrorCode::InputData, "header is not valid JSON: " + ec.message(), where);
    if (!header.is_object()) return makeError(ErrorCode::InputData, "header JSON must be an object", where);

    const std::uint64_t dataSize = fileSize - 8 - headerSize;
    SafetensorsFile result;
    for (const auto& [key, value] : header.get_object()) {
        const std::string name(key);
        if (name == "__metadata__") {
            if (!value.is_object()) return makeError(ErrorCode::InputData, "__metadata__ must be an object", where);
            for (const auto& [mk, mv] : value.get_object()) {
                if (!mv.is_string()) {
                    return makeError(ErrorCode::InputData, "__metadata__ value '" + std::string(mk) + "' must be a string",
                                     where);
                }
                result.metadata_.emplace(std::string(mk), std::string(mv.get_string()));
            }
            continue;
        }
        auto tensor = parseEntry(name, value, dataSize, where);
        if (!tensor) return tensor.error();
        result.tensors_.push_back(std::move(tensor.value()));
    }

    // No two tensors may share bytes: a crafted file could otherwise alias weights. Empty tensors
    // occupy no bytes and cannot overlap anything.
    std::vector<const Tensor*> byOffset;
    for (const Tensor& t : result.tensors_) {
        if (t.byteSize() > 0) byOffset.push_back(&t);
    }
    std::sort(byOffset.begin(), byOffset.end(), [](const Tensor* a, const Tensor* b) { return a->begin < b->begin; });
    for (std::size_t i = 1; i < byOffset.size(); ++i) {
        if (byOffset[i]->begin < byOffset[i - 1]->end) {
            return makeError(ErrorCode::InputData,
                             tensorLabel(byOffset[i]->name) + " overlaps " + tensorLabel(byOffset[i - 1]->name) + ": bytes [" +
                                 std::to_string(byOffset[i]->begin) + ", " + std::to_string(byOffset[i - 1]->end) +
                                 ") are claimed by both",
                             where);
        }
    }
    std::sort(result.tensors_.begin(), result.tensors_.end(),
              [](const Tensor& a, const Tensor& b) { return a.name < b.name; });
    for (std::size_t i = 1; i < result.tensors_.size(); ++i) {
        if (result.tensors_[i].name == result.tensors_[i - 1].name) {
            return makeError(ErrorCode::InputData, tensorLabel(result.tensors_[i].name) + " is listed twice", where);
        }
    }

    result.path_ = file;
    result.mapped_ = std::exchange(map.data, nullptr);
    result.mappedSize_ = map.size;
    result.dataArea_ = result.mapped_ + 8 + headerSize;
    return result;
}

Result<std::filesystem::path> SafetensorsFile::findWeights(const std::filesystem::path& modelDir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(modelDir, ec)) {
        return makeError(ErrorCode::Io, "model folder does not exist or is not a folder", modelDir.string());
    }
    const auto single = modelDir / "model.safetensors";
    if (std::filesystem::is_regular_file(single, ec)) return single;

    bool sharded = false;
    std::vector<std::string> pickled;
    for (const auto& entry : std::filesystem::directory_iterator(modelDir, ec)) {
        const std::string name = entry.path().filename().string();
        const std::string ext = entry.path().extension().string();
        if (ext == ".safetensors" || name == "model.safetensors.index.json") sharded = true;
        if (ext == ".bin" || ext == ".pt" || ext == ".pth" || ext == ".ckpt" || ext == ".pkl") pickled.push_back(name);
    }
    if (sharded) {
        return makeError(ErrorCode::Unsupported,
                         "only a single model.safetensors is supported (found sharded or differently named safetensors)",
                         modelDir.string());
    }
    if (!pickled.empty()) {
        std::sort(pickled.begin(), pickled.end());
        return makeError(ErrorCode::Unsupported,
                         "refusing pickled weights " + pickled.front() +
                             " (loading pickle can run code); convert to safetensors, e.g. with "
                             "safetensors.torch.save_file, or download model.safetensors",
                         modelDir.string());
    }
    return makeError(ErrorCode::InputData, "no model.safetensors in the model folder", modelDir.string());
}

}  // namespace ss
