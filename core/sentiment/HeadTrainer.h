// HeadTrainer: trains a classifier head on frozen encoder vectors with LibTorch — class-weighted
// cross entropy, Adam with weight decay, mini-batches in a seeded order, early stopping on the
// validation loss (the best epoch's weights are kept). Torch-free, C++17-clean header (the LibTorch
// 1.x side compiles as C++17); the implementation is the only file here that includes LibTorch.
// Runs on the calling (worker) thread.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace ss::sentiment {

struct HeadTraining {
    int hiddenSize = 0;  // 0: logistic regression; > 0: MLP with one hidden layer
    int maxEpochs = 100;
    int patience = 8;    // epochs without a better validation loss before stopping
    int batchSize = 256;
    double learningRate = 3e-3;
    double weightDecay = 1e-4;
    double dropout = 0.1;
    std::uint64_t seed = 42;
};

struct HeadTrainingReport {
    int epochs = 0, bestEpoch = 0;
    double bestValidationLoss = 0;
    bool cancelled = false;
};

// Row-major float rows and their class indices.
struct LabelledRows {
    const float* values = nullptr;
    int rows = 0, dim = 0;
    const std::vector<int>* labels = nullptr;
};

// Trained weights, row-major: hidden (hiddenSize × dim, empty without a hidden layer), output
// (classes × (hiddenSize or dim)).
struct HeadWeights {
    int hiddenSize = 0, dim = 0, classes = 0;
    std::vector<float> hidden, hiddenBias, output, outputBias;
};

// Whether this build can train heads (it was built with LibTorch).
bool headTrainingAvailable();

// onEpoch(epoch, trainLoss, validationLoss) returns false to cancel (the best weights so far are returned).
HeadWeights trainHead(const LabelledRows& train, const LabelledRows& validation, int classes, const std::vector<double>& classWeights,
                      const HeadTraining& options, HeadTrainingReport& report,
                      const std::function<bool(int, double, double)>& onEpoch = {});

}  // namespace ss::sentiment
