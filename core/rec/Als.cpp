#include "rec/Als.h"

#include "common/JobStages.h"
#include "common/TargetClones.h"
#include "rec/ModelState.h"
#include "rec/RowKernels.h"
#include "rec/TrainingDevice.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <random>
#include <thread>

#ifdef SS_REC_WITH_TORCH
#include "rec/torch/TorchKernels.h"
#endif


namespace ss::rec {
namespace {

// Small dense kernels over f-length float vectors (this file is built with re-association enabled so
// the compiler vectorises the reductions; results are still the same on every run of one binary).
inline float vdot(const float* a, const float* b, int n) {
    float s = 0.0f;
    for (int i = 0; i < n; ++i) s += a[i] * b[i];
    return s;
}
inline void axpy(float alpha, const float* x, float* y, int n) {
    for (int i = 0; i < n; ++i) y[i] += alpha * x[i];
}

// YᵀY + λI. Rows are summed in float over 256-row chunks, the chunks in double within each of a fixed
// number of parts, and the parts in order, so the result does not depend on the thread count. Within
// a chunk, eight rows at a time are a rank-8 update of the f×f block.
SS_HOT void addGramChunks(const DenseMatrix& y, int chunkBegin, int chunkEnd, int chunkRows, float* block, double* g) {
    const int f = y.cols;
    const std::size_t ff = static_cast<std::size_t>(f) * f;
    float w[8];
    for (int chunk = chunkBegin; chunk < chunkEnd; ++chunk) {
        std::fill(block, block + ff, 0.0f);
        const int i1 = std::min(y.rows, (chunk + 1) * chunkRows);
        for (int i = chunk * chunkRows; i < i1; i += 8) {
            const int m = std::min(8, i1 - i);
            for (int r = 0; r < f; ++r) {
                for (int j = 0; j < m; ++j) w[j] = y.row(i + j)[r];
                rowkernels::addRowsTo(y.row(i), w, m, f, block + static_cast<std::size_t>(r) * f);
            }
        }
        for (std::size_t p = 0; p < ff; ++p) g[p] += block[p];
    }
}

std::vector<float> gram(const DenseMatrix& y, double regularization, int threads) {
    const int f = y.cols;
    const std::size_t ff = static_cast<std::size_t>(f) * f;
    constexpr int kChunk = 256;
    constexpr int kParts = 64;
    const int chunks = (y.rows + kChunk - 1) / kChunk;
    std::vector<double> parts(kParts * ff, 0.0);
    std::atomic<int> nextPart{0};
    auto work = [&] {
        std::vector<float> block(ff);
        for (int part; (part = nextPart.fetch_add(1)) < kParts;)
            addGramChunks(y, chunks * part / kParts, chunks * (part + 1) / kParts, kChunk, block.data(), parts.data() + part * ff);
    };
    {
        std::vector<std::jthread> pool;
        for (int t = 1; t < std::clamp(threads, 1, kParts); ++t) pool.emplace_back(work);
        work();
    }
    std::vector<double> sum(ff, 0.0);
    for (int part = 0; part < kParts; ++part)
        for (std::size_t p = 0; p < ff; ++p) sum[p] += parts[part * ff + p];
    std::vector<float> out(ff);
    for (std::size_t p = 0; p < ff; ++p) out[p] = static_cast<float>(sum[p]);
    for (int r = 0; r < f; ++r) out[static_cast<std::size_t>(r) * f + r] += static_cast<float>(regularization);
    return out;
}

// In-place Cholesky of an f×f SPD matrix (double) and solve; false when not positive definite.
bool choleskySolve(std::vector<double>& a, std::vector<double>& b, int n) {
    for (int j = 0; j < n; ++j) {
        double d = a[static_cast<std::size_t>(j) * n + j];
        for (int k = 0; k < j; ++k) d -= a[static_cast<std::size_t>(j) * n + k] * a[static_cast<std::size_t>(j) * n + k];
        if (d <= 0) return false;
        d = std::sqrt(d);
        a[static_cast<std::size_t>(j) * n + j] = d;
        for (int i = j + 1; i < n; ++i) {
            double s = a[static_cast<std::size_t>(i) * n + j];
            for (int k = 0; k < j; ++k) s -= a[static_cast<std::size_t>(i) * n + k] * a[static_cast<std::size_t>(j) * n + k];
            a[static_cast<std::size_t>(i) * n + j] = s / d;
        }
    }
    for (int i = 0; i < n; ++i) {
        double s = b[i];
        for (int k = 0; k < i; ++k) s -= a[static_cast<std::size_t>(i) * n + k] * b[k];
        b[i] = s / a[static_cast<std::size_t>(i) * n + i];
    }
    for (int i = n - 1; i >= 0; --i) {
        double s = b[i];
        for (int k = i + 1; k < n; ++k) s -= a[static_cast<std::size_t>(k) * n + i] * b[k];
        b[i] = s / a[static_cast<std::size_t>(i) * n + i];
    }
    return true;
}

// One row's observed rows y_i, copied next to each other: a CG solve reads them once per step, and
// random rows of a large factor matrix cost a cache miss each. Rows up to kKeptBytes are gathered
// once per solve; a longer row (a very popular item) is gathered a chunk at a time on every pass.
class ObservedRows {
public:
    static constexpr int kChunk = 64;  // rows per dot/add pass: 16 KiB at 64 factors, stays in L1
    static constexpr std::size_t kKeptBytes = std::size_t(1) << 20;

    ObservedRows(const DenseMatrix& y, std::span<const std::int32_t> idx, std::vector<float>& buffer)
        : y_(y), idx_(idx), buffer_(buffer), f_(y.cols),
          kept_(idx.size() * static_cast<std::size_t>(y.cols) * sizeof(float) <= kKeptBytes) {
        const std::size_t rows = kept_ ? idx.size() : std::size_t(kChunk);
        if (buffer_.size() < rows * f_) buffer_.resize(rows * f_);
        if (kept_) gather(0, idx.size(), buffer_.data());
    }

    // out += Σ_q coefficient(q, y_q·v) · y_q over the observed rows q.
    template <class Coefficient>
    SS_ROW_KERNEL void addWeighted(const float* v, Coefficient coefficient, float* out, float* t) const {
        for (std::size_t q0 = 0; q0 < idx_.size(); q0 += kChunk) {
            const int m = static_cast<int>(std::min<std::size_t>(kChunk, idx_.size() - q0));
            const float* rows = buffer_.data();
            if (kept_) rows += q0 * f_;
            else gather(q0, q0 + m, buffer_.data());
            rowkernels::dotRows(rows, m, f_, v, t);
            for (int j = 0; j < m; ++j) t[j] = coefficient(q0 + j, t[j]);
            rowkernels::addRowsTo(rows, t, m, f_, out);
        }
    }

private:
    SS_ROW_KERNEL void gather(std::size_t from, std::size_t to, float* into) const {
        rowkernels::gatherRows(y_.data.data(), f_, idx_.data() + from, to - from, into);
    }

    const DenseMatrix& y_;
    std::span<const std::int32_t> idx_;
    std::vector<float>& buffer_;
    const int f_;
    const bool kept_;
};

// One thread's scratch space for solveRowCg.
struct CgScratch {
    explicit CgScratch(int f) : r(f), p(f), ap(f), t(ObservedRows::kChunk) {}
    std::vector<float> r, p, ap, t, rows;
};

// A few CG steps on (YᵀY + λI + Σ_q (c_q−1) y_q y_qᵀ) x = Σ_q c_q y_q, warm-started from x.
SS_HOT void solveRowCg(const float* yty, const DenseMatrix& y, std::span<const std::int32_t> idx, std::span<const float> conf, float* x,
                       int cgSteps, CgScratch& s) {
    const int f = y.cols;
    float* r = s.r.data();
    float* p = s.p.data();
    float* ap = s.ap.data();
    const ObservedRows observed(y, idx, s.rows);
    rowkernels::symmetricTimes(yty, x, r, f);
    for (int k = 0; k < f; ++k) r[k] = -r[k];
    observed.addWeighted(x, [&](std::size_t q, float yx) { return conf[q] - (conf[q] - 1.0f) * yx; }, r, s.t.data());
    std::copy(r, r + f, p);
    float rsold = vdot(r, r, f);
    if (rsold < 1e-20f) return;
    for (int it = 0; it < cgSteps; ++it) {
        rowkernels::symmetricTimes(yty, p, ap, f);
        observed.addWeighted(p, [&](std::size_t q, float yp) { return (conf[q] - 1.0f) * yp; }, ap, s.t.data());
        const float alpha = rsold / vdot(p, ap, f);
        axpy(alpha, p, x, f);
        axpy(-alpha, ap, r, f);
        const float rsnew = vdot(r, r, f);
        if (rsnew < 1e-20f) break;
        const float beta = rsnew / rsold;
        for (int k = 0; k < f; ++k) p[k] = r[k] + beta * p[k];
        rsold = rsnew;
    }
}

void solveRowExact(const float* yty, const DenseMatrix& y, std::span<const std::int32_t> idx, std::span<const float> conf, float* x,
                   std::vector<double>& a, std::vector<double>& b) {
    const int f = y.cols;
    for (std::size_t p = 0; p < a.size(); ++p) a[p] = yty[p];
    std::fill(b.begin(), b.end(), 0.0);
    for (std::size_t q = 0; q < idx.size(); ++q) {
        const float* yi = y.row(idx[q]);
        const double c = conf[q];
        for (int r = 0; r < f; ++r) {
            b[r] += c * yi[r];
            for (int k = 0; k < f; ++k) a[static_cast<std::size_t>(r) * f + k] += (c - 1.0) * yi[r] * yi[k];
        }
    }
    if (!choleskySolve(a, b, f)) return;  // keep the previous row (only with λ = 0 and degenerate data)
    for (int r = 0; r < f; ++r) x[r] = static_cast<float>(b[r]);
}

}  // namespace

DenseMatrix AlsRecommender::initialFactors(int rows, int factors, std::uint64_t seed) {
    DenseMatrix m(rows, factors);  // on huge pages: each half-step reads the other side's rows in random order
    std::mt19937_64 g(seed);
    for (auto& v : m.data) v = static_cast<float>(static_cast<double>(g() >> 11) * 0x1.0p-53 * 0.01);
    return m;
}

void AlsRecommender::solve(const CsrMatrix& c, const DenseMatrix& y, DenseMatrix& x, double regularization, int cgSteps,
                           bool conjugateGradient, int threads) {
    const int f = y.cols;
    const std::vector<float> yty = gram(y, regularization, threads);
    const int rows = c.rows;
    threads = std::max(1, std::min(threads, rows / 64 + 1));
    std::atomic<int> next{0};
    auto work = [&] {
        CgScratch scratch(f);
        std::vector<double> a, b;
        if (!conjugateGradient) a.resize(static_cast<std::size_t>(f) * f), b.resize(static_cast<std::size_t>(f));
        constexpr int kChunk = 64;
        for (;;) {
            const int r0 = next.fetch_add(kChunk);
            if (r0 >= rows) return;
            for (int u = r0; u < std::min(rows, r0 + kChunk); ++u) {
                float* xu = x.row(u);
                const auto idx = c.rowIndices(u);
                const auto conf = c.rowValues(u);
                if (idx.empty()) {  // no observations: the minimiser is 0
                    std::fill(xu, xu + f, 0.0f);
                    continue;
                }
                if (conjugateGradient) solveRowCg(yty.data(), y, idx, conf, xu, cgSteps, scratch);
                else solveRowExact(yty.data(), y, idx, conf, xu, a, b);
            }
        }
    };
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
}

double AlsRecommender::loss(const CsrMatrix& c, const DenseMatrix& x, const DenseMatrix& y, double regularization) {
    const int f = y.cols;
    const std::vector<float> yty = gram(y, 0.0, 1);
    std::vector<float> tmp(static_cast<std::size_t>(f));
    double total = 0, norms = 0;
    for (int u = 0; u < c.rows; ++u) {
        const float* xu = x.row(u);
        rowkernels::symmetricTimes(yty.data(), xu, tmp.data(), f);
        total += vdot(xu, tmp.data(), f);  // Σ_i (x·y_i)² as if every pair were unobserved
        const auto idx = c.rowIndices(u);
        const auto conf = c.rowValues(u);
        for (std::size_t q = 0; q < idx.size(); ++q) {
            const double s = vdot(xu, y.row(idx[q]), f);
            total += conf[q] * (1.0 - s) * (1.0 - s) - s * s;
        }
        norms += vdot(xu, xu, f);
    }
    for (int i = 0; i < y.rows; ++i) norms += vdot(y.row(i), y.row(i), f);
    return total + regularization * norms;
}

boost::json::object AlsRecommender::parameters() const {
    return {{"factors", options_.factors},     {"regularization", options_.regularization},
            {"alpha", options_.alpha},         {"iterations", options_.iterations},
            {"cg_steps", options_.cgSteps},    {"solver", options_.conjugateGradient ? "cg" : "cholesky"},
            {"confidence", "1 + alpha * weight"}, {"device", options_.device}};
}

Status AlsRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) {
    train_ = std::move(train);
    if (options_.factors < 1 || options_.iterations < 0) return makeError(ErrorCode::Usage, "ALS needs factors >= 1 and iterations >= 0");
    confidence_ = train_->weights;
    for (auto& v : confidence_.values) v = static_cast<float>(1.0 + options_.alpha * v);
    const CsrMatrix itemUsers = confidence_.transposed();
    x_ = initialFactors(train_->users(), options_.factors, fit.seed);
    y_ = initialFactors(train_->items(), options_.factors, fit.seed ^ 0x9E3779B97F4A7C15ULL);
    loss_.clear();
    iterationSeconds_.clear();
    ranOn_ = "cpu";
    // The tensor solver is CG only; the exact solver stays native.
    auto where = chooseTrainingDevice(options_.device, options_.tensorsOnCpu, options_.conjugateGradient, "ALS");
    if (!where) return where.error();
    if (where->tensors) return fitTensors(itemUsers, where->device, job);
    for (int it = 0; it < options_.iterations; ++it) {
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "ALS training cancelled");
        const auto start = std::chrono::steady_clock::now();
        solve(confidence_, y_, x_, options_.regularization, options_.cgSteps, options_.conjugateGradient, fit.threads);
        solve(itemUsers, x_, y_, options_.regularization, options_.cgSteps, options_.conjugateGradient, fit.threads);
        iterationSeconds_.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        if (options_.computeLoss) loss_.push_back(loss(confidence_, x_, y_, options_.regularization));
        job.report(double(it + 1) / options_.iterations, stages::kAlsIterations);
    }
    // One more user half-step against the final item factors, so scores and explanations agree.
    if (options_.iterations > 0)
        solve(confidence_, y_, x_, options_.regularization, options_.cgSteps, options_.conjugateGradient, fit.threads);
    yty_ = gramian(y_);
    return {};
}

Status AlsRecommender::fitTensors([[maybe_unused]] const CsrMatrix& itemUsers, [[maybe_unused]] const std::string& device,
                                  [[maybe_unused]] const JobContext& job) {
#ifdef SS_REC_WITH_TORCH
    auto view = [](const CsrMatrix& m) {
        return torchkernels::CsrView{m.rows, m.cols, m.indptr.data(), m.indices.data(), m.values.data()};
    };
    try {
        torchkernels::AlsTensorSolver solver(view(confidence_), view(itemUsers), x_.data.data(), y_.data.data(), options_.factors,
                                             options_.regularization, options_.cgSteps, device);
        ranOn_ = solver.device();
        for (int it = 0; it < options_.iterations; ++it) {
            if (job.cancelled()) return makeError(ErrorCode::Cancelled, "ALS training cancelled");
            const auto start = std::chrono::steady_clock::now();
            solver.solveUsers();
            solver.solveItems();
            if (options_.computeLoss) {
                solver.download(x_.data.data(), y_.data.data());
                loss_.push_back(loss(confidence_, x_, y_, options_.regularization));
            }
            iterationSeconds_.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
            job.report(double(it + 1) / options_.iterations, stages::kAlsIterations);
        }
        if (options_.iterations > 0) solver.solveUsers();  // users against the final items, as on the CPU
        solver.download(x_.data.data(), y_.data.data());
        yty_ = gramian(y_);
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("ALS on ") + device + " failed: " + e.what());
    }
    return {};
#else
    return makeError(ErrorCode::Unsupported, "this build has no LibTorch");
#endif
}

void AlsRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const { scoreDense(users, out); }

void AlsRecommender::denseQueries(std::span<const std::int32_t> users, float* out) const { gatherRows(x_, users, out); }

std::vector<float> AlsRecommender::gramian(const DenseMatrix& y) { return gram(y, 0.0, 1); }

std::vector<Contribution> AlsRecommender::explainByHistory(const DenseMatrix& y, const std::vector<float>& yty,
                                                           std::span<const std::int32_t> history, std::span<const float> conf,
                                                           std::int32_t item, double regularization, std::size_t n) {
    const int f = y.cols;
    if (history.empty()) return {};
    // W_u = YᵀY + Σ (c−1) y_i y_iᵀ + λI;  z = W_u⁻¹ y_j;  contribution(i) = c_ui · z·y_i.
    std::vector<double> a(yty.begin(), yty.end()), z(static_cast<std::size_t>(f));
    for (int r = 0; r < f; ++r) a[static_cast<std::size_t>(r) * f + r] += regularization;
    for (std::size_t q = 0; q < history.size(); ++q) {
        const float* yi = y.row(history[q]);
        for (int r = 0; r < f; ++r)
            for (int k = 0; k < f; ++k) a[static_cast<std::size_t>(r) * f + k] += (conf[q] - 1.0) * yi[r] * yi[k];
    }
    const float* yj = y.row(item);
    for (int r = 0; r < f; ++r) z[r] = yj[r];
    if (!choleskySolve(a, z, f)) return {};
    std::vector<Contribution> all;
    for (std::size_t q = 0; q < history.size(); ++q) {
        const float* yi = y.row(history[q]);
        double s = 0;
        for (int r = 0; r < f; ++r) s += z[r] * yi[r];
        all.push_back({history[q], static_cast<float>(conf[q] * s)});
    }
    return topContributions(std::move(all), n);
}

std::vector<Contribution> AlsRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    return explainByHistory(y_, yty_, confidence_.rowIndices(user), confidence_.rowValues(user), item, options_.regularization, n);
}

std::vector<std::byte> AlsRecommender::saveState() const {
    if (x_.empty()) return {};
    ModelState state(stateTag());
    state.write(x_);
    state.write(y_);
    return state.bytes();
}

bool AlsRecommender::restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> bytes) {
    ModelState state(stateTag(), bytes);
    DenseMatrix x, y;
    if (!state.read(x) || !state.read(y) || !state.atEnd()) return false;
    if (x.rows != train->users() || y.rows != train->items() || x.cols != options_.factors || y.cols != options_.factors) return false;
    train_ = std::move(train);
    confidence_ = train_->weights;  // explanations weigh the history by confidence
    for (auto& v : confidence_.values) v = static_cast<float>(1.0 + options_.alpha * v);
    x_ = std::move(x);
    y_ = std::move(y);
    yty_ = gramian(y_);
    loss_.clear();
    iterationSeconds_.clear();
    ranOn_ = "cache";
    return true;
}

TrainingReport AlsRecommender::trainingReport() const {
    return {.device = ranOn_, .iterationLoss = loss_, .secondsPerIteration = iterationSeconds_};
}

SimilarItems AlsRecommender::similarItems(std::int32_t item, std::size_t n) const {
    return {SimilarityMeasure::AlsFactors, cosineNeighbours(y_, item, n)};
}

}  // namespace ss::rec
