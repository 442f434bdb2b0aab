#pragma once
// BlasThreads: OpenBLAS's own thread count, which LibTorch's set_num_threads does not reach (it drives
// OpenMP and MKL only). OpenBLAS starts one thread per core and its count is process-wide.
// Looked up at run time, so builds without OpenBLAS (MKL, CUDA wheels) simply have none.
//
// An object holds the count at a value for its lifetime. Holders may nest or overlap across threads:
// the newest live holder's count is in force, and the count found before the first holder is restored
// when the last one goes. Any thread may call.

namespace ss {

class BlasThreads {
public:
    explicit BlasThreads(int threads);
    ~BlasThreads();
    BlasThreads(const BlasThreads&) = delete;
    BlasThreads& operator=(const BlasThreads&) = delete;

    static bool available();   // the process has OpenBLAS
    static int current();      // its thread count; 0 without OpenBLAS
    static bool set(int threads);  // false without OpenBLAS

private:
    bool held_ = false;
};

}  // namespace ss
