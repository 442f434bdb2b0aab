// TorchEncoder's fine-tuning half: trains the top layers with a head (FineTuning.h) and loads tuned
// layers back. The frozen bottom runs once per text under NoGrad and its outputs are kept for every
// epoch; only the top layers and the head see autograd.
#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <numeric>
#include <random>

#include <torch/nn/functional/loss.h>
#include <torch/nn/utils/clip_grad.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>

#include "model/bert/SentencePooling.h"
#include "model/bert/TorchEncoder.h"
#include "model/bert/TorchEncoderImpl.h"

namespace ss {
namespace {

// One padded batch with the frozen layers already applied.
struct FrozenBatch {
    at::Tensor hidden;  // [batch * length, hidden]: the first trained layer's input
    at::Tensor mask;    // additive [batch, 1, 1, length]
    at::Tensor keep;    // [batch, length], 1 for real tokens
    at::Tensor labels;  // [batch] int64
    std::int64_t batch = 0, length = 0, tokens = 0;
};

// The state format of tuned layers: "SSFT", version, count, then per tensor its name, shape and
// little-endian float32 values. Written and read here only.
constexpr char kMagic[4] = {'S', 'S', 'F', 'T'};
constexpr std::uint32_t kVersion = 1;

void put(std::vector<std::byte>& out, const void* data, std::size_t size) {
    const auto* bytes = static_cast<const std::byte*>(data);
    out.insert(out.end(), bytes, bytes + size);
}

class Reader {
public:
    explicit Reader(const std::vector<std::byte>& bytes) : bytes_(bytes) {}
    bool read(void* target, std::size_t size) {
        if (size > bytes_.size() - offset_) return false;
        std::memcpy(target, bytes_.data() + offset_, size);
        offset_ += size;
        return true;
    }
    bool atEnd() const { return offset_ == bytes_.size(); }

private:
    const std::vector<std::byte>& bytes_;
    std::size_t offset_ = 0;
};

std::vector<FrozenBatch> frozenBatches(TorchEncoder::Impl& impl, const std::vector<std::vector<std::int32_t>>& ids,
                                       const std::vector<int>& labels, std::size_t firstTrained, int batchSize) {
    std::vector<std::size_t> order(ids.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    // Similar lengths share a batch, so padding (wasted work in every epoch) stays small.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ids[a].size() > ids[b].size(); });
    std::vector<FrozenBatch> out;
    at::NoGradGuard noGrad;
    for (std::size_t start = 0; start < order.size(); start += std::size_t(batchSize)) {
        const std::size_t end = std::min(order.size(), start + std::size_t(batchSize));
        const std::vector<std::size_t> rows(order.begin() + std::ptrdiff_t(start), order.begin() + std::ptrdiff_t(end));
        const PaddedBatch padded = padBatch(impl, ids, rows);
        FrozenBatch b;
        b.batch = padded.batch;
        b.length = padded.length;
        b.keep = padded.keep;
        b.mask = padded.mask;
        at::Tensor y = at::empty({b.batch}, at::kLong);
        for (std::int64_t r = 0; r < b.batch; ++r) {
            y[r] = std::int64_t(labels[rows[std::size_t(r)]]);
            b.tokens += std::int64_t(ids[rows[std::size_t(r)]].size());
        }
        b.labels = y.to(impl.device);
        const at::Tensor embedded = impl.model->embeddings->forward(padded.ids);
        b.hidden = impl.model->encoder->forwardLayers(embedded, b.mask, b.batch, b.length, 0, firstTrained).contiguous();
        out.push_back(std::move(b));
    }
    return out;
}

}  // namespace

Result<FineTuneResult> TorchEncoder::fineTune(const FineTuneData& data, const FineTuneSettings& settings, const FineTuneProgress& progress) {
    Impl& impl = *impl_;
    auto& layers = impl.model->encoder->layers();
    const std::int64_t hidden = impl.config.hiddenSize;
    if (impl.dtype != at::kFloat || impl.fastGemm != FastGemm::Kind::None)
        return makeError(ErrorCode::Unsupported, "fine-tuning runs in fp32; load the encoder with precision fp32");
    if (settings.layers < 1 || std::size_t(settings.layers) > layers.size())
        return makeError(ErrorCode::Usage, "layers to fine-tune must be 1 to " + std::to_string(layers.size()) + ", not " +
                                               std::to_string(settings.layers), "layers");
    if (settings.batchSize < 1 || settings.maxEpochs < 1) return makeError(ErrorCode::Usage, "batch size and epochs must be at least 1");
    if (data.classes < 2 || data.classWeights.size() != std::size_t(data.classes) ||
        data.headWeights.size() != std::size_t(data.classes * hidden) || data.headBias.size() != std::size_t(data.classes))
        return makeError(ErrorCode::Usage, "the starting head must have classes x " + std::to_string(hidden) + " weights and one bias per class");
    if (data.trainIds.empty() || data.validationIds.empty() || data.trainIds.size() != data.trainLabels.size() ||
        data.validationIds.size() != data.validationLabels.size())
        return makeError(ErrorCode::Usage, "fine-tuning needs labelled training and validation texts");
    for (const auto* labels : {&data.trainLabels, &data.validationLabels})
        for (int y : *labels)
            if (y < 0 || y >= data.classes) return makeError(ErrorCode::Usage, "a label is outside 0.." + std::to_string(data.classes - 1));

    // Training changes the weights under CpuLinear's packed copies: ATen's products until the end,
    // then copies of the weights as they are left (restored to where they began).
    impl.model->useCpuLinear(false);
    struct Repack {
        Impl& impl;
        ~Repack() {
            if (impl.cpuLinear) impl.model->useCpuLinear(true);
        }
    } repack{impl};

    const std::size_t firstTrained = layers.size() - std::size_t(settings.layers);
    // What training changes: the top layers' parameters (Q/K/V through their packed tensors, which
    // forward() reads) and the head. Kept aside so the encoder ends as it began.
    std::vector<at::Tensor> trained;
    for (std::size_t l = firstTrained; l < layers.size(); ++l) {
        trained.push_back(layers[l]->attention->self->packedWeight());
        trained.push_back(layers[l]->attention->self->packedBias());
        for (const auto& item : layers[l]->named_parameters(/*recurse=*/true))
            if (item.key().rfind("attention.self.", 0) != 0) trained.push_back(item.value());
    }
    std::vector<at::Tensor> original;
    for (const auto& t : trained) original.push_back(t.detach().clone());
    auto restore = [&] {
        at::NoGradGuard noGrad;
        for (std::size_t i = 0; i < trained.size(); ++i) {
            trained[i].copy_(original[i]);
            trained[i].mutable_grad() = at::Tensor();
        }
        for (std::size_t l = firstTrained; l < layers.size(); ++l) {
            layers[l]->attention->self->packedWeight().requires_grad_(false);
            layers[l]->attention->self->packedBias().requires_grad_(false);
        }
    };

    try {
        torch::manual_seed(settings.seed);
        at::Tensor headW = at::from_blob(const_cast<float*>(data.headWeights.data()), {data.classes, hidden}, at::kFloat).clone().to(impl.device);
        at::Tensor headB = at::from_blob(const_cast<float*>(data.headBias.data()), {data.classes}, at::kFloat).clone().to(impl.device);
        headW.requires_grad_(true);
        headB.requires_grad_(true);
        std::vector<float> weights(data.classWeights.begin(), data.classWeights.end());
        const at::Tensor classWeights = at::from_blob(weights.data(), {data.classes}, at::kFloat).clone().to(impl.device);

        auto trainBatches = frozenBatches(impl, data.trainIds, data.trainLabels, firstTrained, settings.batchSize);
        const auto validationBatches = frozenBatches(impl, data.validationIds, data.validationLabels, firstTrained, settings.batchSize);
        FineTuneResult result;
        for (const auto& b : trainBatches) result.trainTokens += b.tokens;

        auto logits = [&](const FrozenBatch& b) {
            const at::Tensor top = impl.model->encoder->forwardLayers(b.hidden, b.mask, b.batch, b.length, firstTrained, layers.size());
            const at::Tensor pooled = SentencePooling::pool(top.view({b.batch, b.length, hidden}), b.keep, impl.config.pooling, impl.config.normalize);
            return at::addmm(headB, pooled, headW.t());
        };
        auto validationLoss = [&] {
            at::NoGradGuard noGrad;
            double loss = 0, weight = 0;
            for (const auto& b : validationBatches) {
                loss += torch::nn::functional::cross_entropy(
                            logits(b), b.labels, torch::nn::functional::CrossEntropyFuncOptions().weight(classWeights).reduction(torch::kSum))
                            .item<double>();
                weight += classWeights.index_select(0, b.labels).sum().item<double>();
            }
            return loss / std::max(weight, 1e-12);
        };

        for (auto& t : trained) t.requires_grad_(true);
        std::vector<at::Tensor> best;
        auto keepBest = [&] {
            best.clear();
            for (const auto& t : trained) best.push_back(t.detach().clone());
            best.push_back(headW.detach().clone());
            best.push_back(headB.detach().clone());
        };
        result.startValidationLoss = result.bestValidationLoss = validationLoss();
        keepBest();

        std::vector<torch::optim::OptimizerParamGroup> groups;
        groups.emplace_back(trained, std::make_unique<torch::optim::AdamWOptions>(
                                         torch::optim::AdamWOptions(settings.learningRate).weight_decay(settings.weightDecay)));
        groups.emplace_back(std::vector<at::Tensor>{headW, headB},
                            std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(settings.headLearningRate).weight_decay(0.0)));
        torch::optim::AdamW optimizer(std::move(groups), torch::optim::AdamWOptions(settings.learningRate));
        std::vector<at::Tensor> all = trained;
        all.push_back(headW);
        all.push_back(headB);

        std::mt19937_64 shuffle(settings.seed);
        std::vector<std::size_t> order(trainBatches.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        int sinceBest = 0;
        const int steps = int(order.size());
        for (int epoch = 1; epoch <= settings.maxEpochs; ++epoch) {
            std::shuffle(order.begin(), order.end(), shuffle);
            double running = 0;
            for (int step = 0; step < steps; ++step) {
                const FrozenBatch& b = trainBatches[order[std::size_t(step)]];
                const at::Tensor loss = torch::nn::functional::cross_entropy(
                    logits(b), b.labels, torch::nn::functional::CrossEntropyFuncOptions().weight(classWeights));
                optimizer.zero_grad();
                loss.backward();
                torch::nn::utils::clip_grad_norm_(all, 1.0);
                optimizer.step();
                const double value = loss.item<double>();
                running = step == 0 ? value : 0.9 * running + 0.1 * value;
                if (progress && !progress(epoch, step + 1, steps, running)) {
                    restore();
                    return makeError(ErrorCode::Cancelled, "fine-tuning cancelled");
                }
            }
            result.epochs = epoch;
            const double loss = validationLoss();
            result.validationLosses.push_back(loss);
            if (loss < result.bestValidationLoss) {
                result.bestValidationLoss = loss;
                result.bestEpoch = epoch;
                sinceBest = 0;
                keepBest();
            } else if (++sinceBest >= settings.patience) {
                break;
            }
        }

        // The best state into the parameters, written out by name, then the original weights back.
        {
            at::NoGradGuard noGrad;
            for (std::size_t i = 0; i < trained.size(); ++i) trained[i].copy_(best[i]);
        }
        std::vector<std::pair<std::string, at::Tensor>> named;
        for (std::size_t l = firstTrained; l < layers.size(); ++l)
            for (const auto& item : layers[l]->named_parameters(/*recurse=*/true))
                named.emplace_back("encoder.layer." + std::to_string(l) + "." + item.key(), item.value().detach().to(at::kCPU).contiguous());
        put(result.tunedLayers, kMagic, sizeof kMagic);
        const std::uint32_t count = std::uint32_t(named.size());
        put(result.tunedLayers, &kVersion, sizeof kVersion);
        put(result.tunedLayers, &count, sizeof count);
        for (const auto& [name, tensor] : named) {
            const std::uint32_t nameSize = std::uint32_t(name.size()), dims = std::uint32_t(tensor.dim());
            put(result.tunedLayers, &nameSize, sizeof nameSize);
            put(result.tunedLayers, name.data(), name.size());
            put(result.tunedLayers, &dims, sizeof dims);
            for (std::int64_t d : tensor.sizes()) put(result.tunedLayers, &d, sizeof d);
            put(result.tunedLayers, tensor.data_ptr<float>(), std::size_t(tensor.numel()) * sizeof(float));
        }
        const at::Tensor bestHeadW = best[trained.size()].to(at::kCPU).contiguous();
        const at::Tensor bestHeadB = best[trained.size() + 1].to(at::kCPU).contiguous();
        result.headWeights.assign(bestHeadW.data_ptr<float>(), bestHeadW.data_ptr<float>() + bestHeadW.numel());
        result.headBias.assign(bestHeadB.data_ptr<float>(), bestHeadB.data_ptr<float>() + bestHeadB.numel());
        restore();
        return result;
    } catch (const std::exception& e) {
        restore();
        return makeError(ErrorCode::Internal, std::string("LibTorch failed while fine-tuning: ") + e.what(), impl.deviceName);
    }
}

Status TorchEncoder::applyTunedLayers(const std::vector<std::byte>& tunedLayers) {
    Reader in(tunedLayers);
    char magic[4];
    std::uint32_t version = 0, count = 0;
    const auto damaged = [](const std::string& why) {
        return makeError(ErrorCode::InputData, "the fine-tuned encoder layers are damaged: " + why);
    };
    if (!in.read(magic, sizeof magic) || std::memcmp(magic, kMagic, sizeof magic) != 0) return damaged("not a ShelfSense layer state");
    if (!in.read(&version, sizeof version) || version != kVersion) return damaged("unknown version " + std::to_string(version));
    if (!in.read(&count, sizeof count)) return damaged("cut short");
    std::map<std::string, at::Tensor> parameters;
    for (const auto& item : impl_->model->named_parameters(/*recurse=*/true)) parameters.emplace(item.key(), item.value());
    if (count == 0 || count > parameters.size()) return damaged(std::to_string(count) + " tensors");
    // Read and check everything first; copy only when all of it fits.
    std::vector<std::pair<at::Tensor, at::Tensor>> copies;
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t nameSize = 0, dims = 0;
        if (!in.read(&nameSize, sizeof nameSize) || nameSize > 512) return damaged("bad name length");
        std::string name(nameSize, '\0');
        if (!in.read(name.data(), nameSize)) return damaged("cut short");
        auto it = parameters.find(name);
        if (it == parameters.end()) return damaged("'" + name + "' is not a parameter of this model");
        if (!in.read(&dims, sizeof dims) || dims != std::uint32_t(it->second.dim())) return damaged("'" + name + "' has the wrong shape");
        std::vector<std::int64_t> shape(dims);
        for (auto& d : shape)
            if (!in.read(&d, sizeof d)) return damaged("cut short");
        if (at::IntArrayRef(shape) != it->second.sizes()) return damaged("'" + name + "' has the wrong shape");
        at::Tensor values = at::empty(shape, at::kFloat);
        if (!in.read(values.data_ptr<float>(), std::size_t(values.numel()) * sizeof(float))) return damaged("cut short");
        copies.emplace_back(it->second, std::move(values));
    }
    if (!in.atEnd()) return damaged("trailing bytes");
    try {
        at::NoGradGuard noGrad;
        // Q/K/V parameters are views into the packed tensors forward() reads, so copying into them is enough.
        for (auto& [target, values] : copies) target.copy_(values);
        // The packed copies follow the new weights.
        if (impl_->fastGemm != FastGemm::Kind::None) impl_->model->useFastGemm(impl_->fastGemm);
        if (impl_->cpuLinear) impl_->model->useCpuLinear(true);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("LibTorch failed while loading fine-tuned layers: ") + e.what());
    }
    return {};
}

}  // namespace ss
