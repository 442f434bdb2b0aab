// SentencePooling: turns token states into one sentence vector exactly as sentence-transformers'
// Pooling (mean/cls/max over the attention mask) and Normalize (L2, eps 1e-12) modules do.
// Stateless; any thread. Internal to ss_model_torch.
#pragma once

#include <ATen/ATen.h>

#include "model/ModelConfig.h"

namespace ss {

class SentencePooling {
public:
    // hidden: [batch, length, dim] float32; keep: [batch, length] float32 with 1 for real tokens.
    static at::Tensor pool(const at::Tensor& hidden, const at::Tensor& keep, PoolingMode mode, bool normalize) {
        at::Tensor pooled;
        switch (mode) {
            case PoolingMode::Cls:
                pooled = hidden.select(1, 0);
                break;
            case PoolingMode::Max:
                // Same fill value as sentence-transformers, so an all-negative column pools identically.
                pooled = std::get<0>(hidden.masked_fill(keep.unsqueeze(-1) == 0, -1e9).max(1));
                break;
            case PoolingMode::Mean:
            default: {
                const at::Tensor sum = at::bmm(keep.unsqueeze(1), hidden).squeeze(1);  // [batch, dim]
                pooled = sum / keep.sum(1, /*keepdim=*/true).clamp_min(1e-9);
                break;
            }
        }
        if (normalize) pooled = pooled / pooled.norm(2, 1, /*keepdim=*/true).clamp_min(1e-12);
        return pooled.contiguous();
    }
};

}  // namespace ss
