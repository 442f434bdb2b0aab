// Batched conjugate-gradient ALS in ATen. Only ATen's core header, like the GEMM.
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <torch/cuda.h>

#include <exception>

#include "rec/torch/TorchKernels.h"

namespace ss::rec::torchkernels {
namespace {

// One side of the problem: the rows being solved, with every stored entry's row, column and confidence.
struct Side {
    std::int64_t rows = 0;
    at::Tensor row, column, confidence;  // [nnz] long, long, float
    at::Tensor empty;                    // [rows] bool: no stored entry (the minimiser is 0)
};

Side upload(const CsrView& csr, const at::Device& device) {
    Side side;
    side.rows = csr.rows;
    const std::int64_t nnz = csr.indptr[csr.rows];
    const auto longs = at::TensorOptions().dtype(at::kLong);
    at::Tensor indptr = at::from_blob(const_cast<std::int64_t*>(csr.indptr), {csr.rows + 1}, longs);
    at::Tensor counts = indptr.slice(0, 1) - indptr.slice(0, 0, csr.rows);
    side.row = at::repeat_interleave(counts).to(device);  // entry → its row
    side.column = at::from_blob(const_cast<std::int32_t*>(csr.indices), {nnz}, at::kInt).to(at::kLong).to(device);
    side.confidence = at::from_blob(const_cast<float*>(csr.values), {nnz}, at::kFloat).to(device);
    side.empty = counts.eq(0).to(device);
    return side;
}

// Rows of x solved against fixed y: A_r = YᵀY + Σ_i (c_ri − 1) y_i y_iᵀ + λI, b_r = Σ_i c_ri y_i,
// `steps` CG iterations warm-started from x (as `implicit` and the C++ solver do).
void solveSide(const Side& side, const at::Tensor& y, at::Tensor& x, double regularization, int steps) {
    const std::int64_t f = y.size(1);
    const at::Tensor gram = at::mm(y.t(), y) + regularization * at::eye(f, y.options());
    const at::Tensor observed = y.index_select(0, side.column);  // [nnz, f]
    const at::Tensor extra = side.confidence - 1.0;               // c − 1 per entry
    // A·v for every row at once: v·Gram plus the observed entries' rank-one terms, scattered by row.
    auto apply = [&](const at::Tensor& v) {
        const at::Tensor along = (observed * v.index_select(0, side.row)).sum(1) * extra;  // [nnz]
        return at::mm(v, gram).index_add_(0, side.row, observed * along.unsqueeze(1));
    };
    const at::Tensor b = at::zeros_like(x).index_add_(0, side.row, observed * side.confidence.unsqueeze(1));
    at::Tensor r = b - apply(x);
    at::Tensor p = r.clone();
    at::Tensor rsOld = (r * r).sum(1);
    at::Tensor active = rsOld.ge(1e-20f);
    for (int step = 0; step < steps; ++step) {
        const at::Tensor ap = apply(p);
        const at::Tensor curvature = (p * ap).sum(1);
        const at::Tensor alpha = at::where(active, rsOld / at::where(active, curvature, at::ones_like(curvature)),
                                           at::zeros_like(rsOld));
        x.addcmul_(alpha.unsqueeze(1), p);
        r.addcmul_(alpha.unsqueeze(1), ap, -1.0);
        const at::Tensor rsNew = (r * r).sum(1);
        const at::Tensor beta = at::where(active, rsNew / at::where(active, rsOld, at::ones_like(rsOld)), at::zeros_like(rsOld));
        p = r + beta.unsqueeze(1) * p;
        active = active.logical_and(rsNew.ge(1e-20f));
        rsOld = rsNew;
    }
    x.masked_fill_(side.empty.unsqueeze(1), 0.0);
}

}  // namespace

bool cudaAvailable() {
    try {
        return torch::cuda::is_available();
    } catch (const std::exception&) {
        return false;
    }
}

struct AlsTensorSolver::State {
    at::Device device{at::kCPU};
    Side users, items;
    at::Tensor x, y;
    double regularization = 0;
    int steps = 0;
};

AlsTensorSolver::AlsTensorSolver(const CsrView& userItems, const CsrView& itemUsers, const float* x0, const float* y0, int factors,
                                 double regularization, int cgSteps, const std::string& device)
    : state_(std::make_unique<State>()) {
    c10::InferenceMode guard;
    State& s = *state_;
    s.device = device == "cuda" ? at::Device(at::kCUDA, 0) : at::Device(at::kCPU);
    s.users = upload(userItems, s.device);
    s.items = upload(itemUsers, s.device);
    s.x = at::from_blob(const_cast<float*>(x0), {userItems.rows, factors}, at::kFloat).to(s.device, /*non_blocking=*/false, /*copy=*/true);
    s.y = at::from_blob(const_cast<float*>(y0), {itemUsers.rows, factors}, at::kFloat).to(s.device, false, true);
    s.regularization = regularization;
    s.steps = cgSteps;
}

AlsTensorSolver::~AlsTensorSolver() = default;

void AlsTensorSolver::solveUsers() {
    c10::InferenceMode guard;
    solveSide(state_->users, state_->y, state_->x, state_->regularization, state_->steps);
}

void AlsTensorSolver::solveItems() {
    c10::InferenceMode guard;
    solveSide(state_->items, state_->x, state_->y, state_->regularization, state_->steps);
}

void AlsTensorSolver::download(float* x, float* y) const {
    c10::InferenceMode guard;
    const State& s = *state_;
    at::from_blob(x, s.x.sizes(), at::kFloat).copy_(s.x.cpu());
    at::from_blob(y, s.y.sizes(), at::kFloat).copy_(s.y.cpu());
}

std::string AlsTensorSolver::device() const { return state_->device.str(); }

}  // namespace ss::rec::torchkernels
