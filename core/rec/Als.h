// AlsRecommender: implicit-feedback matrix factorisation (Hu, Koren & Volinsky 2008). Observed pairs get
// preference 1 and confidence c = 1 + α·w (w: the summed behaviour weight), every other pair preference 0
// and confidence 1; alternating least squares minimises
//     Σ_{u,i} c_ui (p_ui − x_u·y_i)² + λ (Σ‖x_u‖² + Σ‖y_i‖²).
// Each half-step solves every row's f×f normal equations either by a few conjugate-gradient steps warm
// started from the previous factors — the solver of the `implicit` library (Takács et al. 2011) — or
// exactly (Cholesky). Rows are independent, so threads do not change the result. On a GPU the same CG
// update runs batched over all rows in LibTorch tensors (AlsTensorSolver).
// Explanations follow Hu et al. §5: score(u,j) = Σ_i c_ui · y_jᵀ W_u⁻¹ y_i with W_u = YᵀC_uY + λI.
#pragma once

#include <string>
#include <vector>

#include "rec/Dense.h"
#include "rec/Recommender.h"

namespace ss::rec {

struct AlsOptions {
    int factors = 64;
    double regularization = 0.01;
    double alpha = 1.0;           // confidence = 1 + alpha · weight
    int iterations = 15;
    int cgSteps = 3;
    bool conjugateGradient = true;  // false: exact Cholesky solves
    bool computeLoss = false;       // loss after every iteration (one extra pass)
    // "auto": the LibTorch tensor solver on CUDA when present, else the native per-row solver on the
    // CPU threads; "cpu"; "cuda" (fails without one). The tensor solver is CG only.
    std::string device = "auto";
    bool tensorsOnCpu = false;      // run the tensor solver on the CPU (tests, benchmarks)
};

class AlsRecommender final : public Recommender {
public:
    explicit AlsRecommender(AlsOptions options = {}) : options_(options) {}
    std::string name() const override { return "als"; }
    boost::json::object parameters() const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    const DenseMatrix* denseItems() const override { return &y_; }
    void denseQueries(std::span<const std::int32_t> users, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    TrainingReport trainingReport() const override;
    std::string stateTag() const override { return "als/1"; }
    std::vector<std::byte> saveState() const override;
    bool restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> state) override;

    const DenseMatrix& userFactors() const { return x_; }
    const DenseMatrix& itemFactors() const { return y_; }
    const std::vector<double>& lossCurve() const { return loss_; }
    const std::vector<double>& secondsPerIteration() const { return iterationSeconds_; }

    // One half-step: every row r of `x` solved against fixed `y` with the confidences in row r of `c`
    // (values are confidences c > 0; preference 1 for every stored entry).
    static void solve(const CsrMatrix& c, const DenseMatrix& y, DenseMatrix& x, double regularization, int cgSteps,
                      bool conjugateGradient, int threads);
    // The objective above (confidences in `c`, users × items).
    static double loss(const CsrMatrix& c, const DenseMatrix& x, const DenseMatrix& y, double regularization);
    // Random initial factors as `implicit` draws them: uniform [0, 0.01).
    static DenseMatrix initialFactors(int rows, int factors, std::uint64_t seed);
    // YᵀY (f×f, row-major), without the regularisation.
    static std::vector<float> gramian(const DenseMatrix& y);
    // Hu et al.'s explanation of a user's score for `item` when the user's factors solve the
    // least-squares problem against `y` with the confidences `conf` of the history items `history`
    // and the penalty `regularization`: the n history items with the largest c_ui · y_jᵀ W_u⁻¹ y_i,
    // which sum to the score. `yty` is gramian(y).
    static std::vector<Contribution> explainByHistory(const DenseMatrix& y, const std::vector<float>& yty,
                                                      std::span<const std::int32_t> history, std::span<const float> conf,
                                                      std::int32_t item, double regularization, std::size_t n);

private:
    Status fitTensors(const CsrMatrix& itemUsers, const std::string& device, const JobContext& job);

    AlsOptions options_;
    DenseMatrix x_, y_;
    CsrMatrix confidence_;  // users × items
    std::vector<float> yty_;  // gramian(y_), for explanations
    std::vector<double> loss_, iterationSeconds_;
    std::string ranOn_ = "cpu";  // "cpu" (native solver) or the tensor solver's device
};

}  // namespace ss::rec
