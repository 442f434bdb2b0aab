#include "rec/TopK.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <thread>

#include "common/BlasThreads.h"
#include "common/JobStages.h"
#include "common/TopN.h"
#include "rec/FusedScoring.h"

namespace ss::rec {
namespace {

bool better(const Scored& a, const Scored& b) { return ranksBefore(a.adjusted, a.item, b.adjusted, b.item); }

// Tiled scoring of dense models: users per block, and items per tile so that a tile of item rows
// (~1 MiB) stays in the core's cache while every user of the block is scored against it.
constexpr std::size_t kTileBlockUsers = 256;
constexpr std::size_t kFusedBlockUsers = 2048;  // at most, with the fused kernel (FusedScoring)
// Users of a model that ranks everyone alike from which sorting its catalogue once beats ranking each
// user's row (a sort costs ~log2(items) passes over the catalogue, a row one).
constexpr std::size_t kSharedRankingFrom = 32;
int autoTileItems(int dimension) { return std::clamp((1 << 18) / std::max(1, dimension), 256, 8192); }

struct Block {
    const Recommender* model;
    std::vector<std::size_t> positions;  // into the caller's users
    // A dense model's block may be one slice of the catalogue (items [itemBegin, itemEnd)), so that a
    // few users — one customer on the Recommendations screen — are scored on every core: each slice's
    // best go to its own lists, merged once every slice is done. Unsliced: the whole catalogue. (Rows
    // of the model's distinct rows when it keeps them.)
    int itemBegin = 0, itemEnd = -1;
    std::size_t slice = 0;  // which slice's lists take the block's picks (with itemEnd >= 0)
};

}  // namespace

TopKAccumulator::TopKAccumulator(std::size_t k, std::span<const std::int32_t> excluded, const char* allowed)
    : k_(k), excluded_(excluded), nextExcluded_(excluded_.begin()), allowed_(allowed) {
    heap_.reserve(k + 1);
}

void TopKAccumulator::push(int item, float s) {
    // While the heap fills, every eligible non-NaN score goes in; afterwards only a score above the
    // current k-th best can enter (NaN never compares greater, and an equal score never displaces: the
    // smaller index came first), which keeps the hot loop branch-light.
    if (!full_ ? !std::isnan(s) : s > threshold_) insert(item, s);
}

void TopKAccumulator::insert(int item, float s) {
    if (!full_) {
        heap_.push_back({item, s, s});
        std::push_heap(heap_.begin(), heap_.end(), better);
        if (heap_.size() == k_) full_ = true, threshold_ = heap_.front().adjusted;
        return;
    }
    std::pop_heap(heap_.begin(), heap_.end(), better);
    heap_.back() = {item, s, s};
    std::push_heap(heap_.begin(), heap_.end(), better);
    threshold_ = heap_.front().adjusted;
}

void TopKAccumulator::offer(const float* scores, int begin, int end) {
    if (k_ == 0) return;
    const float* at = scores - begin;  // at[i] is item i's score
    // Scan the runs between excluded items.
    int from = begin;
    while (from < end) {
        while (nextExcluded_ != excluded_.end() && *nextExcluded_ < from) ++nextExcluded_;
        const int to = nextExcluded_ != excluded_.end() ? std::min(end, static_cast<int>(*nextExcluded_)) : end;
        int i = from;
        for (; i < to && !full_; ++i)
            if (!allowed_ || allowed_[i]) push(i, at[i]);
        // Once full, almost no score beats the k-th best: test a chunk at a time with one branch (the
        // comparisons vectorise), and look closer only at a chunk where something does.
        constexpr int kChunk = 32;
        for (; i + kChunk <= to; i += kChunk) {
            const float threshold = threshold_;
            int above = 0;
            for (int j = 0; j < kChunk; ++j) above |= at[i + j] > threshold;
            if (!above) continue;
            for (int j = i; j < i + kChunk; ++j)
                if (at[j] > threshold_ && (!allowed_ || allowed_[j])) push(j, at[j]);
        }
        for (; i < to; ++i)
            if (at[i] > threshold_ && (!allowed_ || allowed_[i])) push(i, at[i]);
        from = to + 1;  // skip the excluded item itself
    }
}

void TopKAccumulator::offerShared(float s, std::span<const std::int32_t> items) {
    if (k_ == 0 || std::isnan(s) || (full_ && s < threshold_)) return;
    for (const std::int32_t item : items) {
        // Full: an item enters only above the k-th best or level with it at a smaller index; items
        // ascend, so once one does not, none after it will.
        if (full_ && !(s > threshold_ || (s == threshold_ && item < heap_.front().item))) return;
        if ((allowed_ && !allowed_[item]) || std::binary_search(excluded_.begin(), excluded_.end(), item)) continue;
        insert(item, s);
    }
}

void TopKAccumulator::offerShared(const float* scores, int begin, int end, const DistinctRows& shared) {
    const float* at = scores - begin;  // at[r] is row r's score
    int r = begin;
    for (; r < end && !full_; ++r) offerShared(at[r], shared.itemsOf(r));
    // Once full, a row can enter only at or above the k-th best (level with it at a smaller item): test a
    // chunk at a time with one branch, as offer() does.
    constexpr int kChunk = 32;
    for (; r + kChunk <= end; r += kChunk) {
        const float threshold = threshold_;
        int candidates = 0;
        for (int j = 0; j < kChunk; ++j) candidates |= at[r + j] >= threshold;
        if (!candidates) continue;
        for (int j = r; j < r + kChunk; ++j) offerShared(at[j], shared.itemsOf(j));
    }
    for (; r < end; ++r) offerShared(at[r], shared.itemsOf(r));
}

std::vector<Scored> TopKAccumulator::take() {
    std::sort_heap(heap_.begin(), heap_.end(), better);
    return std::move(heap_);
}

std::vector<Scored> TopKEngine::selectTopK(const float* scores, int n, std::span<const std::int32_t> excluded, const char* allowed,
                                           std::size_t k) {
    TopKAccumulator top(k, excluded, allowed);
    top.offer(scores, 0, n);
    return top.take();
}

std::vector<Scored> TopKEngine::mmr(const std::vector<Scored>& candidates, const ItemVectorTable& vectors, double lambda, std::size_t k) {
    const std::size_t p = candidates.size();
    if (p == 0) return {};
    float lo = candidates.front().adjusted, hi = lo;
    for (const auto& c : candidates) lo = std::min(lo, c.adjusted), hi = std::max(hi, c.adjusted);
    const int d = vectors.cols();
    std::vector<float> unit(p * static_cast<std::size_t>(d), 0.0f);
    for (std::size_t c = 0; c < p; ++c) {
        const float* v = vectors.row(candidates[c].item);
        double s = 0;
        for (int j = 0; j < d; ++j) s += double(v[j]) * v[j];
        const float scale = s > 0 ? static_cast<float>(1.0 / std::sqrt(s)) : 0.0f;
        for (int j = 0; j < d; ++j) unit[c * d + j] = v[j] * scale;
    }
    std::vector<float> maxSim(p, -1.0f);  // -1: nothing picked yet (no redundancy)
    std::vector<char> taken(p, 0);
    std::vector<Scored> out;
    for (std::size_t round = 0; round < std::min(k, p); ++round) {
        std::size_t best = p;
        double bestValue = -std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < p; ++c) {
            if (taken[c]) continue;
            const double rel = hi > lo ? (candidates[c].adjusted - lo) / double(hi - lo) : 1.0;
            const double redundancy = out.empty() ? 0.0 : maxSim[c];
            const double value = lambda * rel - (1.0 - lambda) * redundancy;
            if (value > bestValue) bestValue = value, best = c;  // strict: earlier (better-ranked) candidates win ties
        }
        taken[best] = 1;
        out.push_back(candidates[best]);
        for (std::size_t c = 0; c < p; ++c)
            if (!taken[c]) maxSim[c] = std::max(maxSim[c], dot(unit.data() + c * d, unit.data() + best * d, d));
    }
    return out;
}

namespace {

// What one recommend() call ranks with, shared read-only by its workers.
struct RankingPlan {
    const Interactions* train = nullptr;
    int items = 0;
    const TopKOptions* options = nullptr;
    const char* allowed = nullptr;  // rules' filter, or none
    const float* shift = nullptr;   // rules' boost/bury in standard deviations, or none
    bool useMmr = false;
    std::size_t pool = 0;           // candidates kept per user (more than k when MMR re-ranks them)
    mutable std::atomic<std::size_t> fusedBlocks{0};  // blocks (or slices) the fused kernel scored

    std::span<const std::int32_t> excluded(std::int32_t user) const {
        return options->excludeTraining ? train->weights.rowIndices(user) : std::span<const std::int32_t>();
    }
    // Tile by tile needs a dense model; a boost or bury is scaled by the spread of the whole row.
    bool tiled(const Recommender& m) const {
        const DenseMatrix* d = m.denseItems();
        return !shift && d && d->rows == items && d->cols > 0;
    }
    // Rows a dense model is tiled over: its distinct rows when it keeps them, else one per item.
    int denseRows(const Recommender& m) const {
        const DistinctRows* shared = m.denseDistinctRows();
        return shared ? shared->rows.rows : items;
    }
    int tileItems(int dimension) const {
        return options->tileItems ? static_cast<int>(std::min<std::size_t>(options->tileItems, 1u << 30)) : autoTileItems(dimension);
    }
    // `served`: how many users the model ranks in this call.
    std::size_t blockUsers(const Recommender& m, std::size_t served) const {
        if (options->blockUsers) return options->blockUsers;
        if (!tiled(m)) return std::clamp<std::size_t>(4'000'000 / std::max(1, items), 1, 1024);
        if (!fused(served)) return kTileBlockUsers;
        // The fused kernel packs each tile once a block: bigger blocks repay it (ALS at 2M events, 64
        // factors: 256 users 226 GFLOP/s, 1,024 250, 2,048 271), kept to a share of the users per worker.
        const std::size_t perWorker = served / static_cast<std::size_t>(std::max(1, options->threads));
        return std::clamp(perWorker, kTileBlockUsers, kFusedBlockUsers);
    }
    // The fused kernel packs each tile once a block: for a handful of users the packing costs more
    // than their scores (one customer at 4.16M items: 131 ms fused against 36 ms by the BLAS product).
    bool fused(std::size_t users) const {
        return users >= options->fusedMinUsers && FusedScoring::available() && cpuScoringMayFuse();
    }
    // The pool cut to k: by MMR when asked, else the best k.
    std::vector<Scored> finish(std::vector<Scored> top) const {
        if (useMmr) return TopKEngine::mmr(top, *options->similarity, *options->rules->mmrLambda, options->k);
        if (top.size() > options->k) top.resize(options->k);
        return top;
    }
    // One user's whole score row (changed in place by a boost or bury) to their list.
    std::vector<Scored> rankRow(float* row, std::span<const std::int32_t> excluded) const {
        float sigma = 0.0f;
        if (shift) {
            // Standard deviation of the user's eligible scores: boost/bury in the model's own scale.
            double sum = 0, sum2 = 0;
            std::size_t count = 0;
            auto ex = excluded.begin();
            for (int i = 0; i < items; ++i) {
                while (ex != excluded.end() && *ex < i) ++ex;
                if ((ex != excluded.end() && *ex == i) || (allowed && !allowed[i]) || std::isnan(row[i])) continue;
                sum += row[i];
                sum2 += double(row[i]) * row[i];
                ++count;
            }
            if (count > 1) {
                const double mean = sum / double(count);
                sigma = static_cast<float>(std::sqrt(std::max(0.0, sum2 / double(count) - mean * mean)));
            }
            if (sigma == 0.0f) sigma = 1.0f;
            for (int i = 0; i < items; ++i) row[i] += shift[i] * sigma;
        }
        auto top = TopKEngine::selectTopK(row, items, excluded, allowed, pool);
        if (shift)
            for (auto& s : top) s.score = s.adjusted - shift[s.item] * sigma;
        return finish(std::move(top));
    }
};

// A model whose scores do not depend on the user (popularity, the usual fallback), without a boost or
// bury: its eligible items sorted once, best first; a user's list is the first of them they have not
// had — O(k + excluded) a user instead of a pass over the catalogue.
struct SharedRanking {
    const Recommender* model = nullptr;
    std::vector<float> scores;
    std::vector<std::int32_t> order;

    SharedRanking(const Recommender& m, const RankingPlan& plan, std::int32_t someone) : model(&m), scores(static_cast<std::size_t>(plan.items)) {
        m.scoreBlock(std::span(&someone, 1), scores.data());
        for (int i = 0; i < plan.items; ++i)
            if ((!plan.allowed || plan.allowed[i]) && !std::isnan(scores[i])) order.push_back(i);
        std::sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return ranksBefore(scores[a], a, scores[b], b); });
    }
    std::vector<Scored> pick(std::span<const std::int32_t> excluded, std::size_t pool) const {
        std::vector<Scored> top;
        for (auto i : order) {
            if (top.size() >= pool) break;
            if (!std::binary_search(excluded.begin(), excluded.end(), i)) top.push_back({i, scores[i], scores[i]});
        }
        return top;
    }
};

// A worker's buffers, reused from block to block.
struct Scratch {
    std::vector<float> scores, queries, packed;
    std::vector<TopKAccumulator> tops;
};

// A block of users against the item rows of [from, to) a tile at a time (distinct rows, when the
// model keeps them): queries once, each user's k best carried from tile to tile. A slice of the
// catalogue leaves its picks unfinished (the pool, best first) for the merge.
// A cancelled job stops it between tiles (a block of 2,048 users takes seconds at 4M items; a tile,
// milliseconds); its lists are then left unfinished, for the caller to drop.
void rankTiled(const RankingPlan& plan, const Recommender& model, std::span<const std::int32_t> ids, std::vector<std::vector<Scored>*> out,
               int from, int to, bool sliced, Scratch& scratch, const JobContext& job) {
    const DistinctRows* shared = model.denseDistinctRows();
    const DenseMatrix& items = shared ? shared->rows : *model.denseItems();
    const int d = items.cols, m = static_cast<int>(ids.size()), tile = plan.tileItems(d);
    scratch.queries.resize(ids.size() * static_cast<std::size_t>(d));
    model.denseQueries(ids, scratch.queries.data());
    // The fused kernel keeps the scores in registers; the BLAS product writes a block × tile matrix.
    const bool fused = plan.fused(ids.size());
    if (fused) ++plan.fusedBlocks;
    if (!fused) scratch.scores.resize(ids.size() * static_cast<std::size_t>(tile));
    scratch.tops.clear();
    for (auto u : ids) scratch.tops.emplace_back(plan.pool, plan.excluded(u), plan.allowed);
    for (int begin = from; begin < to; begin += tile) {
        if (job.cancelled()) return;
        const int width = std::min(tile, to - begin);
        if (fused) {
            FusedScoring::pack(items.data.data(), d, begin, begin + width, scratch.packed);
            FusedScoring::scoreAndOffer(scratch.queries.data(), m, d, scratch.packed, begin, begin + width, scratch.tops.data(), shared);
            continue;
        }
        gemmNT(scratch.queries.data(), items.row(begin), scratch.scores.data(), m, width, d);
        for (int r = 0; r < m; ++r) {
            const float* scores = scratch.scores.data() + static_cast<std::size_t>(r) * width;
            if (!shared) scratch.tops[r].offer(scores, begin, begin + width);
            else scratch.tops[r].offerShared(scores, begin, begin + width, *shared);
        }
    }
    for (int r = 0; r < m; ++r) *out[r] = sliced ? scratch.tops[r].take() : plan.finish(scratch.tops[r].take());
}

// A dense model's blocks cut into catalogue slices when there are fewer of them than workers, so every
// core reads its own part of the item rows (one customer's list over four million items is bound by
// reading ~1 GB: 137 ms on one core of this machine, 72 ms on two). Slices are whole tiles. Returns how
// many slices each block has (1: none cut).
std::size_t sliceCatalogue(std::vector<Block>& blocks, const RankingPlan& plan, int threads) {
    std::vector<std::size_t> dense;
    for (std::size_t b = 0; b < blocks.size(); ++b)
        if (blocks[b].model && plan.tiled(*blocks[b].model)) dense.push_back(b);
    if (dense.empty() || blocks.size() >= static_cast<std::size_t>(threads)) return 1;
    // Tiles of a block's own model: its rows (distinct ones, when it keeps them) and dimension.
    auto tilesOf = [&](const Recommender& m, int& tile, int& rows) {
        tile = plan.tileItems(m.denseItems()->cols);
        rows = plan.denseRows(m);
        return static_cast<std::size_t>((rows + tile - 1) / tile);
    };
    std::size_t fewest = std::numeric_limits<std::size_t>::max();
    for (std::size_t b : dense) {
        int tile = 0, rows = 0;
        fewest = std::min(fewest, tilesOf(*blocks[b].model, tile, rows));
    }
    const std::size_t slices = std::min((static_cast<std::size_t>(threads) + dense.size() - 1) / dense.size(), fewest);
    if (slices < 2) return 1;
    for (std::size_t b : dense) {
        const Block whole = blocks[b];
        int tile = 0, rows = 0;
        const std::size_t tiles = tilesOf(*whole.model, tile, rows);
        for (std::size_t s = 0; s < slices; ++s) {
            Block part = whole;
            part.itemBegin = static_cast<int>(std::min<std::size_t>(tiles * s / slices * tile, static_cast<std::size_t>(rows)));
            part.itemEnd = static_cast<int>(std::min<std::size_t>(tiles * (s + 1) / slices * tile, static_cast<std::size_t>(rows)));
            part.slice = s;
            if (s == 0) blocks[b] = std::move(part);
            else blocks.push_back(std::move(part));
        }
    }
    return slices;
}

// A block of users by whole score rows, or from the shared ranking when the model has one.
void rankRows(const RankingPlan& plan, const Recommender& model, std::span<const std::int32_t> ids, std::vector<std::vector<Scored>*> out,
              const SharedRanking* shared, Scratch& scratch) {
    if (shared) {
        for (std::size_t r = 0; r < ids.size(); ++r) *out[r] = plan.finish(shared->pick(plan.excluded(ids[r]), plan.pool));
        return;
    }
    scratch.scores.resize(ids.size() * static_cast<std::size_t>(plan.items));
    model.scoreBlock(ids, scratch.scores.data());
    for (std::size_t r = 0; r < ids.size(); ++r)
        *out[r] = plan.rankRow(scratch.scores.data() + r * static_cast<std::size_t>(plan.items), plan.excluded(ids[r]));
}

}  // namespace

Result<std::vector<std::vector<Scored>>> TopKEngine::recommend(const Recommender& model, std::span<const std::int32_t> users,
                                                               const TopKOptions& options, const JobContext& job, TopKStats* stats) {
    const auto start = std::chrono::steady_clock::now();
    const Interactions* train = model.training();
    if (!train) return makeError(ErrorCode::Usage, "the recommender '" + model.name() + "' is not trained");
    const int n = model.items();
    const CompiledRules* rules = options.rules;
    RankingPlan plan;
    plan.train = train;
    plan.items = n;
    plan.options = &options;
    plan.useMmr = rules && rules->mmrLambda && *rules->mmrLambda < 1.0;
    if (plan.useMmr && (!options.similarity || options.similarity->items() != n))
        return makeError(ErrorCode::Usage, "diversity re-ranking needs item vectors (content embeddings or model factors)");
    if (rules && rules->filters() && static_cast<int>(rules->allowed.size()) != n)
        return makeError(ErrorCode::Internal, "rules were compiled for another catalogue");
    plan.pool = plan.useMmr ? (rules->mmrPool ? std::max(rules->mmrPool, options.k) : std::max<std::size_t>(options.k * 5, 50)) : options.k;
    plan.allowed = rules && rules->filters() ? rules->allowed.data() : nullptr;
    plan.shift = rules && !rules->shift.empty() ? rules->shift.data() : nullptr;

    // Covered users go to the model, the rest to the fallback (in the caller's order within each).
    std::vector<Block> blocks;
    std::vector<std::size_t> mine, other;
    for (std::size_t p = 0; p < users.size(); ++p) {
        if (options.fallback && !model.coversUser(users[p])) other.push_back(p);
        else mine.push_back(p);
    }
    auto cut = [&](const Recommender* m, const std::vector<std::size_t>& positions) {
        const std::size_t size = m ? plan.blockUsers(*m, positions.size()) : 1;
        for (std::size_t b = 0; b < positions.size(); b += size)
            blocks.push_back({m, std::vector<std::size_t>(positions.begin() + static_cast<std::ptrdiff_t>(b),
                                                          positions.begin() + static_cast<std::ptrdiff_t>(std::min(positions.size(), b + size)))});
    };
    cut(&model, mine);
    cut(options.fallback, other);

    // A model that ranks everyone alike is sorted once — when it serves enough users to pay for the
    // sort of the whole catalogue; a few users (one customer on the Recommendations screen) are cheaper
    // ranked row by row.
    std::vector<SharedRanking> shared;
    for (const auto& [m, served] : {std::pair{&model, mine.size()}, std::pair{options.fallback, other.size()}})
        if (m && served >= kSharedRankingFrom && m->sameForEveryUser() && !plan.shift && (shared.empty() || shared.front().model != m))
            shared.emplace_back(*m, plan, users[(m == &model ? mine : other).front()]);
    auto sharedFor = [&](const Recommender* m) -> const SharedRanking* {
        for (const auto& ranking : shared)
            if (ranking.model == m) return &ranking;
        return nullptr;
    };

    const std::size_t slices = sliceCatalogue(blocks, plan, std::max(1, options.threads));
    const int threads = std::max(1, std::min<int>(options.threads, static_cast<int>(blocks.size())));
    std::vector<std::vector<Scored>> out(users.size());
    // Each slice's picks per user (slices > 1 only), merged below.
    std::vector<std::vector<std::vector<Scored>>> slicePicks(slices > 1 ? slices : 0, std::vector<std::vector<Scored>>(users.size()));
    std::atomic<std::size_t> nextBlock{0}, doneBlocks{0};
    std::atomic<bool> stop{false};
    auto worker = [&](bool reporter) {
        Scratch scratch;
        std::vector<std::int32_t> ids;
        std::vector<std::vector<Scored>*> lists;
        for (;;) {
            if (stop.load() || job.cancelled()) {
                stop = true;
                return;
            }
            const std::size_t b = nextBlock++;
            if (b >= blocks.size()) return;
            const Block& block = blocks[b];
            ids.clear();
            lists.clear();
            const bool sliced = block.itemEnd >= 0;
            for (auto p : block.positions) ids.push_back(users[p]), lists.push_back(sliced ? &slicePicks[block.slice][p] : &out[p]);
            if (plan.tiled(*block.model))
                rankTiled(plan, *block.model, ids, lists, sliced ? block.itemBegin : 0, sliced ? block.itemEnd : plan.denseRows(*block.model), sliced,
                          scratch, job);
            else rankRows(plan, *block.model, ids, lists, sharedFor(block.model), scratch);
            const std::size_t done = ++doneBlocks;
            if (reporter) job.report(double(done) / double(blocks.size()), stages::kScoringUsers);
        }
    };
    // Several workers each multiply their own tiles: OpenBLAS's threads would only contend with the
    // other workers' (ALS at 20M events, 2 cores: 176 GFLOP/s with them, 226 without).
    std::optional<BlasThreads> oneBlasThreadEach;
    if (threads > 1 && std::any_of(blocks.begin(), blocks.end(), [&](const Block& b) { return b.model && plan.tiled(*b.model); }))
        oneBlasThreadEach.emplace(1);
    {
        std::vector<std::jthread> helpers;
        for (int t = 1; t < threads; ++t) helpers.emplace_back(worker, false);
        worker(true);
    }
    if (stop.load()) return makeError(ErrorCode::Cancelled, "scoring cancelled");
    // Each slice holds its own best `pool` in the engine's order, so the best of their union is exactly
    // what one pass over the whole catalogue keeps.
    for (const Block& block : blocks) {
        if (block.itemEnd < 0 || block.slice != 0) continue;
        for (auto p : block.positions) {
            std::vector<Scored> merged;
            for (auto& picks : slicePicks) merged.insert(merged.end(), picks[p].begin(), picks[p].end());
            std::sort(merged.begin(), merged.end(), better);
            if (merged.size() > plan.pool) merged.resize(plan.pool);
            out[p] = plan.finish(std::move(merged));
        }
    }
    if (stats) {
        stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        stats->users = users.size();
        stats->fallbackUsers = other.size();
        stats->blocks = blocks.size();
        stats->catalogueSlices = slices;
        stats->blockUsers = plan.blockUsers(model, mine.size());
        stats->sharedRankings = shared.size();
        stats->tileItems = plan.tiled(model) ? static_cast<std::size_t>(plan.tileItems(model.denseItems()->cols)) : 0;
        stats->scoredRows = plan.tiled(model) ? static_cast<std::size_t>(plan.denseRows(model)) : 0;
        stats->fusedBlocks = plan.fusedBlocks.load();
    }
    return out;
}

}  // namespace ss::rec
