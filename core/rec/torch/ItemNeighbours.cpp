// Item-kNN similarities as sparse products in ATen (runs on CUDA when given that device).
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>

#include "rec/torch/TorchKernels.h"

namespace ss::rec::torchkernels {

NeighbourLists itemNeighbours(const CsrView& userItems, int neighbours, double shrink, const std::string& device,
                              const std::function<bool()>& cancelled) {
    c10::InferenceMode guard;
    const at::Device dev = device == "cuda" ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
    const std::int64_t users = userItems.rows, items = userItems.cols, nnz = userItems.indptr[users];
    const auto longs = at::TensorOptions().dtype(at::kLong);
    NeighbourLists out;
    out.indptr.assign(1, 0);
    if (items == 0) return out;

    at::Tensor indptr = at::from_blob(const_cast<std::int64_t*>(userItems.indptr), {users + 1}, longs);
    at::Tensor rows = at::repeat_interleave(indptr.slice(0, 1) - indptr.slice(0, 0, users));
    at::Tensor cols = at::from_blob(const_cast<std::int32_t*>(userItems.indices), {nnz}, at::kInt).to(at::kLong);
    // Binarised: a user counts once per item whatever the weight.
    const at::Tensor ones = at::ones({nnz}, at::kFloat);
    const at::Tensor userItem = at::sparse_coo_tensor(at::stack({rows, cols}), ones, {users, items}).to(dev).coalesce();
    const at::Tensor itemUser = at::sparse_coo_tensor(at::stack({cols, rows}), ones, {items, users}).to(dev).coalesce();
    const at::Tensor norm = at::bincount(cols, {}, items).to(at::kDouble).sqrt().to(dev);

    const std::int64_t keep = std::min<std::int64_t>(std::max(1, neighbours), items);
    // Blocks of items whose dense co-occurrence rows stay within ~256 MiB.
    const std::int64_t block = std::max<std::int64_t>(1, std::min<std::int64_t>(items, (64LL << 20) / items));
    for (std::int64_t i0 = 0; i0 < items; i0 += block) {
        if (cancelled && cancelled()) {
            out.cancelled = true;
            return out;
        }
        const std::int64_t b = std::min(block, items - i0);
        const at::Tensor ids = at::arange(i0, i0 + b, longs.device(dev));
        const at::Tensor co = at::mm(itemUser.index_select(0, ids), userItem).to_dense();  // [b, items]
        co.view({-1}).index_fill_(0, at::arange(b, longs.device(dev)) * items + ids, 0.0);  // not its own neighbour
        // In double, as the native code: equal similarities stay equal, different ones different.
        at::Tensor sim = co.to(at::kDouble) / (norm.index_select(0, ids).unsqueeze(1) * norm.unsqueeze(0) + shrink);
        sim.masked_fill_(co.eq(0), 0.0);
        // Stable descending sort: among equal similarities the smaller index comes first.
        auto sorted = at::sort(sim, /*stable=*/true, /*dim=*/1, /*descending=*/true);
        at::Tensor values = std::get<0>(sorted).slice(1, 0, keep).to(at::kFloat).cpu().contiguous();
        at::Tensor index = std::get<1>(sorted).slice(1, 0, keep).cpu().contiguous();
        const float* v = values.data_ptr<float>();
        const std::int64_t* j = index.data_ptr<std::int64_t>();
        std::vector<std::pair<std::int32_t, float>> row;
        for (std::int64_t r = 0; r < b; ++r) {
            row.clear();
            for (std::int64_t q = 0; q < keep && v[r * keep + q] > 0.0f; ++q)
                row.emplace_back(static_cast<std::int32_t>(j[r * keep + q]), v[r * keep + q]);
            std::sort(row.begin(), row.end());
            for (const auto& [column, value] : row) out.indices.push_back(column), out.values.push_back(value);
            out.indptr.push_back(static_cast<std::int64_t>(out.indices.size()));
        }
    }
    return out;
}

}  // namespace ss::rec::torchkernels
