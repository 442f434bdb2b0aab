// LogisticRegression: L2-regularised logistic regression on sparse rows (TF-IDF), fitted with
// L-BFGS to the same objective as scikit-learn's LogisticRegression(C, solver="lbfgs"): one weight
// vector with a sigmoid for two classes, a softmax for more, intercepts not penalised, optional
// "balanced" class weights n / (classes · n_class). Fit on one thread (it uses helper threads);
// prediction is const and thread-safe.
#pragma once

#include <functional>
#include <span>
#include <vector>

#include "rec/Interactions.h"
#include "rec/ModelState.h"

namespace ss::sentiment {

struct LogisticOptions {
    double c = 1.0;
    bool balancedClassWeights = true;
    int maxIterations = 300;
};

class LogisticRegression {
public:
    static LogisticRegression fit(const rec::CsrMatrix& x, const std::vector<int>& labels, int classes,
                                  const LogisticOptions& options = {}, const std::function<bool()>& stop = {});

    int classes() const { return classes_; }
    int iterations() const { return iterations_; }
    // Class probabilities of one row (`out` holds classes() values).
    void predict(std::span<const std::int32_t> indices, std::span<const float> values, float* out) const;
    std::vector<float> predict(const rec::CsrMatrix& x) const;  // rows × classes
    // Weight of feature `j` towards class `k` (for two classes, class 1's weight; class 0's is its negative).
    float weight(int k, std::size_t j) const;

    void write(rec::ModelState& state) const;
    bool read(rec::ModelState& state);

private:
    int outputs() const { return classes_ == 2 ? 1 : classes_; }
    int classes_ = 2, iterations_ = 0;
    std::size_t features_ = 0;
    std::vector<float> weights_;  // outputs × features
    std::vector<float> bias_;     // outputs
};

// Class weights "balanced" as scikit-learn defines them (n / (classes · count)); 0 for an absent class.
std::vector<double> balancedWeights(const std::vector<int>& labels, int classes);

}  // namespace ss::sentiment
