#pragma once
// HugePages: asks the kernel to back a large allocation that is not yet touched with transparent huge
// pages (2 MiB instead of 4 KiB) where it allows them on request (Linux, THP "madvise" or "always").
// Gigabyte arrays then fault in 512 times less often and their random reads miss the TLB far less
// (a two-tower epoch over 4.16M items' vectors measured 14% faster: bench/scale/README.md). Only
// advice: a kernel without THP ignores it. Any thread.
#include <cstddef>
#include <vector>

namespace ss {

// Advises the whole 2 MiB-aligned pages inside [data, data + bytes); nothing below a few MiB.
void adviseHugePages(const void* data, std::size_t bytes);

// Reserves `n` elements and advises the new block before anything is written to it.
template <typename T>
void reserveHugePages(std::vector<T>& v, std::size_t n) {
    v.reserve(n);
    adviseHugePages(v.data(), v.capacity() * sizeof(T));
}

}  // namespace ss
