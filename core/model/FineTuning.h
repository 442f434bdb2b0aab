// FineTuning: the plain types for fine-tuning the sentence encoder together with a classification
// head — what to train on, how, and what comes back. The top `layers` transformer layers and the head
// (on the model's own pooled sentence vector) are trained with class-weighted cross entropy and AdamW;
// the layers below stay frozen, so their outputs are computed once and reused every epoch, and only
// the trained layers need storing. The head starts from the given weights (a logistic regression on
// the frozen vectors: "linear probe, then fine-tune"), so training begins from the frozen model's
// answer and early stopping on the validation loss can only keep something at least as good there.
// Torch-free, C++17-clean. Plain values: any thread.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace ss {

struct FineTuneSettings {
    int layers = 2;              // top transformer layers trained (1..the model's layers); the rest stay frozen
    int maxEpochs = 4;
    int patience = 2;            // epochs without a better validation loss before stopping
    int batchSize = 16;
    double learningRate = 5e-5;  // the encoder layers
    double headLearningRate = 5e-5;
    double weightDecay = 0.01;
    std::size_t maxTokens = 128;  // texts are cut to this many word pieces ([CLS] and [SEP] included)
    std::uint64_t seed = 42;
};

struct FineTuneData {
    std::vector<std::vector<std::int32_t>> trainIds, validationIds;  // tokenised, [CLS] ... [SEP]
    std::vector<int> trainLabels, validationLabels;                  // class indices
    int classes = 2;
    std::vector<double> classWeights;  // one per class
    // The head to start from: classes × hidden weights (row-major) and classes biases.
    std::vector<float> headWeights, headBias;
};

struct FineTuneResult {
    std::vector<std::byte> tunedLayers;        // the trained layers' parameters (SentenceEncoder::applyTunedLayers)
    std::vector<float> headWeights, headBias;  // the trained head, same shapes as given
    int epochs = 0, bestEpoch = 0;              // bestEpoch 0: no epoch beat the starting point
    double startValidationLoss = 0, bestValidationLoss = 0;
    std::vector<double> validationLosses;       // after each epoch
    std::int64_t trainTokens = 0;               // word pieces per epoch (after cutting)
};

// Called after every optimisation step and epoch: epoch (1-based), step within the epoch, steps per
// epoch, the running training loss; returns false to cancel.
using FineTuneProgress = std::function<bool(int epoch, int step, int steps, double trainLoss)>;

}  // namespace ss
