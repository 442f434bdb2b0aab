#include "rec/ItemKnn.h"

#include "common/JobStages.h"
#include "common/TopN.h"
#include "rec/ModelState.h"
#include "rec/TrainingDevice.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <functional>
#include <limits>
#include <numeric>
#include <thread>

#ifdef SS_REC_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif

namespace ss::rec {

boost::json::object ItemKnnRecommender::parameters() const {
    return {{"neighbours", options_.neighbours},
            {"shrink", options_.shrink},
            {"similarity", "cosine (binary co-occurrence)"},
            {"device", options_.device}};
}

Status ItemKnnRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) {
    train_ = std::move(train);
    ranOn_ = "cpu";
    auto where = chooseTrainingDevice(options_.device, options_.tensorsOnCpu, true, "item-kNN");
    if (!where) return where.error();
    if (where->tensors) return fitTensors(where->device, job);
    const CsrMatrix& ui = train_->weights;
    const CsrMatrix iu = ui.transposed();
    const int n = ui.cols;
    // Items relabelled by popularity, the most-interacted first: a power law puts most co-occurring
    // pairs on popular items, so the counts a row touches then crowd into the first slots of the count
    // array, which stay in the core's cache instead of being spread over the whole catalogue's.
    std::vector<std::int32_t> byPopularity(static_cast<std::size_t>(n)), label(static_cast<std::size_t>(n));
    std::iota(byPopularity.begin(), byPopularity.end(), 0);
    std::stable_sort(byPopularity.begin(), byPopularity.end(), [&](std::int32_t a, std::int32_t b) { return iu.rowSize(a) > iu.rowSize(b); });
    for (int r = 0; r < n; ++r) label[static_cast<std::size_t>(byPopularity[static_cast<std::size_t>(r)])] = r;
    std::vector<std::int32_t> relabelled(ui.indices.size());
    for (std::size_t p = 0; p < ui.indices.size(); ++p) relabelled[p] = label[static_cast<std::size_t>(ui.indices[p])];
    // Each customer's items in the new order too, so a row's counts are touched front to back.
    for (int u = 0; u < ui.rows; ++u)
        std::sort(relabelled.begin() + ui.indptr[u], relabelled.begin() + ui.indptr[u + 1]);
    std::vector<double> norm(static_cast<std::size_t>(n));  // by new label
    for (int r = 0; r < n; ++r) norm[static_cast<std::size_t>(r)] = std::sqrt(double(iu.rowSize(byPopularity[static_cast<std::size_t>(r)])));
    const std::size_t keep = static_cast<std::size_t>(std::max(1, options_.neighbours));

    // Rows go to the threads a chunk at a time (the popular rows, first, hold most of the work); each
    // row keeps its neighbours under its original index, in the original index order.
    const int threads = std::max(1, std::min(fit.threads, n));
    std::vector<std::vector<std::pair<std::int32_t, float>>> rows(static_cast<std::size_t>(n));
    constexpr int kChunk = 64;
    std::atomic<int> nextRow{0};
    std::atomic<bool> cancelled{false};
    auto work = [&](int t) {
        std::vector<std::uint32_t> co(static_cast<std::size_t>(n), 0);
        std::vector<std::int32_t> touched(static_cast<std::size_t>(n) + 1);  // one slot past the last item appended
        // Every co-occurring item is a candidate, but only `keep` are stored: the candidates live in one
        // reused buffer, so a row's memory is what it keeps (a popular item meets most of the catalogue).
        std::vector<std::pair<std::int32_t, float>> candidates;
        std::vector<float> sims, order;
        const double shrink = options_.shrink;
        auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
        for (;;) {
            const int first = nextRow.fetch_add(kChunk);
            if (first >= n || cancelled) return;
            if (job.cancelled()) {
                cancelled = true;
                return;
            }
            if (t == 0) job.report(double(first) / double(n), stages::kItemKnnSimilarities);
            for (int r = first; r < std::min(n, first + kChunk); ++r) {
                const std::int32_t i = byPopularity[static_cast<std::size_t>(r)];
                // Co-occurrence counts; an item's first count appends it to `touched` without a branch
                // (whether a count is an item's first is as good as random: a branch would be mispredicted).
                std::size_t m = 0;
                {
                    std::uint32_t* counts = co.data();
                    std::int32_t* list = touched.data();
                    const std::int32_t* items = relabelled.data();
                    for (auto u : iu.rowIndices(i))
                        for (auto p = ui.indptr[u]; p < ui.indptr[u + 1]; ++p) {
                            const std::int32_t j = items[p];
                            const std::uint32_t c = counts[j];
                            counts[j] = c + 1;
                            list[m] = j;
                            m += c == 0;
                        }
                    // The row's own item is counted once per customer above; it is not its own neighbour.
                    if (counts[r] != 0) {
                        counts[r] = 0;
                        m = static_cast<std::size_t>(std::remove(list, list + m, r) - list);
                    }
                }
                // Every touched item's similarity first (its count cleared for the next row), in a loop
                // without stores into growing buffers, so the loads and divisions of many items overlap;
                // then only the items that can be among the best `keep` are looked up and ordered.
                sims.resize(m);
                {
                    const double nr = norm[static_cast<std::size_t>(r)];
                    const double* nj = norm.data();
                    std::uint32_t* counts = co.data();
                    const std::int32_t* js = touched.data();  // the first m
                    float* out = sims.data();
                    for (std::size_t q = 0; q < m; ++q) {
                        const std::int32_t j = js[q];
                        out[q] = static_cast<float>(double(counts[j]) / (nr * nj[j] + shrink));
                        counts[j] = 0;
                    }
                }
                float threshold = -std::numeric_limits<float>::infinity();  // keep all when there are few
                if (m > keep) {
                    order.assign(sims.begin(), sims.end());
                    std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep - 1), order.end(), std::greater<float>());
                    threshold = order[keep - 1];  // the keep-th largest: nothing below it can be kept
                }
                candidates.clear();
                for (std::size_t q = 0; q < m; ++q)
                    if (sims[q] >= threshold) candidates.emplace_back(byPopularity[static_cast<std::size_t>(touched[q])], sims[q]);
                if (candidates.size() > keep) {  // ties at the threshold: the lower original index first, as always
                    std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(), better);
                    candidates.resize(keep);
                }
                std::sort(candidates.begin(), candidates.end());
                rows[static_cast<std::size_t>(i)].assign(candidates.begin(), candidates.end());
            }
        }
    };
    {
        std::vector<std::jthread> pool;
        for (int t = 1; t < threads; ++t) pool.emplace_back(work, t);
        work(0);
    }
    if (cancelled) return makeError(ErrorCode::Cancelled, "item-kNN training cancelled");
    similarity_ = CsrMatrix{};
    similarity_.rows = n;
    similarity_.cols = n;
    std::size_t total = 0;
    for (const auto& row : rows) total += row.size();
    similarity_.indices.reserve(total);
    similarity_.values.reserve(total);
    similarity_.indptr.reserve(static_cast<std::size_t>(n) + 1);
    for (auto& row : rows) {
        for (const auto& [j, s] : row) {
            similarity_.indices.push_back(j);
            similarity_.values.push_back(s);
        }
        similarity_.indptr.push_back(static_cast<std::int64_t>(similarity_.indices.size()));
        std::vector<std::pair<std::int32_t, float>>().swap(row);  // the copy never holds twice the neighbours
    }
    return {};
}

Status ItemKnnRecommender::fitTensors([[maybe_unused]] const std::string& device, [[maybe_unused]] const JobContext& job) {
#ifdef SS_REC_WITH_TORCH
    const CsrMatrix& ui = train_->weights;
    try {
        auto lists = torchkernels::itemNeighbours({ui.rows, ui.cols, ui.indptr.data(), ui.indices.data(), ui.values.data()},
                                                  options_.neighbours, options_.shrink, device, [&job] { return job.cancelled(); });
        if (lists.cancelled) return makeError(ErrorCode::Cancelled, "item-kNN training cancelled");
        similarity_ = CsrMatrix{};
        similarity_.rows = similarity_.cols = ui.cols;
        similarity_.indptr = std::move(lists.indptr);
        similarity_.indices = std::move(lists.indices);
        similarity_.values = std::move(lists.values);
        ranOn_ = device;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, "item-kNN on " + device + " failed: " + e.what());
    }
    return {};
#else
    return makeError(ErrorCode::Unsupported, "this build has no LibTorch");
#endif
}

std::vector<std::byte> ItemKnnRecommender::saveState() const {
    if (!train_) return {};
    ModelState state(stateTag());
    state.write(similarity_);
    return state.bytes();
}

bool ItemKnnRecommender::restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> bytes) {
    ModelState state(stateTag(), bytes);
    CsrMatrix similarity;
    if (!state.read(similarity) || !state.atEnd() || similarity.rows != train->items() || similarity.cols != train->items()) return false;
    train_ = std::move(train);
    similarity_ = std::move(similarity);
    ranOn_ = "cache";
    return true;
}

void ItemKnnRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const {
    const auto n = static_cast<std::size_t>(similarity_.rows);
    const CsrMatrix& ui = train_->weights;
    for (std::size_t r = 0; r < users.size(); ++r) {
        float* row = out + r * n;
        std::fill(row, row + n, 0.0f);
        const auto items = ui.rowIndices(users[r]);
        const auto weights = ui.rowValues(users[r]);
        for (std::size_t h = 0; h < items.size(); ++h) {
            const auto nb = similarity_.rowIndices(items[h]);
            const auto sv = similarity_.rowValues(items[h]);
            const float w = weights[h];
            for (std::size_t q = 0; q < nb.size(); ++q) row[nb[q]] += w * sv[q];
        }
    }
}

void ItemKnnRecommender::scoreItem(std::span<const std::int32_t> users, std::int32_t item, float* out) const {
    // The same sum as scoreBlock's entry for `item`, in the same order: each history item's weight
    // times its similarity to `item` (0 when `item` is not among its neighbours).
    const CsrMatrix& ui = train_->weights;
    for (std::size_t r = 0; r < users.size(); ++r) {
        const auto items = ui.rowIndices(users[r]);
        const auto weights = ui.rowValues(users[r]);
        float s = 0.0f;
        for (std::size_t h = 0; h < items.size(); ++h)
            if (const float v = similarity_.value(items[h], item); v != 0.0f) s += weights[h] * v;
        out[r] = s;
    }
}

std::vector<Contribution> ItemKnnRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    std::vector<Contribution> all;
    const CsrMatrix& ui = train_->weights;
    const auto items = ui.rowIndices(user);
    const auto weights = ui.rowValues(user);
    for (std::size_t h = 0; h < items.size(); ++h) {
        const float s = similarity_.value(items[h], item);
        if (s != 0.0f) all.push_back({items[h], weights[h] * s});
    }
    return topContributions(std::move(all), n);
}

SimilarItems ItemKnnRecommender::similarItems(std::int32_t item, std::size_t n) const {
    SimilarItems out{SimilarityMeasure::ItemKnn, {}};
    if (item < 0 || item >= similarity_.rows) return out;
    const auto idx = similarity_.rowIndices(item);
    const auto val = similarity_.rowValues(item);
    for (std::size_t q = 0; q < idx.size(); ++q)
        if (idx[q] != item) out.items.emplace_back(idx[q], val[q]);
    keepTopN(out.items, n);
    return out;
}

}  // namespace ss::rec
