// TopKEngine: the one batched scoring path every recommender goes through. Users are scored in blocks
// (block × items floats at a time, never users × items), each row is masked (training items unless
// asked otherwise, rules), shifted (boost/bury) and cut to the k best by a partial selection
// (O(items · log k)); ties rank the smaller item index first, so results are reproducible.
// A dense model whose items share rows (Recommender::denseDistinctRows) is tiled over its distinct
// rows, each row's score given to its items.
// Dense models (Recommender::denseItems) are scored tile by tile instead: a block of users against a
// cache-sized tile of item rows at a time, each user's k best carried from tile to tile, so the item
// matrix is read from memory once per block of hundreds of users rather than once per handful, and
// no whole score row is ever held (a boost or bury needs whole rows: then the row path is used). On
// CPUs with AVX-512 a tile is scored by FusedScoring, which offers only what can enter a list.
// recommend() may use several threads (blocks are independent; with fewer blocks than threads, a dense
// model's catalogue is cut into slices scored side by side and merged); the model must be fitted.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/Dense.h"
#include "rec/ItemVectorTable.h"
#include "rec/Recommender.h"
#include "rec/Rules.h"

namespace ss::rec {

struct Scored {
    std::int32_t item = 0;
    float score = 0.0f;     // the model's score
    float adjusted = 0.0f;  // after boost/bury (equals score without them)
};

// One user's k best, fed ascending ranges of item scores: entries in `excluded` (sorted) and those
// not allowed are skipped; NaN never enters. The same picks whether the scores come in one range or
// many. Not thread-safe; one per user and thread.
class TopKAccumulator {
public:
    TopKAccumulator(std::size_t k, std::span<const std::int32_t> excluded, const char* allowed);
    // scores[i - begin] is item i's score, for i in [begin, end); ranges must come in ascending order.
    void offer(const float* scores, int begin, int end);
    // One score shared by `items` (ascending), in any order relative to other offers: the picks are
    // the same as offering every item's score in item order. Do not mix with offer().
    void offerShared(float score, std::span<const std::int32_t> items);
    // scores[r - begin] is distinct row r's score, for r in [begin, end): each offered for its items.
    void offerShared(const float* scores, int begin, int end, const DistinctRows& shared);
    std::vector<Scored> take();  // best first
    // No score below this can enter the list (−∞ while it fills, +∞ when k is 0). Everything offered
    // is checked again, so a caller may use it to skip scores early.
    float entryFloor() const {
        return k_ == 0 ? std::numeric_limits<float>::infinity() : full_ ? threshold_ : -std::numeric_limits<float>::infinity();
    }

private:
    void push(int item, float score);
    void insert(int item, float score);  // into the heap: while it fills, or in place of the k-th best

    std::size_t k_;
    std::span<const std::int32_t> excluded_;
    std::span<const std::int32_t>::iterator nextExcluded_;
    const char* allowed_;
    std::vector<Scored> heap_;
    float threshold_ = 0.0f;
    bool full_ = false;
};

struct TopKOptions {
    std::size_t k = 10;
    bool excludeTraining = true;        // drop items the user has in the training interactions
    std::size_t blockUsers = 0;         // 0: as many as fit in ~16 MB of scores per thread (dense models: 256)
    std::size_t tileItems = 0;          // dense models: items per tile (0: ~1 MiB of item rows)
    // Dense blocks of at least this many users go through the fused kernel where the CPU has it
    // (FusedScoring); smaller ones, a customer being served, through the BLAS product.
    std::size_t fusedMinUsers = 32;
    int threads = 1;
    const CompiledRules* rules = nullptr;
    const ItemVectorTable* similarity = nullptr;  // item vectors for MMR (need not be normalised)
    const Recommender* fallback = nullptr;     // serves users the model does not cover (e.g. popularity)
};

struct TopKStats {
    double seconds = 0;
    std::size_t users = 0, fallbackUsers = 0, blocks = 0, blockUsers = 0;
    std::size_t tileItems = 0;  // items per tile when the model was scored tile by tile (0: whole rows)
    std::size_t scoredRows = 0;  // tiled: the item rows each user was scored against (distinct rows when items share them)
    std::size_t sharedRankings = 0;  // catalogues of models that rank everyone alike, sorted once
    std::size_t catalogueSlices = 1;  // parts each dense block's catalogue was cut into, one per worker (1: not cut)
    std::size_t fusedBlocks = 0;      // blocks (slices counted apart) scored by the fused kernel
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
    static std::vector<Scored> mmr(const std::vector<Scored>& candidates, const ItemVectorTable& vectors, double lambda, std::size_t k);
};

}  // namespace ss::rec
