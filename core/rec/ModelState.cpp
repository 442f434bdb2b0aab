#include "rec/ModelState.h"

#include <cstdint>
#include <cstring>
#include <limits>

namespace ss::rec {

ModelState::ModelState(std::string_view tag) {
    const auto length = static_cast<std::uint32_t>(tag.size());
    put(&length, sizeof length);
    put(tag.data(), tag.size());
}

ModelState::ModelState(std::string_view tag, std::span<const std::byte> bytes) : bytes_(bytes.begin(), bytes.end()) {
    std::uint32_t length = 0;
    ok_ = get(&length, sizeof length) && length == tag.size() && offset_ + length <= bytes_.size() &&
          std::memcmp(bytes_.data() + offset_, tag.data(), length) == 0;
    if (ok_) offset_ += length;
}

void ModelState::put(const void* data, std::size_t size) {
    const auto* p = static_cast<const std::byte*>(data);
    bytes_.insert(bytes_.end(), p, p + size);
}

bool ModelState::get(void* data, std::size_t size) {
    if (!ok_ || size > bytes_.size() - offset_) return ok_ = false;
    if (size > 0) std::memcpy(data, bytes_.data() + offset_, size);  // an empty vector's data() may be null
    offset_ += size;
    return true;
}

template <typename T>
void ModelState::putVector(const std::vector<T>& v) {
    const auto n = static_cast<std::uint64_t>(v.size());
    put(&n, sizeof n);
    put(v.data(), v.size() * sizeof(T));
}

template <typename T>
bool ModelState::getVector(std::vector<T>& v) {
    std::uint64_t n = 0;
    if (!get(&n, sizeof n) || n > (bytes_.size() - offset_) / sizeof(T)) return ok_ = false;
    v.resize(static_cast<std::size_t>(n));
    return get(v.data(), v.size() * sizeof(T));
}

void ModelState::write(const DenseMatrix& m) {
    const std::int32_t shape[2] = {m.rows, m.cols};
    put(shape, sizeof shape);
    putVector(m.data);
}

bool ModelState::read(DenseMatrix& m) {
    std::int32_t shape[2] = {};
    if (!get(shape, sizeof shape) || shape[0] < 0 || shape[1] < 0) return ok_ = false;
    DenseMatrix out;
    out.rows = shape[0];
    out.cols = shape[1];
    if (!getVector(out.data) || out.data.size() != std::size_t(out.rows) * std::size_t(out.cols)) return ok_ = false;
    m = std::move(out);
    return true;
}

void ModelState::write(const CsrMatrix& m) {
    const std::int32_t shape[2] = {m.rows, m.cols};
    put(shape, sizeof shape);
    putVector(m.indptr);
    putVector(m.indices);
    putVector(m.values);
}

bool ModelState::read(CsrMatrix& m) {
    std::int32_t shape[2] = {};
    if (!get(shape, sizeof shape) || shape[0] < 0 || shape[1] < 0) return ok_ = false;
    CsrMatrix out;
    out.rows = shape[0];
    out.cols = shape[1];
    if (!getVector(out.indptr) || !getVector(out.indices) || !getVector(out.values)) return false;
    // A well-formed CSR: offsets from 0 to nnz, never decreasing, columns in range.
    bool valid = out.indptr.size() == std::size_t(out.rows) + 1 && out.indptr.front() == 0 &&
                 out.indptr.back() == static_cast<std::int64_t>(out.indices.size()) && out.values.size() == out.indices.size();
    for (std::size_t r = 0; valid && r + 1 < out.indptr.size(); ++r) valid = out.indptr[r] <= out.indptr[r + 1];
    for (std::size_t q = 0; valid && q < out.indices.size(); ++q) valid = out.indices[q] >= 0 && out.indices[q] < out.cols;
    if (!valid) return ok_ = false;
    m = std::move(out);
    return true;
}

void ModelState::write(const std::vector<float>& v) { putVector(v); }

bool ModelState::read(std::vector<float>& v) { return getVector(v); }

void ModelState::write(const std::vector<std::byte>& v) { putVector(v); }

bool ModelState::read(std::vector<std::byte>& v) { return getVector(v); }

void ModelState::write(const std::vector<std::string>& strings) {
    const auto n = static_cast<std::uint64_t>(strings.size());
    put(&n, sizeof n);
    for (const auto& s : strings) {
        const auto length = static_cast<std::uint32_t>(s.size());
        put(&length, sizeof length);
        put(s.data(), s.size());
    }
}

bool ModelState::read(std::vector<std::string>& strings) {
    std::uint64_t n = 0;
    // Each string takes at least its 4-byte length: a count beyond that is corrupt.
    if (!get(&n, sizeof n) || n > (bytes_.size() - offset_) / sizeof(std::uint32_t)) return ok_ = false;
    std::vector<std::string> out(static_cast<std::size_t>(n));
    for (auto& s : out) {
        std::uint32_t length = 0;
        if (!get(&length, sizeof length) || length > bytes_.size() - offset_) return ok_ = false;
        s.assign(reinterpret_cast<const char*>(bytes_.data() + offset_), length);
        offset_ += length;
    }
    strings = std::move(out);
    return true;
}

}  // namespace ss::rec
