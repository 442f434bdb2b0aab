// SampleRandom: a portable seeded generator (std::mt19937_64 plus our own distributions, because the
// standard distributions differ between library implementations and the sample must be identical
// everywhere). One instance per thread.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <span>

namespace ss::sample {

class SampleRandom {
public:
    explicit SampleRandom(std::uint64_t seed) : engine_(seed) {}

    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int index(std::size_t n) { return static_cast<int>(uniform() * static_cast<double>(n)); }
    bool chance(double p) { return uniform() < p; }
    double normal() {
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    int geometric(double mean) { return static_cast<int>(std::floor(exponential(mean))); }
    // Index drawn with probability proportional to cumulative weights (last = total).
    int weighted(std::span<const double> cumulative) {
        const double x = uniform() * cumulative.back();
        std::size_t lo = 0, hi = cumulative.size() - 1;
        while (lo < hi) {
            const std::size_t mid = (lo + hi) / 2;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return static_cast<int>(lo);
    }

private:
    std::mt19937_64 engine_;
};

}  // namespace ss::sample
