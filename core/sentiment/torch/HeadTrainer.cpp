#include "sentiment/HeadTrainer.h"

#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/loss.h>
#include <torch/nn/modules/linear.h>
#include <torch/optim/adam.h>
#include <torch/types.h>
#include <torch/utils.h>

#include <cstring>

#include <limits>

namespace ss::sentiment {
namespace {

torch::Tensor tensorOf(const LabelledRows& rows) {
    return torch::from_blob(const_cast<float*>(rows.values), {rows.rows, rows.dim}, torch::kFloat32).clone();
}

torch::Tensor labelsOf(const LabelledRows& rows) {
    return torch::tensor(std::vector<std::int64_t>(rows.labels->begin(), rows.labels->end()), torch::kInt64);
}

std::vector<float> valuesOf(const torch::Tensor& t) {
    auto c = t.detach().to(torch::kCPU).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

}  // namespace

bool headTrainingAvailable() { return true; }

HeadWeights trainHead(const LabelledRows& train, const LabelledRows& validation, int classes, const std::vector<double>& classWeights,
                      const HeadTraining& options, HeadTrainingReport& report, const std::function<bool(int, double, double)>& onEpoch) {
    torch::manual_seed(options.seed);
    const int dim = train.dim;
    const auto xs = tensorOf(train);
    const auto ys = labelsOf(train);
    const auto vx = tensorOf(validation);
    const auto vy = labelsOf(validation);
    const std::vector<float> weights(classWeights.begin(), classWeights.end());
    const auto classWeight = torch::tensor(weights, torch::kFloat32);

    torch::nn::Linear hidden{nullptr};
    torch::nn::Linear output{nullptr};
    std::vector<torch::Tensor> parameters;
    if (options.hiddenSize > 0) {
        hidden = torch::nn::Linear(dim, options.hiddenSize);
        output = torch::nn::Linear(options.hiddenSize, classes);
        for (auto& p : hidden->parameters()) parameters.push_back(p);
    } else {
        output = torch::nn::Linear(dim, classes);
    }
    for (auto& p : output->parameters()) parameters.push_back(p);  // weight, then bias
    torch::optim::Adam optimizer(parameters, torch::optim::AdamOptions(options.learningRate).weight_decay(options.weightDecay));
    auto forward = [&](const torch::Tensor& in, bool training) {
        torch::Tensor h = in;
        if (hidden) {
            h = torch::relu(hidden->forward(h));
            if (training && options.dropout > 0) h = torch::dropout(h, options.dropout, true);
        }
        return output->forward(h);
    };
    const auto lossOptions = torch::nn::functional::CrossEntropyFuncOptions().weight(classWeight);
    auto snapshot = [&] {
        std::vector<torch::Tensor> s;
        for (auto& p : parameters) s.push_back(p.detach().clone());
        return s;
    };
    std::vector<torch::Tensor> best = snapshot();
    double bestLoss = std::numeric_limits<double>::infinity();
    int sinceBest = 0;
    const std::int64_t n = train.rows;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(options.seed);
    for (int epoch = 1; epoch <= options.maxEpochs; ++epoch) {
        const auto order = torch::randperm(n, generator, torch::TensorOptions().dtype(torch::kInt64));
        double trainLoss = 0;
        for (std::int64_t start = 0; start < n; start += options.batchSize) {
            const auto index = order.slice(0, start, std::min<std::int64_t>(n, start + options.batchSize));
            auto loss = torch::nn::functional::cross_entropy(forward(xs.index_select(0, index), true), ys.index_select(0, index), lossOptions);
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
            trainLoss += loss.item<double>() * static_cast<double>(index.size(0));
        }
        trainLoss /= static_cast<double>(std::max<std::int64_t>(1, n));
        double validationLoss = 0;
        {
            torch::NoGradGuard noGrad;
            validationLoss = torch::nn::functional::cross_entropy(forward(vx, false), vy, lossOptions).item<double>();
        }
        report.epochs = epoch;
        if (validationLoss < bestLoss - 1e-6) {
            bestLoss = validationLoss;
            best = snapshot();
            report.bestEpoch = epoch;
            sinceBest = 0;
        } else if (++sinceBest >= options.patience) {
            break;
        }
        if (onEpoch && !onEpoch(epoch, trainLoss, validationLoss)) {
            report.cancelled = true;
            break;
        }
    }
    report.bestValidationLoss = bestLoss;
    HeadWeights out;
    out.hiddenSize = options.hiddenSize;
    out.dim = dim;
    out.classes = classes;
    std::size_t k = 0;
    if (hidden) {
        out.hidden = valuesOf(best[k++]);
        out.hiddenBias = valuesOf(best[k++]);
    }
    out.output = valuesOf(best[k++]);
    out.outputBias = valuesOf(best[k++]);
    return out;
}

}  // namespace ss::sentiment
