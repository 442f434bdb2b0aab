#include "rec/ItemKnn.h"

#include "common/JobStages.h"
#include "common/TopN.h"
#include "rec/ModelState.h"
#include "rec/TrainingDevice.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
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
    std::vector<double> norm(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) norm[i] = std::sqrt(double(iu.rowSize(i)));
    const std::size_t keep = static_cast<std::size_t>(std::max(1, options_.neighbours));

    // Rows are independent: each thread fills a contiguous range, then the ranges are concatenated.
    const int threads = std::max(1, std::min(fit.threads, n));
    std::vector<std::vector<std::vector<std::pair<std::int32_t, float>>>> parts(static_cast<std::size_t>(threads));
    std::atomic<bool> cancelled{false};
    auto work = [&](int t) {
        const int lo = static_cast<int>(std::int64_t(n) * t / threads), hi = static_cast<int>(std::int64_t(n) * (t + 1) / threads);
        auto& rows = parts[t];
        rows.resize(static_cast<std::size_t>(hi - lo));
        std::vector<float> co(static_cast<std::size_t>(n), 0.0f);
        std::vector<std::int32_t> touched;
        // Every co-occurring item is a candidate, but only `keep` are stored: the candidates live in one
        // reused buffer, so a row's memory is what it keeps (a popular item meets most of the catalogue).
        std::vector<std::pair<std::int32_t, float>> candidates;
        for (int i = lo; i < hi; ++i) {
            if (((i - lo) & 255) == 0) {
                if (job.cancelled()) {
                    cancelled = true;
                    return;
                }
                if (t == 0) job.report(double(i - lo) / double(std::max(1, hi - lo)), stages::kItemKnnSimilarities);
            }
            touched.clear();
            for (auto u : iu.rowIndices(i))
                for (auto j : ui.rowIndices(u)) {
                    if (j == i) continue;
                    if (co[j] == 0.0f) touched.push_back(j);
                    co[j] += 1.0f;
                }
            candidates.clear();
            for (auto j : touched) {
                candidates.emplace_back(j, static_cast<float>(co[j] / (norm[i] * norm[j] + options_.shrink)));
                co[j] = 0.0f;
            }
            auto better = [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; };
            if (candidates.size() > keep) {
                std::nth_element(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(), better);
                candidates.resize(keep);
            }
            std::sort(candidates.begin(), candidates.end());
            rows[static_cast<std::size_t>(i - lo)].assign(candidates.begin(), candidates.end());
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
    for (const auto& part : parts)
        for (const auto& row : part) {
            for (const auto& [j, s] : row) {
                similarity_.indices.push_back(j);
                similarity_.values.push_back(s);
            }
            similarity_.indptr.push_back(static_cast<std::int64_t>(similarity_.indices.size()));
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
