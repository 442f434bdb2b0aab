// TorchEncoder::Impl: the state behind TorchEncoder — the BERT module on its device and how it runs —
// shared by the inference (TorchEncoder.cpp) and fine-tuning (TorchFineTuner.cpp) translation units.
// Internal to ss_model_torch; same threading rules as TorchEncoder.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <ATen/ATen.h>

#include "model/ModelConfig.h"
#include "model/bert/BertModel.h"
#include "model/bert/TorchEncoder.h"

namespace ss {

struct TorchEncoder::Impl {
    ModelConfig config;
    BertModel model{nullptr};
    at::Device device{at::kCPU};
    at::ScalarType dtype = at::kFloat;
    std::string deviceName;
    std::string precisionName;
    int workers = 1;         // CPU: parts of a batch encoded at once, each on its own thread
    int computeThreads = 1;  // CPU: library threads within one part
    FastGemm::Kind fastGemm = FastGemm::Kind::None;  // fast mode: packed low-precision copies of the weights feed the products
    bool cpuLinear = false;  // exact mode on an AVX-512 CPU: packed fp32 copies of the weights (CpuLinear) feed them
};

// sequences[indices[i]] as one padded batch on the model's device: token ids (pad id 0), keep (1 for
// real tokens) and the additive attention mask in the model's dtype (0 to keep, the dtype's lowest
// value for padding, as transformers does).
struct PaddedBatch {
    at::Tensor ids, keep, mask;
    std::int64_t batch = 0, length = 0;
};

inline PaddedBatch padBatch(const TorchEncoder::Impl& impl, const std::vector<std::vector<std::int32_t>>& sequences,
                            const std::vector<std::size_t>& indices) {
    PaddedBatch p;
    p.batch = std::int64_t(indices.size());
    for (std::size_t i : indices) p.length = std::max(p.length, std::int64_t(sequences[i].size()));
    at::Tensor ids = at::zeros({p.batch, p.length}, at::kLong);
    at::Tensor keep = at::zeros({p.batch, p.length}, at::kFloat);
    auto idsAcc = ids.accessor<std::int64_t, 2>();
    auto keepAcc = keep.accessor<float, 2>();
    for (std::int64_t b = 0; b < p.batch; ++b) {
        const auto& seq = sequences[indices[std::size_t(b)]];
        for (std::size_t t = 0; t < seq.size(); ++t) {
            idsAcc[b][std::int64_t(t)] = seq[t];
            keepAcc[b][std::int64_t(t)] = 1.0f;
        }
    }
    const bool onCpu = impl.device.is_cpu();
    p.ids = onCpu ? ids : ids.to(impl.device);
    p.keep = onCpu ? keep : keep.to(impl.device);
    const double lowest = impl.dtype == at::kHalf       ? -65504.0
                          : impl.dtype == at::kBFloat16 ? -3.38e38
                                                        : double(std::numeric_limits<float>::lowest());
    p.mask = ((1.0 - p.keep) * lowest).to(impl.dtype).view({p.batch, 1, 1, p.length});
    return p;
}

}  // namespace ss
