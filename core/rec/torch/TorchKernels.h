// Internal to core/rec: the LibTorch side, behind a torch-free C++17 interface (no <torch/...> and no
// C++20 headers here, so both the C++17 torch translation units and the C++20 rest can include it).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ss::rec::torchkernels {

// c[m×n] = a[m×k] · b[n×k]ᵀ through ATen: on the GPU when there is one and the product is large
// (≥ 2^24 multiply-adds), else the CPU's BLAS. Safe from any thread.
void gemmNT(const float* a, const float* b, float* c, int m, int n, int k);
void setCpuOnlyGemm(bool cpu);  // keep every product on the CPU (process-wide)
bool gemmUsesCuda();            // large products go to a GPU

struct TwoTowerConfig {
    int dim = 64;                 // output dimension of both towers
    int hidden = 256;             // hidden width of each tower's MLP
    bool attention = false;       // user tower pooling: attention (learned query) instead of the mean
    bool idEmbedding = false;     // item tower adds a learned id embedding (zero for items unseen in training)
    bool sharedTower = false;     // user tower pools item-tower outputs of the history (instead of raw vectors)
    int negatives = 4;            // sampled negatives per positive
    int negativePool = 0;         // > 0: a batch's negatives are picked from this many draws (see TwoTowerOptions)
    double popularityNegatives = 0.0;  // share of negatives drawn ∝ (training users)^0.75, the rest uniformly
    int batchSize = 512;
    int maxEpochs = 20;
    int patience = 2;             // epochs without validation improvement before stopping (ranking: or one clearly worse)
    // What chooses the best epoch and stops training: "ranking" (NDCG@10 of held-out customers' later
    // items over the whole catalogue; an epoch is better only by more than one standard error of the
    // paired per-customer differences), "loss" (the validation loss, any decrease), or "auto": ranking
    // when an epoch is a sample of the examples (examplesPerEpoch below their count), loss otherwise.
    std::string earlyStopping = "auto";
    int rankingCustomers = 1000;  // held-out customers ranked after each epoch (a seeded sample)
    double learningRate = 1e-3;
    double weightDecay = 1e-4;
    double validationFraction = 0.1;  // share of users whose examples form the validation set
    int historyLength = 50;       // most recent history items the user tower sees
    int examplesPerEpoch = 0;           // > 0: each epoch a fresh seeded sample of this many training examples,
                                        // and a fixed sample of a tenth as many validation examples
    std::uint64_t seed = 42;
    std::string device = "cpu";   // "cpu", "cuda" or "auto"
    int threads = 0;              // > 0: intra-op threads for this training (process-wide setting)
};

struct TwoTowerInput {
    int items = 0, inputDim = 0;
    const float* itemVectors = nullptr;      // items × inputDim (frozen BERT vectors), the caller's, not copied: gigabytes at scale
    std::vector<char> seenItem;              // per item: has training interactions (id embedding allowed)
    std::vector<float> itemUsers;            // per item: training users (for popularity-sampled negatives)
    std::vector<std::int64_t> historyOffset; // users + 1
    std::vector<std::int32_t> history;       // per user, items in time order
    // Optional, without id embeddings only: the distinct rows of itemVectors (listings that share one
    // text share one vector), borrowed. An item's tower output then depends on its row alone, so the
    // trainer gathers, runs the item tower and ranks once per row.
    const float* rowVectors = nullptr;       // rows × inputDim
    int rows = 0;
    std::vector<std::int32_t> itemRow;       // per item: its row
    const std::int64_t* rowOffsets = nullptr;  // rows + 1: row r's items are rowItems[rowOffsets[r], rowOffsets[r + 1])
    const std::int32_t* rowItems = nullptr;    // ascending within a row
};

struct TwoTowerOutcome {
    std::vector<float> userFactors, itemFactors;  // users × dim, items × dim
    int dim = 0;
    std::vector<double> trainLoss, validationLoss;  // per epoch
    std::vector<double> validationNdcg;             // per epoch, with ranking stopping: mean NDCG@10
    std::int64_t rankingCustomers = 0;              // held-out customers behind validationNdcg
    int bestEpoch = 0, epochs = 0;
    std::int64_t examples = 0, validationExamples = 0;
    double negativesPerStep = 0;  // distinct negative items in a full training step (mean over every 16th step)
    std::string device;
    std::string error;      // non-empty on failure
    bool cancelled = false;
};

// True when this LibTorch has a usable CUDA device.
bool cudaAvailable();

// How one epoch's held-out ranking (NDCG@10 per customer) compares with the best epoch's, by the
// paired differences: Better when higher by more than one standard error (the mean NDCG of a thousand
// customers wanders by more than an epoch of a large shop improves it), ClearlyWorse when lower by
// more than two (training then stops), else Level.
enum class RankingVerdict { Better, Level, ClearlyWorse };
RankingVerdict compareRankings(const std::vector<double>& now, const std::vector<double>& best);

// A CSR matrix as plain pointers (rows + 1 offsets; column indices; values), borrowed.
struct CsrView {
    int rows = 0, cols = 0;
    const std::int64_t* indptr = nullptr;
    const std::int32_t* indices = nullptr;
    const float* values = nullptr;
};

// Implicit ALS (confidences as CSR values, preference 1 for stored entries) in LibTorch tensors, every
// row of a half-step solved at once by batched conjugate gradient — the same update as the per-row
// C++ solver, as matrix products, gathers and index_add so that it runs on a GPU. Holds both sides'
// factors and both CSR layouts on the device between steps. One thread at a time.
class AlsTensorSolver {
public:
    // x0: users × f, y0: items × f initial factors; device "cpu" or "cuda".
    AlsTensorSolver(const CsrView& userItems, const CsrView& itemUsers, const float* x0, const float* y0, int factors,
                    double regularization, int cgSteps, const std::string& device);
    ~AlsTensorSolver();
    AlsTensorSolver(const AlsTensorSolver&) = delete;
    AlsTensorSolver& operator=(const AlsTensorSolver&) = delete;

    void solveUsers();  // users against fixed items
    void solveItems();  // items against fixed users
    void download(float* x, float* y) const;  // users × f and items × f, row-major
    std::string device() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Item-kNN neighbours in LibTorch tensors (the GPU path): for blocks of items, co-occurrence counts as
// a sparse × sparse product of the binarised user × item matrix, cosine with shrinkage
// |U(i) ∩ U(j)| / (sqrt|U(i)| sqrt|U(j)| + shrink), and each item's `neighbours` best (ties: smaller
// index first, as the native code). Returns CSR rows with column indices ascending; an empty result
// with cancelled set when `cancelled` turned true between blocks.
struct NeighbourLists {
    std::vector<std::int64_t> indptr;
    std::vector<std::int32_t> indices;
    std::vector<float> values;
    bool cancelled = false;
};
NeighbourLists itemNeighbours(const CsrView& userItems, int neighbours, double shrink, const std::string& device,
                              const std::function<bool()>& cancelled);

TwoTowerOutcome trainTwoTower(const TwoTowerInput& input, const TwoTowerConfig& config, const std::function<bool()>& cancelled,
                              const std::function<void(double, const std::string&)>& progress,
                              const std::function<void(int epoch, double trainLoss, double validationLoss, double validationNdcg)>& onEpoch);

}  // namespace ss::rec::torchkernels
