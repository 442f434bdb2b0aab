// VectorHead: a small classifier on frozen encoder vectors — logistic regression (no hidden layer)
// or an MLP (one ReLU hidden layer) — as trained weights, with prediction in plain C++ so serving
// needs no LibTorch. Training lives in HeadTrainer (LibTorch). Plain value; predict() is const and
// thread-safe.
#pragma once

#include <vector>

#include "rec/Dense.h"
#include "sentiment/HeadTrainer.h"
#include "rec/ModelState.h"

namespace ss::sentiment {

struct VectorHead {
    rec::DenseMatrix hidden;       // hiddenSize × dim (empty for logistic regression)
    std::vector<float> hiddenBias;
    rec::DenseMatrix output;       // classes × (hiddenSize or dim)
    std::vector<float> outputBias;

    static VectorHead from(const HeadWeights& weights);

    int classes() const { return output.rows; }
    int inputSize() const { return hidden.empty() ? output.cols : hidden.cols; }
    // Class probabilities, rows × classes.
    std::vector<float> predict(const rec::DenseMatrix& x) const;

    void write(rec::ModelState& state) const;
    bool read(rec::ModelState& state);
};

}  // namespace ss::sentiment
