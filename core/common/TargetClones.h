// Function multi-versioning for hot loops: on x86-64 with GCC a function marked SS_HOT is also
// compiled for AVX2+FMA (x86-64-v3), and one marked SS_HOT_AVX512 for AVX-512 (x86-64-v4) as well;
// the loader picks the best the CPU has. The portable build stays the fallback, so one package runs
// everywhere. Elsewhere (clang, other CPUs, SS_NO_MULTIVERSION) the macros are empty.
// SS_AVX512_KERNELS is 1 where hand-written AVX-512 kernels (intrinsics under a target attribute)
// are built; cpuHasAvx512() says at run time whether this CPU (and its OS) can run them.
// Macros and one pure function; any thread.
#pragma once

#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && !defined(SS_NO_MULTIVERSION)
#define SS_HOT __attribute__((target_clones("arch=x86-64-v3", "default")))
#define SS_HOT_AVX512 __attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default")))
#define SS_AVX512_KERNELS 1
#else
#define SS_HOT
#define SS_HOT_AVX512
#define SS_AVX512_KERNELS 0
#endif

namespace ss {

inline bool cpuHasAvx512() {
#if SS_AVX512_KERNELS
    static const bool has = [] {
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx512f") != 0;
    }();
    return has;
#else
    return false;
#endif
}

}  // namespace ss
