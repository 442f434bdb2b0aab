// ItemKnnRecommender: item-based collaborative filtering. Similarity is the cosine of two items' user
// sets (binarised co-occurrence) with shrinkage,
//     sim(i, j) = |U(i) ∩ U(j)| / (sqrt(|U(i)|) · sqrt(|U(j)|) + shrink),
// keeping each item's `neighbours` most similar items; a user's score for j is
//     score(u, j) = Σ_{i ∈ history(u)} w(u, i) · sim(i, j),
// so the explanation of j is exactly that sum's terms. Items without training users score 0.
#pragma once

#include <string>

#include "rec/Recommender.h"

namespace ss::rec {

struct ItemKnnOptions {
    int neighbours = 100;
    double shrink = 10.0;
    // "auto": similarities as sparse LibTorch products on CUDA when present, else the native
    // co-occurrence count on the CPU threads; "cpu"; "cuda" (fails without one).
    std::string device = "auto";
    bool tensorsOnCpu = false;  // the LibTorch path on the CPU (tests, benchmarks)
};

class ItemKnnRecommender final : public Recommender {
public:
    explicit ItemKnnRecommender(ItemKnnOptions options = {}) : options_(options) {}
    std::string name() const override { return "itemknn"; }
    boost::json::object parameters() const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    void scoreItem(std::span<const std::int32_t> users, std::int32_t item, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    TrainingReport trainingReport() const override { return {.device = ranOn_}; }
    std::string stateTag() const override { return "itemknn/1"; }
    std::vector<std::byte> saveState() const override;
    bool restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> state) override;

    // Row i: the kept neighbours j of item i with sim(i, j), columns sorted.
    const CsrMatrix& similarities() const { return similarity_; }

private:
    Status fitTensors(const std::string& device, const JobContext& job);

    ItemKnnOptions options_;
    std::string ranOn_ = "cpu";
    CsrMatrix similarity_;
};

}  // namespace ss::rec
