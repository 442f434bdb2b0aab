// The two-tower model and its training loop (LibTorch). Narrow headers only: module, linear, embedding,
// AdamW, CUDA query. Every tensor guard is created here, on the training thread.
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <torch/nn/module.h>
#include <torch/nn/modules/embedding.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include <algorithm>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <cmath>
#include <exception>
#include <limits>
#include <random>

#include "rec/torch/TorchKernels.h"

namespace ss::rec::torchkernels {
namespace {

struct TowersImpl : torch::nn::Module {
    TowersImpl(int items, int inputDim, const TwoTowerConfig& c)
        : itemHidden(register_module("item_hidden", torch::nn::Linear(inputDim, c.hidden))),
          itemOut(register_module("item_out", torch::nn::Linear(c.hidden, c.dim))),
          userHidden(register_module("user_hidden", torch::nn::Linear(c.sharedTower ? c.dim : inputDim, c.hidden))),
          userOut(register_module("user_out", torch::nn::Linear(c.hidden, c.dim))),
          attention(c.attention),
          idEmbedding(c.idEmbedding) {
        if (attention) {
            attentionKey = register_module("attention_key", torch::nn::Linear(c.sharedTower ? c.dim : inputDim, c.hidden));
            attentionQuery = register_parameter("attention_query", torch::randn({c.hidden}) * (1.0 / std::sqrt(double(c.hidden))));
        }
        if (idEmbedding) {
            ids = register_module("item_ids", torch::nn::Embedding(torch::nn::EmbeddingOptions(items + 1, c.dim)));
            torch::NoGradGuard noGrad;
            ids->weight.normal_(0.0, 0.01);
        }
    }

    // vectors [B, D], itemIds [B], seen [B] (1 where the id embedding may be used) → [B, dim]
    at::Tensor item(const at::Tensor& vectors, const at::Tensor& itemIds, const at::Tensor& seen) {
        at::Tensor out = itemOut->forward(at::relu(itemHidden->forward(vectors)));
        if (idEmbedding) out = out + ids->forward(itemIds) * seen.unsqueeze(-1);
        return out;
    }

    // history [B, L, D] (item vectors, or item-tower outputs when shared), mask [B, L] (1 for real items) → [B, dim]
    at::Tensor user(const at::Tensor& history, const at::Tensor& mask) {
        at::Tensor pooled;
        if (attention) {
            at::Tensor logits = at::matmul(at::tanh(attentionKey->forward(history)), attentionQuery);  // [B, L]
            logits = logits.masked_fill(mask.eq(0), -1e9);
            pooled = (at::softmax(logits, 1).unsqueeze(-1) * history).sum(1);
        } else {
            pooled = (history * mask.unsqueeze(-1)).sum(1) / mask.sum(1, true).clamp_min(1.0);
        }
        return fromPooled(pooled);
    }

    // The user tower's MLP over pooled history vectors [B, D] → [B, dim].
    at::Tensor fromPooled(const at::Tensor& pooled) { return userOut->forward(at::relu(userHidden->forward(pooled))); }

    torch::nn::Linear itemHidden{nullptr}, itemOut{nullptr}, userHidden{nullptr}, userOut{nullptr};
    torch::nn::Linear attentionKey{nullptr};
    at::Tensor attentionQuery;
    torch::nn::Embedding ids{nullptr};
    bool attention, idEmbedding;
};
TORCH_MODULE(Towers);

struct Example {
    std::int32_t user;
    std::int32_t position;  // index into the user's history: the target; the context is before it
};

// A held-out customer ranked after each epoch: the history before `cut` is the context (and is not
// recommended back), the distinct later items the context lacks are the targets — the evaluation's
// temporal split in small.
struct RankingCase {
    std::int32_t user;
    std::int64_t cut;
    std::vector<std::int64_t> targets;
    std::vector<std::int32_t> context;  // the items before the cut, ascending (never recommended back)
};

constexpr int kRankingDepth = 10;

double unit(std::mt19937_64& g) { return static_cast<double>(g() >> 11) * 0x1.0p-53; }
std::int64_t below(std::mt19937_64& g, std::int64_t n) { return static_cast<std::int64_t>(unit(g) * double(n)); }

class Trainer {
public:
    Trainer(const TwoTowerInput& in, const TwoTowerConfig& c, at::Device device)
        : in_(in), c_(c), device_(device), distinct_(in.rowVectors && !c.idEmbedding && !in.itemRow.empty()),
          rows_(distinct_ ? in.rows : in.items) {}

    // The table row of an item: its own, or its distinct row.
    std::int64_t rowOf(std::int32_t item) const { return distinct_ ? in_.itemRow[static_cast<std::size_t>(item)] : item; }

    // Context table rows [B, L] and mask for the given (user, end) pairs: the `historyLength` items before
    // position `end` of the user's history. Padding points at item 0 with mask 0, so it adds nothing
    // (the vector table is the caller's, with no padding row of its own).
    void context(const std::vector<std::pair<std::int32_t, std::int64_t>>& rows, at::Tensor& idx, at::Tensor& mask) const {
        const int L = c_.historyLength;
        const auto b = static_cast<std::int64_t>(rows.size());
        idx = at::zeros({b, L}, at::kLong);
        mask = at::zeros({b, L}, at::kFloat);
        auto ia = idx.accessor<std::int64_t, 2>();
        auto ma = mask.accessor<float, 2>();
        for (std::int64_t r = 0; r < b; ++r) {
            const auto [u, end] = rows[r];
            const std::int64_t begin = std::max<std::int64_t>(0, end - L);
            const std::int64_t offset = in_.historyOffset[u];
            for (std::int64_t p = begin; p < end; ++p) {
                ia[r][p - begin] = rowOf(in_.history[offset + p]);
                ma[r][p - begin] = 1.0f;
            }
        }
    }

    // The user tower for (user, end) pairs. Mean pooling of the raw vectors (the default) averages each
    // row's history items as one bag, never forming the [B, L, D] gather (39 MB a batch of 512 at
    // L = 50, D = 384, read three times). Attention and the shared tower need every position.
    at::Tensor userVectors(Towers& model, const std::vector<std::pair<std::int32_t, std::int64_t>>& rows) const {
        if (!c_.sharedTower && !c_.attention) {
            const int L = c_.historyLength;
            std::vector<std::int64_t> indices, offsets;
            offsets.reserve(rows.size());
            indices.reserve(rows.size() * static_cast<std::size_t>(L));
            for (const auto& [u, end] : rows) {
                offsets.push_back(static_cast<std::int64_t>(indices.size()));
                const std::int64_t begin = std::max<std::int64_t>(0, end - L);
                const std::int64_t offset = in_.historyOffset[u];
                for (std::int64_t p = begin; p < end; ++p) indices.push_back(rowOf(in_.history[offset + p]));
            }
            const at::Tensor idx = at::from_blob(indices.data(), {static_cast<std::int64_t>(indices.size())}, at::kLong).to(device_);
            const at::Tensor off = at::from_blob(offsets.data(), {static_cast<std::int64_t>(offsets.size())}, at::kLong).to(device_);
            // mode 1: mean; an empty bag (no history) is a zero vector, as the masked mean gives.
            const at::Tensor pooled = std::get<0>(at::embedding_bag(table_, idx, off, false, 1));
            return model->fromPooled(pooled);
        }
        at::Tensor idx, mask;
        context(rows, idx, mask);
        return userVectors(model, idx.to(device_), mask.to(device_));
    }

    // The user tower over history indices [B, L] (padding masked): pooled item vectors, or with a shared tower
    // pooled item-tower outputs (run once per distinct history item), so id embeddings reach users too.
    at::Tensor userVectors(Towers& model, const at::Tensor& idx, const at::Tensor& mask) const {
        const auto b = idx.size(0), l = idx.size(1);
        if (!c_.sharedTower) return model->user(table_.index_select(0, idx.reshape({-1})).reshape({b, l, in_.inputDim}), mask);
        const auto distinct = at::_unique(idx.reshape({-1}), /*sorted=*/true, /*return_inverse=*/true);
        const at::Tensor& unique = std::get<0>(distinct);
        at::Tensor h = model->item(table_.index_select(0, unique), unique, seen_.index_select(0, unique))
                           .index_select(0, std::get<1>(distinct).reshape({-1}))
                           .reshape({b, l, c_.dim});
        return model->user(h, mask);
    }

    // Mean BCE over the positives and negatives of a batch; negatives [B, N] item ids.
    at::Tensor loss(Towers& model, const std::vector<Example>& batch, const at::Tensor& negatives) const {
        std::vector<std::pair<std::int32_t, std::int64_t>> rows;
        std::vector<std::int64_t> targets;
        rows.reserve(batch.size());
        for (const Example& e : batch) {
            rows.emplace_back(e.user, e.position);
            targets.push_back(in_.history[in_.historyOffset[e.user] + e.position]);
        }
        const auto b = static_cast<std::int64_t>(batch.size());
        at::Tensor u = userVectors(model, rows);                                                     // [B, dim]
        at::Tensor pos = at::from_blob(targets.data(), {b}, at::kLong).clone().to(device_);
        at::Tensor candidates = at::cat({pos.unsqueeze(1), negatives.to(device_)}, 1);              // [B, 1+N]
        const auto n1 = candidates.size(1);
        if (rowOfItem_.defined()) candidates = rowOfItem_.index_select(0, candidates.reshape({-1}));
        // The item tower runs once per distinct table row of the batch (popular items repeat a lot).
        const auto distinct = at::_unique(candidates.reshape({-1}), /*sorted=*/true, /*return_inverse=*/true);
        const at::Tensor& unique = std::get<0>(distinct);
        const at::Tensor& inverse = std::get<1>(distinct);
        at::Tensor iv = model->item(table_.index_select(0, unique), unique, seen_.index_select(0, unique))
                            .index_select(0, inverse.reshape({-1}))
                            .reshape({b, n1, -1});
        at::Tensor logits = at::bmm(iv, u.unsqueeze(-1)).squeeze(-1);                              // [B, 1+N]
        at::Tensor labels = at::zeros_like(logits);
        labels.select(1, 0).fill_(1.0);
        return at::binary_cross_entropy_with_logits(logits, labels);
    }

    TwoTowerOutcome run(const std::function<bool()>& cancelled, const std::function<void(double, const std::string&)>& progress,
                        const std::function<void(int, double, double, double)>& onEpoch) {
        TwoTowerOutcome out;
        out.device = device_.str();
        torch::manual_seed(c_.seed);
        std::mt19937_64 rng(c_.seed);
        const int users = static_cast<int>(in_.historyOffset.size()) - 1;

        // Frozen item vectors, read in place on the CPU (copied once to a GPU); per-item "seen" flags
        // for the id embedding.
        // With distinct rows (no id embeddings) the table is one row per distinct vector, and "seen" (for
        // the id embedding only) is never read.
        table_ = at::from_blob(const_cast<float*>(distinct_ ? in_.rowVectors : in_.itemVectors), {rows_, in_.inputDim}, at::kFloat).to(device_);
        std::vector<float> seen(in_.seenItem.begin(), in_.seenItem.end());
        seen_ = distinct_ ? at::zeros({rows_}, at::TensorOptions(at::kFloat).device(device_))
                          : at::from_blob(seen.data(), {in_.items}, at::kFloat).clone().to(device_);
        if (distinct_) {
            std::vector<std::int64_t> itemRows(in_.itemRow.begin(), in_.itemRow.end());
            rowOfItem_ = at::from_blob(itemRows.data(), {in_.items}, at::kLong).clone().to(device_);
        }

        // Examples: every history position after the first; users split into training and validation.
        std::vector<Example> train, validation;
        std::vector<std::int32_t> heldOut;
        for (int u = 0; u < users; ++u) {
            const bool val = unit(rng) < c_.validationFraction;
            const auto len = in_.historyOffset[u + 1] - in_.historyOffset[u];
            for (std::int64_t p = 1; p < len; ++p) (val ? validation : train).push_back({u, static_cast<std::int32_t>(p)});
            if (val && len > 1) heldOut.push_back(u);
        }
        out.examples = static_cast<std::int64_t>(train.size());
        if (train.empty()) {
            out.error = "no training examples: every user has at most one item";
            return out;
        }
        // A bounded epoch: a fresh sample of the training examples each time (the first `perEpoch`
        // after a partial shuffle), and one fixed sample of validation examples.
        const std::size_t perEpoch = c_.examplesPerEpoch > 0 ? std::min(train.size(), static_cast<std::size_t>(c_.examplesPerEpoch))
                                                               : train.size();
        if (c_.examplesPerEpoch > 0) {
            const auto keep = std::max<std::size_t>(1, static_cast<std::size_t>(c_.examplesPerEpoch) / 10);
            if (validation.size() > keep) {
                for (std::size_t i = 0; i < keep; ++i)
                    std::swap(validation[i], validation[i + static_cast<std::size_t>(below(rng, static_cast<std::int64_t>(validation.size() - i)))]);
                validation.resize(keep);
                validation.shrink_to_fit();
            }
        }
        out.validationExamples = static_cast<std::int64_t>(validation.size());
        // Measured (bench/rec, --only stopping): over full passes the validation loss picks better epochs
        // on small shops — their held-out ranking levels off epochs before the test ranking does. Over
        // sampled epochs of a big shop the loss keeps falling by fractions of a percent an epoch while
        // the ranking no longer moves, so there the ranking decides.
        if (c_.earlyStopping == "ranking" || (c_.earlyStopping == "auto" && perEpoch < train.size())) rankingCases(std::move(heldOut));
        out.rankingCustomers = static_cast<std::int64_t>(cases_.size());
        const int negatives = std::max(1, c_.negatives);
        // Negatives come from the training catalog only: an item first seen after the cut-off did not
        // exist when the model was trained, and drawing it as a negative would teach the towers that
        // new items are bad, which is the opposite of serving them by their text.
        std::vector<std::int64_t> catalog;
        for (int i = 0; i < in_.items; ++i)
            if (in_.seenItem[static_cast<std::size_t>(i)]) catalog.push_back(i);
        if (catalog.empty()) {
            out.error = "no item has a training interaction";
            return out;
        }
        std::vector<double> cumulative;  // popularity sampling: P(i) ∝ users(i)^0.75
        if (c_.popularityNegatives > 0) {
            double total = 0;
            for (int i = 0; i < in_.items; ++i) cumulative.push_back(total += std::pow(double(in_.itemUsers[i]), 0.75));
            if (total <= 0) cumulative.clear();
        }
        auto draw = [&]() -> std::int64_t {
            if (cumulative.empty() || unit(rng) >= c_.popularityNegatives)
                return catalog[static_cast<std::size_t>(below(rng, static_cast<std::int64_t>(catalog.size())))];
            const double x = unit(rng) * cumulative.back();
            return std::min<std::int64_t>(in_.items - 1, std::upper_bound(cumulative.begin(), cumulative.end(), x) - cumulative.begin());
        };
        // With a pool, a batch's negatives are picked from `negativePool` draws: each one is still a
        // draw of the sampler above, so the loss is the same in expectation, and the item tower runs
        // over the pool once instead of over every positive's own negatives.
        std::vector<std::int64_t> pool;
        auto sampleNegatives = [&](std::size_t b) {
            at::Tensor t = at::empty({static_cast<std::int64_t>(b), negatives}, at::kLong);
            auto a = t.accessor<std::int64_t, 2>();
            if (c_.negativePool > 0) {
                pool.resize(static_cast<std::size_t>(c_.negativePool));
                for (auto& item : pool) item = draw();
                for (std::size_t r = 0; r < b; ++r)
                    for (int k = 0; k < negatives; ++k) a[r][k] = pool[static_cast<std::size_t>(below(rng, c_.negativePool))];
                return t;
            }
            for (std::size_t r = 0; r < b; ++r)
                for (int k = 0; k < negatives; ++k) a[r][k] = draw();
            return t;
        };
        // Validation negatives are drawn once, so every epoch is measured on the same pairs.
        std::vector<at::Tensor> validationNegatives;
        const auto bs = static_cast<std::size_t>(std::max(1, c_.batchSize));
        for (std::size_t s = 0; s < validation.size(); s += bs) validationNegatives.push_back(sampleNegatives(std::min(bs, validation.size() - s)));

        Towers model(in_.items, in_.inputDim, c_);
        model->to(device_);
        torch::optim::AdamW optimizer(model->parameters(),
                                      torch::optim::AdamWOptions(c_.learningRate).weight_decay(c_.weightDecay));
        std::vector<at::Tensor> best;
        double bestLoss = std::numeric_limits<double>::infinity();
        std::vector<double> bestNdcg;  // per ranking case, at the best epoch
        int sinceBest = 0;
        std::vector<std::int64_t> distinct;  // a step's negatives, counted every 16th step
        double distinctSum = 0;
        std::size_t distinctSteps = 0;
        for (int epoch = 1; epoch <= c_.maxEpochs; ++epoch) {
            // Fisher–Yates with our own draws: the same order with every standard library. A bounded
            // epoch draws only its own examples, from the front.
            if (perEpoch == train.size()) {
                for (std::size_t i = train.size(); i > 1; --i) std::swap(train[i - 1], train[static_cast<std::size_t>(below(rng, static_cast<std::int64_t>(i)))]);
            } else {
                for (std::size_t i = 0; i < perEpoch; ++i)
                    std::swap(train[i], train[i + static_cast<std::size_t>(below(rng, static_cast<std::int64_t>(train.size() - i)))]);
            }
            model->train();
            double sum = 0;
            std::size_t batches = 0;
            for (std::size_t s = 0; s < perEpoch; s += bs) {
                if (cancelled && cancelled()) {
                    out.cancelled = true;
                    return out;
                }
                std::vector<Example> batch(train.begin() + static_cast<std::ptrdiff_t>(s),
                                           train.begin() + static_cast<std::ptrdiff_t>(std::min(perEpoch, s + bs)));
                const at::Tensor negativeItems = sampleNegatives(batch.size());
                if ((batches & 15) == 0 && batch.size() == bs) {  // full steps only: a short last one draws fewer
                    distinct.assign(negativeItems.data_ptr<std::int64_t>(), negativeItems.data_ptr<std::int64_t>() + negativeItems.numel());
                    std::sort(distinct.begin(), distinct.end());
                    distinctSum += double(std::unique(distinct.begin(), distinct.end()) - distinct.begin());
                    ++distinctSteps;
                }
                at::Tensor l = loss(model, batch, negativeItems);
                optimizer.zero_grad();
                l.backward();
                optimizer.step();
                sum += l.item<double>();
                ++batches;
                if (progress && (batches & 15) == 0)
                    progress((epoch - 1 + double(s) / double(perEpoch)) / c_.maxEpochs,
                             "two-tower epoch " + std::to_string(epoch));
            }
            out.trainLoss.push_back(sum / double(std::max<std::size_t>(1, batches)));
            out.negativesPerStep = distinctSum / double(std::max<std::size_t>(1, distinctSteps));
            double val = std::nan("");
            if (!validation.empty()) {
                model->eval();
                torch::NoGradGuard noGrad;
                double vs = 0;
                std::size_t n = 0;
                for (std::size_t s = 0, b = 0; s < validation.size(); s += bs, ++b) {
                    std::vector<Example> batch(validation.begin() + static_cast<std::ptrdiff_t>(s),
                                               validation.begin() + static_cast<std::ptrdiff_t>(std::min(validation.size(), s + bs)));
                    vs += loss(model, batch, validationNegatives[b]).item<double>() * double(batch.size());
                    n += batch.size();
                }
                val = vs / double(n);
                out.validationLoss.push_back(val);
            }
            out.epochs = epoch;
            bool better = false, clearlyWorse = false;
            if (!cases_.empty()) {
                // The catalogue's item-tower outputs, ranked now and kept if this epoch is the best:
                // they are then the item factors, with no second pass over the catalogue.
                at::Tensor outputs = rowOutputs(model);
                std::vector<double> ndcg = rankingNdcg(model, outputs);
                double mean = 0;
                for (double v : ndcg) mean += v;
                out.validationNdcg.push_back(mean / double(ndcg.size()));
                const RankingVerdict verdict = bestNdcg.empty() ? RankingVerdict::Better : compareRankings(ndcg, bestNdcg);
                better = verdict == RankingVerdict::Better;
                clearlyWorse = verdict == RankingVerdict::ClearlyWorse;
                if (better) bestNdcg = std::move(ndcg), bestOutputs_ = std::move(outputs);
            } else {
                const double criterion = validation.empty() ? out.trainLoss.back() : val;
                better = criterion < bestLoss - 1e-6;
                if (better) bestLoss = criterion;
            }
            if (onEpoch) onEpoch(epoch, out.trainLoss.back(), val, out.validationNdcg.empty() ? std::nan("") : out.validationNdcg.back());
            if (better) {
                out.bestEpoch = epoch;
                sinceBest = 0;
                torch::NoGradGuard noGrad;
                best.clear();
                for (const auto& p : model->parameters()) best.push_back(p.detach().clone());
            } else if (++sinceBest >= c_.patience || clearlyWorse) {
                // A ranking clearly worse than the best one: the towers are drifting away from what
                // ranks well (at 100M events the held-out NDCG fell from 0.0171 to 0.0030 the epoch
                // after the best), and waiting out the patience costs an epoch for nothing.
                break;
            }
        }
        {
            torch::NoGradGuard noGrad;
            auto params = model->parameters();
            for (std::size_t i = 0; i < params.size() && i < best.size(); ++i) params[i].copy_(best[i]);
        }
        factors(model, out);
        return out;
    }

    // The item tower's output for every table row [rows, dim], in chunks of the catalogue.
    at::Tensor rowOutputs(Towers& model) const {
        c10::InferenceMode guard;
        model->eval();
        constexpr std::int64_t kChunk = 32768;
        at::Tensor out = at::empty({rows_, c_.dim}, at::TensorOptions(at::kFloat).device(device_));
        for (std::int64_t s = 0; s < rows_; s += kChunk) {
            const std::int64_t e = std::min<std::int64_t>(rows_, s + kChunk);
            const at::Tensor ids = at::arange(s, e, at::TensorOptions(at::kLong).device(device_));
            out.narrow(0, s, e - s).copy_(model->item(table_.index_select(0, ids), ids, seen_.index_select(0, ids)));
        }
        return out;
    }

    // Item factors (each item its row's output: the best epoch's, kept by the ranking, or computed
    // now from the restored weights) and user factors from every user's whole history.
    void factors(Towers& model, TwoTowerOutcome& out) const {
        c10::InferenceMode guard;
        model->eval();
        out.dim = c_.dim;
        const int users = static_cast<int>(in_.historyOffset.size()) - 1;
        const at::Tensor perRow = (bestOutputs_.defined() ? bestOutputs_ : rowOutputs(model)).to(at::kCPU).contiguous();
        const float* rowData = perRow.data_ptr<float>();
        const auto dim = static_cast<std::size_t>(c_.dim);
        out.itemFactors.resize(static_cast<std::size_t>(in_.items) * dim);
        for (std::int32_t i = 0; i < in_.items; ++i) {
            const float* from = rowData + static_cast<std::size_t>(rowOf(i)) * dim;
            std::copy(from, from + dim, out.itemFactors.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(i) * dim));
        }
        out.userFactors.assign(static_cast<std::size_t>(users) * c_.dim, 0.0f);
        std::vector<std::pair<std::int32_t, std::int64_t>> rows;
        auto flush = [&] {
            if (rows.empty()) return;
            const auto b = static_cast<std::int64_t>(rows.size());
            at::Tensor f = userVectors(model, rows).to(at::kCPU).contiguous();
            for (std::int64_t r = 0; r < b; ++r)
                std::copy(f.data_ptr<float>() + r * c_.dim, f.data_ptr<float>() + (r + 1) * c_.dim,
                          out.userFactors.begin() + static_cast<std::ptrdiff_t>(rows[r].first) * c_.dim);
            rows.clear();
        };
        for (int u = 0; u < users; ++u) {
            const auto len = in_.historyOffset[u + 1] - in_.historyOffset[u];
            if (len == 0) continue;  // no history: zero factors (the engine's fallback serves them)
            rows.emplace_back(u, len);
            if (rows.size() == 1024) flush();
        }
        flush();
    }

private:
    // A seeded sample of at most `rankingCustomers` held-out customers with something left to find.
    // Its own generator: the training draws stay what they are with either stopping rule.
    void rankingCases(std::vector<std::int32_t> heldOut) {
        std::mt19937_64 g(c_.seed ^ 0x5eed0f0a11ed5ULL);
        const auto want = static_cast<std::size_t>(std::max(0, c_.rankingCustomers));
        std::vector<char> inContext(static_cast<std::size_t>(in_.items), 0);
        for (std::size_t i = 0; i < heldOut.size() && cases_.size() < want; ++i) {
            std::swap(heldOut[i], heldOut[i + static_cast<std::size_t>(below(g, static_cast<std::int64_t>(heldOut.size() - i)))]);
            const std::int32_t u = heldOut[i];
            const std::int64_t offset = in_.historyOffset[u], len = in_.historyOffset[u + 1] - offset;
            const std::int64_t cut = std::max<std::int64_t>(1, len * 4 / 5);
            RankingCase c{u, cut, {}};
            for (std::int64_t p = 0; p < cut; ++p) inContext[static_cast<std::size_t>(in_.history[offset + p])] = 1;
            for (std::int64_t p = cut; p < len; ++p) {
                auto& mark = inContext[static_cast<std::size_t>(in_.history[offset + p])];
                if (!mark) c.targets.push_back(in_.history[offset + p]), mark = 2;  // 2: a target already taken
            }
            for (std::int64_t p = 0; p < len; ++p) inContext[static_cast<std::size_t>(in_.history[offset + p])] = 0;
            if (c.targets.empty()) continue;
            c.context.assign(in_.history.begin() + offset, in_.history.begin() + offset + cut);
            std::sort(c.context.begin(), c.context.end());
            c.context.erase(std::unique(c.context.begin(), c.context.end()), c.context.end());
            cases_.push_back(std::move(c));
        }
        // (row, case) of every row whose items all lie in the case's context, by row, so that each chunk
        // of the catalogue masks its own in one pass; the same every epoch. A row with some items left
        // stays, and the expansion into items skips the context ones.
        std::vector<std::int64_t> contextRows;
        for (std::size_t i = 0; i < cases_.size(); ++i) {
            contextRows.clear();
            for (auto item : cases_[i].context) contextRows.push_back(rowOf(item));
            std::sort(contextRows.begin(), contextRows.end());
            for (std::size_t a = 0, b = 0; a < contextRows.size(); a = b) {
                while (b < contextRows.size() && contextRows[b] == contextRows[a]) ++b;
                if (static_cast<std::int64_t>(b - a) == rowSize(contextRows[a])) rankingExcluded_.emplace_back(contextRows[a], static_cast<std::int64_t>(i));
            }
        }
        std::sort(rankingExcluded_.begin(), rankingExcluded_.end());
    }

    std::int64_t rowSize(std::int64_t row) const { return distinct_ ? in_.rowOffsets[row + 1] - in_.rowOffsets[row] : 1; }

    // NDCG@10 of each ranking case over the whole catalogue (the item-tower outputs per row), its
    // context items left out: each chunk of rows' best ten merged into every customer's running ten,
    // then the rows expanded into their items (ascending, the engine's tie rule) until ten are found.
    // Ten rows always suffice: a masked row has no item left, any other row at least one.
    std::vector<double> rankingNdcg(Towers& model, const at::Tensor& outputs) const {
        c10::InferenceMode guard;
        model->eval();
        std::vector<std::pair<std::int32_t, std::int64_t>> rows;
        for (const auto& c : cases_) rows.emplace_back(c.user, c.cut);
        const at::Tensor queries = userVectors(model, rows);  // [R, dim]
        const auto r = static_cast<std::int64_t>(rows.size());
        constexpr std::int64_t kChunk = 32768;
        at::Tensor topScores = at::full({r, kRankingDepth}, -std::numeric_limits<float>::infinity(), at::TensorOptions(at::kFloat).device(device_));
        at::Tensor topRows = at::full({r, kRankingDepth}, -1, at::TensorOptions(at::kLong).device(device_));
        std::size_t next = 0;
        std::vector<std::int64_t> maskRows, maskCols;
        for (std::int64_t s = 0; s < rows_; s += kChunk) {
            const std::int64_t e = std::min<std::int64_t>(rows_, s + kChunk);
            at::Tensor scores = at::mm(queries, outputs.narrow(0, s, e - s).t());  // [R, C]
            maskRows.clear(), maskCols.clear();
            for (; next < rankingExcluded_.size() && rankingExcluded_[next].first < e; ++next)
                maskRows.push_back(rankingExcluded_[next].second), maskCols.push_back(rankingExcluded_[next].first - s);
            if (!maskRows.empty()) {
                const auto n = static_cast<std::int64_t>(maskRows.size());
                const at::Tensor rr = at::from_blob(maskRows.data(), {n}, at::kLong).to(device_);
                const at::Tensor cc = at::from_blob(maskCols.data(), {n}, at::kLong).to(device_);
                scores.index_put_({rr, cc}, -std::numeric_limits<float>::infinity());
            }
            const auto best = at::topk(scores, std::min<std::int64_t>(kRankingDepth, e - s), 1);
            const auto merged = at::topk(at::cat({topScores, std::get<0>(best)}, 1), kRankingDepth, 1);
            topScores = std::get<0>(merged);
            topRows = at::cat({topRows, std::get<1>(best) + s}, 1).gather(1, std::get<1>(merged));
        }
        const at::Tensor found = topRows.to(at::kCPU).contiguous();
        const auto top = found.accessor<std::int64_t, 2>();
        std::vector<double> ndcg(static_cast<std::size_t>(r), 0.0);
        std::vector<std::int32_t> list;
        for (std::int64_t i = 0; i < r; ++i) {
            const auto& c = cases_[static_cast<std::size_t>(i)];
            list.clear();
            for (int k = 0; k < kRankingDepth && static_cast<int>(list.size()) < kRankingDepth; ++k) {
                const std::int64_t row = top[i][k];
                if (row < 0) continue;
                const std::int64_t from = distinct_ ? in_.rowOffsets[row] : 0, to = distinct_ ? in_.rowOffsets[row + 1] : 1;
                for (std::int64_t p = from; p < to && static_cast<int>(list.size()) < kRankingDepth; ++p) {
                    const std::int32_t item = distinct_ ? in_.rowItems[p] : static_cast<std::int32_t>(row);
                    if (!std::binary_search(c.context.begin(), c.context.end(), item)) list.push_back(item);
                }
            }
            double dcg = 0, ideal = 0;
            for (int k = 0; k < kRankingDepth; ++k) {
                if (k < static_cast<int>(list.size()) && std::find(c.targets.begin(), c.targets.end(), list[static_cast<std::size_t>(k)]) != c.targets.end())
                    dcg += 1.0 / std::log2(k + 2.0);
                if (k < static_cast<int>(c.targets.size())) ideal += 1.0 / std::log2(k + 2.0);
            }
            ndcg[static_cast<std::size_t>(i)] = dcg / ideal;
        }
        return ndcg;
    }

    const TwoTowerInput& in_;
    const TwoTowerConfig& c_;
    at::Device device_;
    const bool distinct_;     // the table holds distinct rows; items reach it through in_.itemRow
    const std::int64_t rows_;  // table rows
    at::Tensor table_, seen_;  // rows_ × inputDim; per row, 1 where the id embedding may be used
    at::Tensor rowOfItem_;     // per item, its row (distinct rows only)
    at::Tensor bestOutputs_;   // the item tower's outputs per row at the best epoch so far (ranking keeps them)
    std::vector<RankingCase> cases_;
    std::vector<std::pair<std::int64_t, std::int64_t>> rankingExcluded_;  // (row, case): the case's context holds all the row's items; sorted
};

}  // namespace

TwoTowerOutcome trainTwoTower(const TwoTowerInput& input, const TwoTowerConfig& config, const std::function<bool()>& cancelled,
                              const std::function<void(double, const std::string&)>& progress,
                              const std::function<void(int, double, double, double)>& onEpoch) {
    TwoTowerOutcome failed;
    try {
        const bool cuda = config.device != "cpu" && cudaAvailable();
        if (config.device == "cuda" && !cuda) {
            failed.error = "device 'cuda' requested but this LibTorch build has no usable CUDA device";
            return failed;
        }
        if (config.threads > 0) at::set_num_threads(config.threads);
#if defined(__GLIBC__)
        // A batch's history gather is tens of MiB: above glibc's largest automatic mmap threshold, so
        // every batch would map fresh pages and fault them in (training ran 3.7x slower, mostly in the
        // kernel). Keep such blocks on the heap and reuse them. Process-wide, and harmless elsewhere.
        mallopt(M_MMAP_THRESHOLD, 256 << 20);
        mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
        Trainer trainer(input, config, cuda ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU));
        return trainer.run(cancelled, progress, onEpoch);
    } catch (const std::exception& e) {
        failed.error = e.what();
        return failed;
    }
}

}  // namespace ss::rec::torchkernels
