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
#include <span>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "common/Result.h"
#include "rec/Interactions.h"
#include "rec/TrainingReport.h"

namespace ss::rec {

// One history item's share of a recommendation's score (in the recommender's own units).
struct Contribution {
    std::int32_t item = 0;
    float value = 0.0f;
};

struct FitContext {
    std::int64_t now = 0;      // reference time (the split's cut-off): recency and recent windows count back from it
    std::uint64_t seed = 42;   // every random choice a model makes derives from it
    int threads = 1;           // worker threads a model may use (results do not depend on it)
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

    // Up to n history items of `user` that contributed most to `item`'s score, largest first.
    virtual std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const;

    // False when the model has nothing to say for this user (e.g. no training history); the engine then
    // falls back to the fallback model when one is given.
    virtual bool coversUser(std::int32_t user) const;
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
    std::shared_ptr<const Interactions> train_;
};

// Helpers shared by models: keep the n largest contributions (ties: smaller item index first).
std::vector<Contribution> topContributions(std::vector<Contribution> all, std::size_t n);

}  // namespace ss::rec
