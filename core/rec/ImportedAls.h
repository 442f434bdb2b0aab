// ImportedAlsRecommender: ALS customer and item factors trained by another engine (cluster/als.py on
// Spark MLlib) and imported into the project (rec/ImportedFactors), served like ShelfSense's own ALS:
// scores x_u·y_i, explanations by Hu et al.'s decomposition over the customer's history (with the
// engine's own regularisation, which MLlib scales by the customer's number of pairs), and similar
// items by the cosine of item factors. fit() trains nothing: it checks the factors fit the training
// data and, in an evaluation, that they were trained before what is held out. Customers the factors
// do not know are not covered (the engine's fallback serves them); items they do not know score 0.
// fit() on one worker thread; afterwards const and safe from several threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rec/Dense.h"
#include "rec/Recommender.h"

namespace ss::rec {

// Imported factors laid onto one dataset's dense indices (ImportedFactors::onto).
struct ImportedAlsFactors {
    DenseMatrix users, items;        // dataset users × f and items × f; zero rows for ones the factors do not know
    std::vector<char> userKnown;     // per dataset user: has a factor row
    std::size_t itemsKnown = 0;      // dataset items with a factor row
    std::size_t unknownUsers = 0, unknownItems = 0;  // ids in the factors that the dataset lacks
    std::string engine;              // "spark-mllib"
    double alpha = 1.0, regularization = 0.01;
    bool regularizationScaledByPairs = false;  // MLlib: λ·n_u for a customer with n_u pairs (and likewise items)
    std::optional<std::int64_t> trainedUntil;  // the newest event time the factors were trained on (unix seconds)
    std::string weights;             // behaviour weights of their training ("view=1,cart=3,...")
    std::int64_t imported = 0;       // when they were imported (unix seconds)
};

class ImportedAlsRecommender final : public Recommender {
public:
    explicit ImportedAlsRecommender(std::shared_ptr<const ImportedAlsFactors> factors) : factors_(std::move(factors)) {}
    std::string name() const override { return "als_imported"; }
    boost::json::object parameters() const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    const DenseMatrix* denseItems() const override;
    void denseQueries(std::span<const std::int32_t> users, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    bool coversUser(std::int32_t user) const override;
    TrainingReport trainingReport() const override { return {.device = "imported"}; }

private:
    std::shared_ptr<const ImportedAlsFactors> factors_;
    CsrMatrix confidence_;    // users × items: 1 + α·weight, as the engine weighed the history
    std::vector<float> yty_;  // YᵀY of the item factors
};

}  // namespace ss::rec
