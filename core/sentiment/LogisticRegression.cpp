#include "LogisticRegression.h"

#include <algorithm>
#include <cmath>

#include "Lbfgs.h"
#include "common/Parallel.h"

namespace ss::sentiment {
namespace {

void softmaxInPlace(float* p, int k) {
    float top = p[0];
    for (int i = 1; i < k; ++i) top = std::max(top, p[i]);
    float sum = 0;
    for (int i = 0; i < k; ++i) sum += (p[i] = std::exp(p[i] - top));
    for (int i = 0; i < k; ++i) p[i] /= sum;
}

}  // namespace

std::vector<double> balancedWeights(const std::vector<int>& labels, int classes) {
    std::vector<double> count(static_cast<std::size_t>(classes), 0.0), weight(static_cast<std::size_t>(classes), 0.0);
    for (int y : labels) count[static_cast<std::size_t>(y)] += 1;
    for (int k = 0; k < classes; ++k)
        if (count[static_cast<std::size_t>(k)] > 0)
            weight[static_cast<std::size_t>(k)] = static_cast<double>(labels.size()) / (classes * count[static_cast<std::size_t>(k)]);
    return weight;
}

LogisticRegression LogisticRegression::fit(const rec::CsrMatrix& x, const std::vector<int>& labels, int classes,
                                           const LogisticOptions& options, const std::function<bool()>& stop) {
    LogisticRegression model;
    model.classes_ = classes;
    model.features_ = static_cast<std::size_t>(x.cols);
    const int outputs = model.outputs();
    const std::size_t f = model.features_;
    const std::size_t parameters = static_cast<std::size_t>(outputs) * (f + 1);  // weights, then intercepts
    const auto classWeight = options.balancedClassWeights ? balancedWeights(labels, classes) : std::vector<double>(static_cast<std::size_t>(classes), 1.0);
    double totalWeight = 0;
    for (int y : labels) totalWeight += classWeight[static_cast<std::size_t>(y)];
    totalWeight = std::max(totalWeight, 1e-12);
    const double l2 = 1.0 / (options.c * totalWeight);
    const std::size_t rows = static_cast<std::size_t>(x.rows);
    const std::size_t workers = workersFor(rows, 4000);
    std::vector<std::vector<double>> partialGradient(workers, std::vector<double>(parameters));
    std::vector<double> partialLoss(workers);

    auto objective = [&](const std::vector<double>& w, std::vector<double>& gradient) {
        forEachShare(rows, workers, [&](std::size_t share, std::size_t from, std::size_t to) {
            auto& g = partialGradient[share];
            std::fill(g.begin(), g.end(), 0.0);
            double loss = 0;
            std::vector<double> z(static_cast<std::size_t>(outputs));
            for (std::size_t r = from; r < to; ++r) {
                const auto idx = x.rowIndices(static_cast<int>(r));
                const auto val = x.rowValues(static_cast<int>(r));
                const int y = labels[r];
                const double s = classWeight[static_cast<std::size_t>(y)];
                for (int k = 0; k < outputs; ++k) {
                    const double* wk = w.data() + static_cast<std::size_t>(k) * f;
                    double sum = w[static_cast<std::size_t>(outputs) * f + static_cast<std::size_t>(k)];
                    for (std::size_t q = 0; q < idx.size(); ++q) sum += wk[idx[q]] * val[q];
                    z[static_cast<std::size_t>(k)] = sum;
                }
                if (outputs == 1) {
                    const double t = y == 1 ? 1.0 : -1.0;
                    const double m = t * z[0];
                    loss += s * (m > 0 ? std::log1p(std::exp(-m)) : -m + std::log1p(std::exp(m)));
                    const double p = 1.0 / (1.0 + std::exp(-z[0]));
                    z[0] = s * (p - (y == 1 ? 1.0 : 0.0));
                } else {
                    double top = *std::max_element(z.begin(), z.end()), sum = 0;
                    for (auto& v : z) sum += std::exp(v - top);
                    const double logSum = top + std::log(sum);
                    loss += s * (logSum - z[static_cast<std::size_t>(y)]);
                    for (int k = 0; k < outputs; ++k)
                        z[static_cast<std::size_t>(k)] = s * (std::exp(z[static_cast<std::size_t>(k)] - logSum) - (k == y ? 1.0 : 0.0));
                }
                for (int k = 0; k < outputs; ++k) {
                    const double d = z[static_cast<std::size_t>(k)];
                    double* gk = g.data() + static_cast<std::size_t>(k) * f;
                    for (std::size_t q = 0; q < idx.size(); ++q) gk[idx[q]] += d * val[q];
                    g[static_cast<std::size_t>(outputs) * f + static_cast<std::size_t>(k)] += d;
                }
            }
            partialLoss[share] = loss;
        });
        double loss = 0;
        std::fill(gradient.begin(), gradient.end(), 0.0);
        for (std::size_t s = 0; s < workers; ++s) {
            loss += partialLoss[s];
            for (std::size_t i = 0; i < parameters; ++i) gradient[i] += partialGradient[s][i];
        }
        loss /= totalWeight;
        for (auto& v : gradient) v /= totalWeight;
        const std::size_t penalised = static_cast<std::size_t>(outputs) * f;
        double norm = 0;
        for (std::size_t i = 0; i < penalised; ++i) {
            norm += w[i] * w[i];
            gradient[i] += l2 * w[i];
        }
        return loss + 0.5 * l2 * norm;
    };
    std::vector<double> w(parameters, 0.0);
    LbfgsOptions lbfgs;
    lbfgs.maxIterations = options.maxIterations;
    lbfgs.gradientTolerance = 1e-6;
    const auto result = minimizeLbfgs(w, objective, lbfgs, stop);
    model.iterations_ = result.iterations;
    model.weights_.assign(w.begin(), w.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(outputs) * f));
    model.bias_.assign(w.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(outputs) * f), w.end());
    return model;
}

void LogisticRegression::predict(std::span<const std::int32_t> indices, std::span<const float> values, float* out) const {
    const int k = outputs();
    for (int o = 0; o < k; ++o) {
        const float* wo = weights_.data() + static_cast<std::size_t>(o) * features_;
        float sum = bias_[static_cast<std::size_t>(o)];
        for (std::size_t q = 0; q < indices.size(); ++q)
            if (static_cast<std::size_t>(indices[q]) < features_) sum += wo[indices[q]] * values[q];
        out[o] = sum;
    }
    if (k == 1) {
        const float p = 1.0f / (1.0f + std::exp(-out[0]));
        out[0] = 1.0f - p;
        out[1] = p;
    } else {
        softmaxInPlace(out, k);
    }
}

std::vector<float> LogisticRegression::predict(const rec::CsrMatrix& x) const {
    std::vector<float> out(static_cast<std::size_t>(x.rows) * static_cast<std::size_t>(classes_));
    for (int r = 0; r < x.rows; ++r)
        predict(x.rowIndices(r), x.rowValues(r), out.data() + static_cast<std::size_t>(r) * static_cast<std::size_t>(classes_));
    return out;
}

float LogisticRegression::weight(int k, std::size_t j) const {
    if (classes_ == 2) return (k == 1 ? 1.0f : -1.0f) * weights_[j];
    return weights_[static_cast<std::size_t>(k) * features_ + j];
}

void LogisticRegression::write(rec::ModelState& state) const {
    rec::DenseMatrix shape(1, 2);
    shape.data = {static_cast<float>(classes_), static_cast<float>(features_)};
    state.write(shape);
    state.write(weights_);
    state.write(bias_);
}

bool LogisticRegression::read(rec::ModelState& state) {
    rec::DenseMatrix shape;
    std::vector<float> weights, bias;
    if (!state.read(shape) || shape.data.size() != 2 || !state.read(weights) || !state.read(bias)) return false;
    const int classes = static_cast<int>(shape.data[0]);
    const auto features = static_cast<std::size_t>(shape.data[1]);
    const std::size_t outputs = classes == 2 ? 1 : static_cast<std::size_t>(classes);
    if (classes < 2 || weights.size() != outputs * features || bias.size() != outputs) return false;
    classes_ = classes;
    features_ = features;
    weights_ = std::move(weights);
    bias_ = std::move(bias);
    return true;
}

}  // namespace ss::sentiment
