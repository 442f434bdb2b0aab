// ModelState: a trained model's matrices as bytes for the project's model cache — a versioned tag,
// then dense and sparse matrices with their shapes — and back, validating every size on the way in.
// Plain value: build on one thread, read on any.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "rec/Dense.h"
#include "rec/Interactions.h"

namespace ss::rec {

class ModelState {
public:
    explicit ModelState(std::string_view tag);  // writing: starts with the tag (e.g. "als/1")
    // Reading: false from every read() when the bytes do not start with the tag or run short.
    ModelState(std::string_view tag, std::span<const std::byte> bytes);

    void write(const DenseMatrix& m);
    void write(const CsrMatrix& m);
    bool read(DenseMatrix& m);
    bool read(CsrMatrix& m);
    void write(const std::vector<float>& v);
    bool read(std::vector<float>& v);
    void write(const std::vector<std::byte>& v);  // opaque bytes (e.g. fine-tuned encoder layers)
    bool read(std::vector<std::byte>& v);
    void write(const std::vector<std::string>& strings);
    bool read(std::vector<std::string>& strings);
    bool ok() const { return ok_; }
    bool atEnd() const { return ok_ && offset_ == bytes_.size(); }
    const std::vector<std::byte>& bytes() const { return bytes_; }

private:
    void put(const void* data, std::size_t size);
    bool get(void* data, std::size_t size);
    template <typename T>
    void putVector(const std::vector<T>& v);
    template <typename T>
    bool getVector(std::vector<T>& v);

    std::vector<std::byte> bytes_;
    std::size_t offset_ = 0;
    bool ok_ = true;
};

}  // namespace ss::rec
