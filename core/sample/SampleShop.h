// SampleShop: writes the built-in, deterministic (seeded) synthetic shop into an empty project —
// bilingual items in ~20 categories, users acquired in waves, taste-driven view→cart→purchase
// funnels, reviews whose tone follows item quality, and churn that depends on segment and on the
// first purchase's experience. Runs as a job on a worker thread (or the CLI's main thread).
#pragma once

#include <cstdint>
#include <filesystem>

#include "common/JobContext.h"
#include "common/Result.h"

namespace ss {

struct SampleShopOptions {
    int users = 5000;
    int items = 2000;
    int days = 210;
    std::uint64_t seed = 42;
    std::int64_t startTime = 1740960000;  // 2025-03-03T00:00:00Z, a Monday
};

struct SampleShopSummary {
    std::int64_t items = 0, users = 0, events = 0, reviews = 0;
    double seconds = 0;
};

class SampleShop {
public:
    static Result<SampleShopSummary> write(const std::filesystem::path& project, const SampleShopOptions& options,
                                           const JobContext& context);
};

}  // namespace ss
