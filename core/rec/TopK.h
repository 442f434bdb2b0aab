// TopKEngine: the one batched scoring path every recommender goes through. Users are scored in blocks
// (block × items floats at a time, never users × items), each row is masked (training items unless
// asked otherwise, rules), shifted (boost/bury) and cut to the k best by a partial selection
// (O(items · log k)); ties rank the smaller item index first, so results are reproducible.
// recommend() may use several threads (blocks are independent); the model must be fitted.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/Dense.h"
#include "rec/Recommender.h"
#include "rec/Rules.h"

namespace ss::rec {

struct Scored {
    std::int32_t item = 0;
    float score = 0.0f;     // the model's score
    float adjusted = 0.0f;  // after boost/bury (equals score without them)
};

struct TopKOptions {
    std::size_t k = 10;
    bool excludeTraining = true;        // drop items the user has in the training interactions
    std::size_t blockUsers = 0;         // 0: as many as fit in ~16 MB of scores per thread
    int threads = 1;
    const CompiledRules* rules = nullptr;
    const DenseMatrix* similarity = nullptr;   // item vectors for MMR (rows need not be normalised)
    const Recommender* fallback = nullptr;     // serves users the model does not cover (e.g. popularity)
};

struct TopKStats {
    double seconds = 0;
    std::size_t users = 0, fallbackUsers = 0, blocks = 0, blockUsers = 0;
};

class TopKEngine {
public:
    static Result<std::vector<std::vector<Scored>>> recommend(const Recommender& model, std::span<const std::int32_t> users,
                                                              const TopKOptions& options, const JobContext& job = {},
                                                              TopKStats* stats = nullptr);

    // The k best of one score row: entries in `excluded` (sorted) and those not allowed are skipped.
    // Exposed for tests; `scores` is read only.
    static std::vector<Scored> selectTopK(const float* scores, int n, std::span<const std::int32_t> excluded, const char* allowed,
                                          std::size_t k);

    // MMR re-ranking of candidates (best first) to k items; similarity rows are L2-normalised inside.
    static std::vector<Scored> mmr(const std::vector<Scored>& candidates, const DenseMatrix& vectors, double lambda, std::size_t k);
};

}  // namespace ss::rec
