// Recommender: what every model offers the scoring engine — fit on training interactions, then dense
// scores of all items for a block of users (the engine turns blocks into top-K lists without ever
// holding the users × items matrix), and explanations (the history items that contributed most).
// fit() runs on one worker thread; after it, scoreBlock()/explain() are const and safe to call from
// several threads at once.
#pragma once

#include <cstddef>

#include <boost/json/object.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/Dense.h"
#include "rec/DistinctRows.h"
#include "rec/Interactions.h"
#include "rec/TrainingReport.h"

namespace ss::rec {

// One history item's share of a recommendation's score (in the recommender's own units).
struct Contribution {
    std::int32_t item = 0;
    float value = 0.0f;
};

// What "similar" means for a model's similar items (the workbench names it in the panel's header).
enum class SimilarityMeasure {
    CoOccurrence,        // cosine of the customers two items share in the training interactions
    ItemKnn,             // item-kNN's kept, shrunk neighbour similarities
    AlsFactors,          // cosine of ALS item factors
    TwoTowerEmbeddings,  // cosine of two-tower item embeddings
    TextVectors,         // cosine of item text vectors
    SharedWords,         // cosine of the items' TF-IDF word (and Chinese character n-gram) vectors
};

struct SimilarItems {
    SimilarityMeasure measure = SimilarityMeasure::CoOccurrence;
    std::vector<std::pair<std::int32_t, float>> items;  // dense index, similarity; best first (common/TopN order)
    std::vector<std::vector<std::string>> words;         // SharedWords: each item's words in common, strongest first
};

// The n rows of `vectors` with the largest cosine to row `item` (zero rows and the item left out).
std::vector<std::pair<std::int32_t, float>> cosineNeighbours(const DenseMatrix& vectors, std::int32_t item, std::size_t n);
// Co-occurrence cosine |U(i) ∩ U(j)| / sqrt(|U(i)| |U(j)|) over training interactions.
std::vector<std::pair<std::int32_t, float>> coOccurrenceNeighbours(const Interactions& train, std::int32_t item, std::size_t n);

struct FitContext {
    std::int64_t now = 0;      // reference time (the split's cut-off): recency and recent windows count back from it
    std::uint64_t seed = 42;   // every random choice a model makes derives from it
    int threads = 1;           // worker threads a model may use (results do not depend on it)
    // Offline evaluation only: what the model must not have seen. A temporal split holds out every
    // event at or after `heldOutFrom`; the other splits hold out pairs spread over time (unset).
    bool evaluating = false;
    std::optional<std::int64_t> heldOutFrom;
};

class Recommender {
public:
    virtual ~Recommender() = default;

    virtual std::string name() const = 0;                   // "popularity", "als", ...
    virtual boost::json::object parameters() const = 0;     // everything that changes its output

    virtual Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) = 0;

    int users() const { return train_ ? train_->users() : 0; }
    int items() const { return train_ ? train_->items() : 0; }
    const Interactions* training() const { return train_.get(); }

    // out[r * items() + i] = score of item i for users[r]. Higher is better.
    virtual void scoreBlock(std::span<const std::int32_t> users, float* out) const = 0;

    // Dense models (ALS, two-tower, content) score user u and item i as query(u) · row i of an item
    // matrix. They hand the engine both sides so it can tile the product over items — a tile of item
    // rows stays in cache while a whole block of users is scored against it — instead of streaming
    // every item row from memory for each few users. nullptr for the others.
    virtual const DenseMatrix* denseItems() const { return nullptr; }
    // The users' query rows, denseItems()->cols floats each; called only when denseItems() is set.
    virtual void denseQueries(std::span<const std::int32_t> users, float* out) const;
    // denseItems()' rows each kept once with the items that share them, when many items share a row
    // (the same title listed by many sellers): the engine then scores each distinct row once and gives
    // its score to all of its items — the same lists, read from a fraction of the memory. nullptr when
    // the model keeps none.
    virtual const DistinctRows* denseDistinctRows() const { return nullptr; }

    // out[r] = the score of `item` for users[r]: whom the item would be shown to first. By default from
    // whole score rows, O(users · items) — hours for a million customers and four million items; dense
    // models (O(users · d)), models that rank everyone alike and item-kNN (O(history)) answer from the
    // item alone. Const and thread-safe once fitted.
    virtual void scoreItem(std::span<const std::int32_t> users, std::int32_t item, float* out) const;

    // Up to n history items of `user` that contributed most to `item`'s score, largest first.
    virtual std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const;
    // Up to n words of `item` that matched the user's history most, for models that score by words
    // (empty for the others).
    virtual std::vector<std::string> explainTerms(std::int32_t user, std::int32_t item, std::size_t n) const;

    // The n items most like `item` in this model's own terms, never `item` itself; by default the
    // co-occurrence cosine over the training interactions (popularity has no item representation).
    // Const and thread-safe once fitted.
    virtual SimilarItems similarItems(std::int32_t item, std::size_t n) const;

    // False when the model has nothing to say for this user (e.g. no training history); the engine then
    // falls back to the fallback model when one is given.
    virtual bool coversUser(std::int32_t user) const;
    // True when the scores do not depend on the user (popularity): the engine then sorts the catalogue
    // once and gives each user the best items they have not had.
    virtual bool sameForEveryUser() const { return false; }
    // True when items without any training interaction get informative scores (content models).
    virtual bool scoresColdItems() const { return false; }
    // Anything worth keeping from training: loss curves, iterations, epochs, ...
    virtual TrainingReport trainingReport() const { return {}; }

    // The trained state for the project's model cache, for models that are slow to train; empty when
    // the model refits in moments or was not trained. The tag names the state's layout and the
    // training code's version: a cached state from other code is never restored.
    virtual std::string stateTag() const { return {}; }
    virtual std::vector<std::byte> saveState() const { return {}; }
    // Takes a saved state back on the same training data; false (model unchanged) when it does not fit.
    virtual bool restoreState(std::shared_ptr<const Interactions> train, std::span<const std::byte> state);

protected:
    // scoreBlock() of a dense model: its users' queries times every item row.
    void scoreDense(std::span<const std::int32_t> users, float* out) const;

    std::shared_ptr<const Interactions> train_;
};

// Helpers shared by models: keep the n largest contributions (ties: smaller item index first).
std::vector<Contribution> topContributions(std::vector<Contribution> all, std::size_t n);

}  // namespace ss::rec
