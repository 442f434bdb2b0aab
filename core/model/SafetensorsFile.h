// SafetensorsFile: a read-only, memory-mapped safetensors file whose header has been fully validated
// (every offset, shape and size checked against the file) before any tensor byte is exposed.
// Owns the mapping; tensor views stay valid while the object lives. Immutable after open(): any
// thread may read it concurrently. Weights are only ever read from safetensors, never from pickled
// .bin/.pt files, because unpickling can run arbitrary code.
// Header is C++17 so the C++17 torch targets may include it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "common/Result.h"

namespace ss {

class SafetensorsFile {
public:
    // Every dtype of the safetensors format, so any well-formed file can be bounds-checked. Only the
    // float dtypes (isWeightDType) can be loaded as model weights; the others are validated and then
    // rejected by the loader with the tensor's name (HF files carry e.g. an I64 position_ids buffer).
    enum class DType { F64, F32, F16, BF16, I64, I32, I16, I8, U8, Bool, F8E4M3, F8E5M2 };

    struct Tensor {
        std::string name;
        DType dtype = DType::F32;
        std::vector<std::int64_t> shape;
        std::uint64_t begin = 0;  // byte offsets relative to the data area
        std::uint64_t end = 0;
        std::int64_t numel() const;
        std::uint64_t byteSize() const { return end - begin; }
    };

    SafetensorsFile() = default;
    SafetensorsFile(SafetensorsFile&& other) noexcept;
    SafetensorsFile& operator=(SafetensorsFile&& other) noexcept;
    SafetensorsFile(const SafetensorsFile&) = delete;
    SafetensorsFile& operator=(const SafetensorsFile&) = delete;
    ~SafetensorsFile();

    // Maps and validates the file. InputData errors name the tensor and the problem; Io errors the file.
    static Result<SafetensorsFile> open(const std::filesystem::path& file);

    // The weights file of a model folder: model.safetensors. Refuses folders that only hold pickled
    // weights (pytorch_model.bin, *.pt, *.ckpt) and sharded checkpoints, which we do not read.
    static Result<std::filesystem::path> findWeights(const std::filesystem::path& modelDir);

    static std::string_view dtypeName(DType dtype);
    static std::size_t dtypeSize(DType dtype);
    static bool isWeightDType(DType dtype) { return dtype == DType::F32 || dtype == DType::F16 || dtype == DType::BF16; }

    const std::filesystem::path& path() const { return path_; }
    const std::vector<Tensor>& tensors() const { return tensors_; }  // sorted by name
    const Tensor* find(std::string_view name) const;
    const std::map<std::string, std::string>& metadata() const { return metadata_; }

    // The tensor's raw little-endian bytes inside the mapping (may be unaligned).
    const std::byte* data(const Tensor& tensor) const { return dataArea_ + tensor.begin; }
    // The whole file as mapped, e.g. for fingerprinting without reading it twice.
    const std::byte* fileBytes() const { return mapped_; }
    std::size_t fileSize() const { return mappedSize_; }

private:
    void unmap();

    std::filesystem::path path_;
    const std::byte* mapped_ = nullptr;
    std::size_t mappedSize_ = 0;
    const std::byte* dataArea_ = nullptr;
    std::vector<Tensor> tensors_;
    std::map<std::string, std::string> metadata_;
};

}  // namespace ss
