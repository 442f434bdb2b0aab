#include "rec/Session.h"

#include <algorithm>
#include <unordered_map>

#include "common/JobStages.h"
#include "common/TopN.h"
#include "rec/ItemTexts.h"
#include "rec/ModelCache.h"
#include "sentiment/SentimentOverview.h"

namespace ss::rec {

Result<std::unique_ptr<RecommendationSession>> RecommendationSession::open(const std::filesystem::path& project,
                                                                           const SessionOptions& options, const JobContext& job) {
    auto data = Dataset::load(project, job);
    if (!data) return data.error();
    std::unique_ptr<RecommendationSession> s(new RecommendationSession());
    s->path_ = project;
    s->options_ = options;
    s->data_ = std::move(*data);
    s->train_ = std::make_shared<const Interactions>(Interactions::build(s->data_, options.weights, [](const Event&) { return true; }));
    s->now_ = s->data_.events().empty() ? 0 : s->data_.events().back().time + 1;
    // Per-user event lists (a counting sort of the time-ordered events) for history().
    const auto& events = s->data_.events();
    s->userEventOffset_.assign(s->data_.userCount() + 1, 0);
    for (const Event& e : events) ++s->userEventOffset_[static_cast<std::size_t>(e.user) + 1];
    for (std::size_t u = 0; u < s->data_.userCount(); ++u) s->userEventOffset_[u + 1] += s->userEventOffset_[u];
    s->userEvents_.resize(events.size());
    std::vector<std::int64_t> next(s->userEventOffset_.begin(), s->userEventOffset_.end() - 1);
    for (std::size_t p = 0; p < events.size(); ++p) s->userEvents_[next[events[p].user]++] = static_cast<std::uint32_t>(p);
    s->fallback_ = std::make_unique<PopularityRecommender>();
    SS_TRY(s->fallback_->fit(s->train_, {s->now_, options.seed, options.threads}, job));
    return s;
}

Result<std::vector<std::string>> RecommendationSession::itemsAboveNegativeShare(double share) const {
    std::lock_guard lock(sentimentMutex_);
    if (!itemSentiment_) {
        auto sentiment = sentiment::SentimentOverview::compute(path_);
        if (!sentiment) return sentiment.error();
        itemSentiment_.emplace();
        for (const auto& item : sentiment->items)
            if (item.tally.labelled() > 0) itemSentiment_->push_back({item.externalId, {item.tally.shareNegative(), item.tally.labelled()}});
    }
    std::vector<std::string> out;
    for (const auto& [id, sentiment] : *itemSentiment_)
        if (sentiment.second >= 3 && sentiment.first > share) out.push_back(id);
    return out;
}

const Recommender* RecommendationSession::model(const std::string& name) const {
    auto it = models_.find(name);
    return it == models_.end() ? nullptr : it->second.get();
}

Status RecommendationSession::ensureItemVectors(const JobContext& job) {
    if (vectors_) return {};
    auto v = loadItemVectors(path_, data_, options_.vectors, job);
    if (!v) return v.error();
    vectors_ = std::move(*v);
    return {};
}

Status RecommendationSession::train(const std::string& name, const RecommenderConfig& config, const JobContext& job) {
    if (!RecommenderFactory::known(name)) return makeError(ErrorCode::Usage, "unknown recommender '" + name + "'");
    if (RecommenderFactory::needsItemVectors(name, config)) SS_TRY(ensureItemVectors(job));
    if (RecommenderFactory::needsItemTexts(name, config) && !texts_) {
        auto t = loadItemTexts(path_, data_, job);
        if (!t) return t.error();
        texts_ = std::move(*t);
    }
    if (RecommenderFactory::needsImportedFactors(name, config) && !importedAls_) {
        auto f = loadImportedAls(path_, data_);
        if (!f) return f.error();
        importedAls_ = std::move(*f);
    }
    auto made = RecommenderFactory::create(name, config, {vectors_ ? &*vectors_ : nullptr, texts_ ? &*texts_ : nullptr, importedAls_});
    if (!made) return made.error();
    std::shared_ptr<Recommender> model = *made;
    cached_.erase(name);
    const bool cacheable = options_.modelCache && !model->stateTag().empty();
    const std::string key = cacheable ? ModelCache::key(*model, {data_.fingerprint(), options_.weights.describe(),
                                                                 vectors_ ? vectors_->model : std::string(), options_.seed})
                                      : std::string();
    if (cacheable) {
        auto state = ModelCache::find(path_, key);
        if (!state) return state.error();
        if (*state && model->restoreState(train_, **state)) {
            models_[name] = model;
            cached_.insert(name);
            return {};
        }
    }
    SS_TRY(model->fit(train_, {now_, options_.seed, options_.threads}, job));
    models_[name] = model;
    if (cacheable) {
        // Keeping the model is a convenience: a project that cannot take it (read-only file, full disk)
        // still gets its recommendations.
        const auto state = model->saveState();
        if (!state.empty()) {
            if (Status kept = ModelCache::store(path_, key, name, state); !kept)
                job.report(JobProgress{-1, stages::kModelNotKept, kept.error().message});
        }
    }
    return {};
}

Result<std::vector<std::vector<Scored>>> RecommendationSession::topLists(const Recommender& m, std::span<const std::int32_t> users,
                                                                         std::size_t k, const MerchandisingRules& rules, bool includeKnown,
                                                                         const JobContext& job) const {
    MerchandisingRules resolved;
    const MerchandisingRules* applied = &rules;
    if (rules.buryNegativeAbove && rules.negativeItems.empty()) {
        resolved = rules;
        auto negative = itemsAboveNegativeShare(*rules.buryNegativeAbove);
        if (!negative) return negative.error();
        resolved.negativeItems = std::move(*negative);
        applied = &resolved;
    }
    const CompiledRules compiled = CompiledRules::compile(*applied, data_);
    // MMR compares items by their text vectors (ensureItemVectors()).
    TopKOptions o;
    o.k = k;
    o.excludeTraining = !includeKnown;
    o.rules = applied->empty() ? nullptr : &compiled;
    o.similarity = vectors_ ? vectors_->vectors.get() : nullptr;
    o.fallback = fallback_.get();
    o.threads = options_.threads;
    return TopKEngine::recommend(m, users, o, job);
}

Result<std::vector<Recommendation>> RecommendationSession::recommend(const std::string& name, std::int32_t user, std::size_t k,
                                                                     const MerchandisingRules& rules, bool includeKnown,
                                                                     std::size_t explain) const {
    const Recommender* m = model(name);
    if (!m) return makeError(ErrorCode::Usage, "the '" + name + "' recommender is not trained");
    if (user < 0 || user >= static_cast<std::int32_t>(data_.userCount())) return makeError(ErrorCode::Usage, "no such user");
    const std::int32_t users[1] = {user};
    auto lists = topLists(*m, users, k, rules, includeKnown, {});
    if (!lists) return lists.error();
    const bool fallback = !m->coversUser(user);
    std::vector<Recommendation> out;
    for (const Scored& s : (*lists)[0]) {
        Recommendation r{s.item, s.score, s.adjusted, fallback, {}, {}};
        if (!fallback && explain > 0) {
            r.because = m->explain(user, s.item, explain);
            r.words = m->explainTerms(user, s.item, explain);
        }
        out.push_back(std::move(r));
    }
    return out;
}

Result<std::vector<GroupRecommendation>> RecommendationSession::recommendToGroup(const std::string& name, std::span<const std::int32_t> users,
                                                                                std::size_t k, std::size_t n, const MerchandisingRules& rules,
                                                                                bool includeKnown, const JobContext& job) const {
    const Recommender* m = model(name);
    if (!m) return makeError(ErrorCode::Usage, "the '" + name + "' recommender is not trained");
    for (auto u : users)
        if (u < 0 || u >= static_cast<std::int32_t>(data_.userCount())) return makeError(ErrorCode::Usage, "no such user");
    auto lists = topLists(*m, users, k, rules, includeKnown, job);
    if (!lists) return lists.error();
    std::unordered_map<std::int32_t, GroupRecommendation> byItem;
    for (const auto& list : *lists)
        for (std::size_t place = 0; place < list.size(); ++place) {
            auto& g = byItem[list[place].item];
            g.item = list[place].item;
            ++g.customers;
            g.meanRank += double(place + 1);  // a sum until divided below
        }
    std::vector<GroupRecommendation> out;
    out.reserve(byItem.size());
    for (auto& [item, g] : byItem) {
        g.meanRank /= double(g.customers);
        out.push_back(g);
    }
    auto better = [](const GroupRecommendation& a, const GroupRecommendation& b) {
        if (a.customers != b.customers) return a.customers > b.customers;
        if (a.meanRank != b.meanRank) return a.meanRank < b.meanRank;
        return a.item < b.item;
    };
    const std::size_t keep = std::min(n, out.size());
    std::partial_sort(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(keep), out.end(), better);
    out.resize(keep);
    return out;
}

Result<std::vector<std::pair<std::int32_t, float>>> RecommendationSession::audience(const std::string& name, std::int32_t item,
                                                                                    std::size_t k, const JobContext& job) const {
    const Recommender* m = model(name);
    if (!m) return makeError(ErrorCode::Usage, "the '" + name + "' recommender is not trained");
    if (item < 0 || item >= m->items()) return makeError(ErrorCode::Usage, "no such item");
    // Every covered user without the item, scored for it a chunk at a time, so Cancel is heard: the
    // models without a fast path (scoreItem's default) score each chunk's whole rows.
    std::vector<std::int32_t> ids;
    for (std::int32_t u = 0; u < m->users(); ++u)
        if (m->coversUser(u) && !train_->weights.contains(u, item)) ids.push_back(u);
    constexpr std::size_t kChunk = 1024;
    std::vector<float> scores(ids.size());
    for (std::size_t b = 0; b < ids.size(); b += kChunk) {
        if (job.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");
        m->scoreItem(std::span(ids).subspan(b, std::min(kChunk, ids.size() - b)), item, scores.data() + b);
        job.report(double(b) / double(ids.size()), stages::kScoringUsers);
    }
    std::vector<std::pair<std::int32_t, float>> all;
    all.reserve(ids.size());
    for (std::size_t r = 0; r < ids.size(); ++r) all.emplace_back(ids[r], scores[r]);
    keepTopN(all, k);
    return all;
}

std::vector<HistoryEntry> RecommendationSession::history(std::int32_t user) const {
    std::vector<HistoryEntry> out;
    if (user < 0 || user >= static_cast<std::int32_t>(data_.userCount())) return out;
    for (auto p = userEventOffset_[user]; p < userEventOffset_[user + 1]; ++p) {
        const Event& e = data_.events()[userEvents_[p]];
        out.push_back({e.item, e.type, e.time});
    }
    return out;
}

}  // namespace ss::rec
