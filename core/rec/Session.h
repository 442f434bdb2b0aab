// RecommendationSession: serving-side use of the recommenders for one project — the Recommendations
// screen and `shelfsense-cli recommend`. Loads the data once, trains the chosen models on every event
// (no split), and then answers "what would model M show user U" quickly, with merchandising rules
// applied live and explanations (the user's history items that contributed most).
// open() and train() are jobs (worker thread); after training, recommend() and history() are const and
// may be called from any thread.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "common/JobContext.h"
#include "rec/Factory.h"
#include "rec/ItemVectors.h"
#include "rec/Rules.h"
#include "rec/TopK.h"

namespace ss::rec {

struct Recommendation {
    std::int32_t item = 0;  // dense index (Dataset::items())
    float score = 0, adjusted = 0;
    bool fallback = false;  // served by popularity: the model has nothing for this user
    std::vector<Contribution> because;
    std::vector<std::string> words;  // word models: the item's words that matched the history
};

// An item as a group of customers (a saved segment) would be shown it: in how many members' top k,
// and its mean place there.
struct GroupRecommendation {
    std::int32_t item = 0;       // dense index
    std::int64_t customers = 0;  // members with the item in their top k
    double meanRank = 0;         // 1-based, over those members
};

struct HistoryEntry {
    std::int32_t item = 0;
    EventType type = EventType::View;
    std::int64_t time = 0;
};

struct SessionOptions {
    BehaviourWeights weights;
    ItemVectorOptions vectors;
    std::uint64_t seed = 42;
    int threads = 1;
    // Keep trained models in the project and reuse them when nothing that decides them changed.
    bool modelCache = true;
};

class RecommendationSession {
public:
    static Result<std::unique_ptr<RecommendationSession>> open(const std::filesystem::path& project, const SessionOptions& options,
                                                               const JobContext& job);

    // Trains (or re-trains) one model by name under the given configuration.
    Status train(const std::string& name, const RecommenderConfig& config, const JobContext& job);
    // Loads the item text vectors (encoding new items) if not loaded yet: MMR diversity compares items by them.
    Status ensureItemVectors(const JobContext& job);
    bool trained(const std::string& name) const { return models_.count(name) > 0; }
    // Whether the model was taken from the project's model cache instead of trained.
    bool fromCache(const std::string& name) const { return cached_.count(name) > 0; }
    const Recommender* model(const std::string& name) const;

    // Top-k for a user (dense index): training items excluded unless includeKnown; `explain` history
    // items per recommendation. A "bury by sentiment" rule is resolved from the project's review
    // sentiment as read when the session opened.
    Result<std::vector<Recommendation>> recommend(const std::string& name, std::int32_t user, std::size_t k,
                                                  const MerchandisingRules& rules = {}, bool includeKnown = false,
                                                  std::size_t explain = 3) const;
    // The n items found most often in the top k of `users` (dense indices) — what the model shows a
    // segment —, most customers first, then the better mean place, then the smaller index. Members the
    // model has nothing for are served by popularity, as in recommend(); rules apply as there.
    Result<std::vector<GroupRecommendation>> recommendToGroup(const std::string& name, std::span<const std::int32_t> users, std::size_t k,
                                                              std::size_t n, const MerchandisingRules& rules = {}, bool includeKnown = false,
                                                              const JobContext& job = {}) const;
    // The users the model would show an item to first (largest scores), e.g. for "who sees this item".
    Result<std::vector<std::pair<std::int32_t, float>>> audience(const std::string& name, std::int32_t item, std::size_t k,
                                                                 const JobContext& job = {}) const;

    std::vector<HistoryEntry> history(std::int32_t user) const;  // time order
    // Products with more than `share` negative reviews (of at least 3 labelled). The project's review
    // sentiment is read the first time a rule needs it (not at open(): most sessions never bury).
    Result<std::vector<std::string>> itemsAboveNegativeShare(double share) const;
    const Dataset& data() const { return data_; }
    const Interactions& interactions() const { return *train_; }
    const ItemVectorSet* itemVectors() const { return vectors_ ? &*vectors_ : nullptr; }

private:
    RecommendationSession() = default;
    // The top-k lists of `users` by `m` with the rules resolved (bury by sentiment) and the popularity fallback.
    Result<std::vector<std::vector<Scored>>> topLists(const Recommender& m, std::span<const std::int32_t> users, std::size_t k,
                                                      const MerchandisingRules& rules, bool includeKnown, const JobContext& job) const;
    std::filesystem::path path_;
    SessionOptions options_;
    Dataset data_;
    std::shared_ptr<const Interactions> train_;
    std::int64_t now_ = 0;
    std::optional<ItemVectorSet> vectors_;
    std::optional<ItemTextSet> texts_;  // read when a word model first trains
    std::shared_ptr<const ImportedAlsFactors> importedAls_;  // read when imported factors are first served
    std::unique_ptr<PopularityRecommender> fallback_;
    std::map<std::string, std::shared_ptr<Recommender>> models_;
    std::set<std::string> cached_;
    std::vector<std::int64_t> userEventOffset_;  // users + 1: the user's events in userEvents_
    std::vector<std::uint32_t> userEvents_;      // indices into data_.events(), time order per user
    // Each reviewed product's share of negative reviews and labelled reviews (for "bury by sentiment"),
    // read on first use; any job thread may ask, hence the mutex.
    mutable std::mutex sentimentMutex_;
    mutable std::optional<std::vector<std::pair<std::string, std::pair<double, std::int64_t>>>> itemSentiment_;
};

}  // namespace ss::rec
