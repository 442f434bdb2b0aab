#include "rec/TopK.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <thread>

#include "common/JobStages.h"
#include "common/TopN.h"

namespace ss::rec {
namespace {

bool better(const Scored& a, const Scored& b) { return ranksBefore(a.adjusted, a.item, b.adjusted, b.item); }

struct Block {
    const Recommender* model;
    std::vector<std::size_t> positions;  // into the caller's users
};

}  // namespace

std::vector<Scored> TopKEngine::selectTopK(const float* scores, int n, std::span<const std::int32_t> excluded, const char* allowed,
                                           std::size_t k) {
    std::vector<Scored> heap;
    if (k == 0) return heap;
    heap.reserve(k + 1);
    // Scan the runs between excluded items. While the heap fills, every eligible non-NaN score goes in;
    // afterwards only a score above the current k-th best can enter (NaN never compares greater, and an
    // equal score never displaces: the smaller index came first), which keeps the hot loop branch-light.
    float threshold = 0.0f;
    bool full = false;
    auto offer = [&](int i) {
        const float s = scores[i];
        if (!full) {
            if (std::isnan(s)) return;
            heap.push_back({i, s, s});
            std::push_heap(heap.begin(), heap.end(), better);
            if (heap.size() == k) full = true, threshold = heap.front().adjusted;
        } else if (s > threshold) {
            std::pop_heap(heap.begin(), heap.end(), better);
            heap.back() = {i, s, s};
            std::push_heap(heap.begin(), heap.end(), better);
            threshold = heap.front().adjusted;
        }
    };
    int begin = 0;
    auto ex = excluded.begin();
    while (begin < n) {
        while (ex != excluded.end() && *ex < begin) ++ex;
        const int end = ex != excluded.end() ? std::min(n, static_cast<int>(*ex)) : n;
        if (allowed) {
            for (int i = begin; i < end; ++i)
                if (allowed[i] && (!full || scores[i] > threshold)) offer(i);
        } else {
            int i = begin;
            for (; i < end && !full; ++i) offer(i);
            for (; i < end; ++i)
                if (scores[i] > threshold) offer(i);
        }
        begin = end + 1;  // skip the excluded item itself
    }
    std::sort_heap(heap.begin(), heap.end(), better);
    return heap;
}

std::vector<Scored> TopKEngine::mmr(const std::vector<Scored>& candidates, const DenseMatrix& vectors, double lambda, std::size_t k) {
    const std::size_t p = candidates.size();
    if (p == 0) return {};
    float lo = candidates.front().adjusted, hi = lo;
    for (const auto& c : candidates) lo = std::min(lo, c.adjusted), hi = std::max(hi, c.adjusted);
    const int d = vectors.cols;
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

Result<std::vector<std::vector<Scored>>> TopKEngine::recommend(const Recommender& model, std::span<const std::int32_t> users,
                                                               const TopKOptions& options, const JobContext& job, TopKStats* stats) {
    const auto start = std::chrono::steady_clock::now();
    const Interactions* train = model.training();
    if (!train) return makeError(ErrorCode::Usage, "the recommender '" + model.name() + "' is not trained");
    const int n = model.items();
    const CompiledRules* rules = options.rules;
    const bool useMmr = rules && rules->mmrLambda && *rules->mmrLambda < 1.0;
    if (useMmr && (!options.similarity || options.similarity->rows != n))
        return makeError(ErrorCode::Usage, "diversity re-ranking needs item vectors (content embeddings or model factors)");
    if (rules && rules->filters() && static_cast<int>(rules->allowed.size()) != n)
        return makeError(ErrorCode::Internal, "rules were compiled for another catalogue");
    const std::size_t pool = useMmr ? (rules->mmrPool ? std::max(rules->mmrPool, options.k) : std::max<std::size_t>(options.k * 5, 50))
                                    : options.k;
    std::size_t blockUsers = options.blockUsers;
    if (blockUsers == 0) blockUsers = std::clamp<std::size_t>(4'000'000 / std::max(1, n), 1, 1024);

    // Covered users go to the model, the rest to the fallback (in the caller's order within each).
    std::vector<Block> blocks;
    std::vector<std::size_t> mine, other;
    for (std::size_t p = 0; p < users.size(); ++p) {
        if (options.fallback && !model.coversUser(users[p])) other.push_back(p);
        else mine.push_back(p);
    }
    auto cut = [&](const Recommender* m, const std::vector<std::size_t>& positions) {
        for (std::size_t b = 0; b < positions.size(); b += blockUsers)
            blocks.push_back({m, std::vector<std::size_t>(positions.begin() + static_cast<std::ptrdiff_t>(b),
                                                          positions.begin() + static_cast<std::ptrdiff_t>(std::min(positions.size(), b + blockUsers)))});
    };
    cut(&model, mine);
    cut(options.fallback, other);

    std::vector<std::vector<Scored>> out(users.size());
    std::atomic<std::size_t> nextBlock{0}, doneBlocks{0};
    std::atomic<bool> stop{false};
    const char* allowed = rules && rules->filters() ? rules->allowed.data() : nullptr;
    const float* shift = rules && !rules->shift.empty() ? rules->shift.data() : nullptr;

    auto worker = [&](bool reporter) {
        std::vector<float> buffer;
        std::vector<std::int32_t> ids;
        for (;;) {
            if (stop.load() || job.cancelled()) {
                stop = true;
                return;
            }
            const std::size_t b = nextBlock++;
            if (b >= blocks.size()) return;
            const Block& block = blocks[b];
            ids.clear();
            for (auto p : block.positions) ids.push_back(users[p]);
            buffer.resize(ids.size() * static_cast<std::size_t>(n));
            block.model->scoreBlock(ids, buffer.data());
            for (std::size_t r = 0; r < ids.size(); ++r) {
                float* row = buffer.data() + r * static_cast<std::size_t>(n);
                const auto excluded = options.excludeTraining ? train->weights.rowIndices(ids[r]) : std::span<const std::int32_t>();
                float sigma = 0.0f;
                if (shift) {
                    // Standard deviation of the user's eligible scores: boost/bury in the model's own scale.
                    double sum = 0, sum2 = 0;
                    std::size_t count = 0;
                    auto ex = excluded.begin();
                    for (int i = 0; i < n; ++i) {
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
                    for (int i = 0; i < n; ++i) row[i] += shift[i] * sigma;
                }
                auto top = selectTopK(row, n, excluded, allowed, pool);
                if (shift)
                    for (auto& s : top) s.score = s.adjusted - shift[s.item] * sigma;
                if (useMmr) top = mmr(top, *options.similarity, *rules->mmrLambda, options.k);
                else if (top.size() > options.k) top.resize(options.k);
                out[block.positions[r]] = std::move(top);
            }
            const std::size_t done = ++doneBlocks;
            if (reporter) job.report(double(done) / double(blocks.size()), stages::kScoringUsers);
        }
    };
    const int threads = std::max(1, std::min<int>(options.threads, static_cast<int>(blocks.size())));
    {
        std::vector<std::jthread> pool2;
        for (int t = 1; t < threads; ++t) pool2.emplace_back(worker, false);
        worker(true);
    }
    if (stop.load()) return makeError(ErrorCode::Cancelled, "scoring cancelled");
    if (stats) {
        stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        stats->users = users.size();
        stats->fallbackUsers = other.size();
        stats->blocks = blocks.size();
        stats->blockUsers = blockUsers;
    }
    return out;
}

}  // namespace ss::rec
