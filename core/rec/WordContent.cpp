#include "rec/WordContent.h"

#include <algorithm>
#include <cmath>

#include "common/TopN.h"

namespace ss::rec {
namespace {

// Σ a[t] · b[t] over two rows with sorted indices.
float sparseDot(std::span<const std::int32_t> ai, std::span<const float> av, std::span<const std::int32_t> bi,
                std::span<const float> bv) {
    float sum = 0;
    std::size_t p = 0, q = 0;
    while (p < ai.size() && q < bi.size()) {
        if (ai[p] < bi[q]) ++p;
        else if (bi[q] < ai[p]) ++q;
        else sum += av[p++] * bv[q++];
    }
    return sum;
}

// The n strongest of (term, weight) pairs as words a person reads: "coffee" adds nothing beside
// "coffee machine", nor "咖啡" beside "咖啡机", so a term inside a stronger one is skipped, and a term
// holding a stronger chosen one takes its place.
std::vector<std::string> readableTerms(std::vector<std::pair<std::int32_t, float>> weighted, const std::vector<std::string>& terms,
                                       std::size_t n) {
    keepTopN(weighted, weighted.size());
    std::vector<std::string> out;
    for (const auto& [term, weight] : weighted) {
        if (out.size() == n) break;
        const std::string& text = terms[static_cast<std::size_t>(term)];
        if (std::any_of(out.begin(), out.end(), [&](const std::string& kept) { return kept.find(text) != std::string::npos; })) continue;
        auto holds = [&](const std::string& kept) { return text.find(kept) != std::string::npos; };
        if (auto first = std::find_if(out.begin(), out.end(), holds); first != out.end()) {
            *first = text;
            out.erase(std::remove_if(first + 1, out.end(), holds), out.end());
        } else {
            out.push_back(text);
        }
    }
    return out;
}

}  // namespace

WordContentRecommender::WordContentRecommender(std::shared_ptr<const std::vector<std::string>> texts, TermVectorizer vectorize,
                                               WordContentOptions options)
    : texts_(std::move(texts)), vectorize_(std::move(vectorize)), options_(options) {}

boost::json::object WordContentRecommender::parameters() const {
    return {{"half_life_days", options_.halfLifeDays},
            {"min_items", options_.minItems},
            {"max_item_share", options_.maxItemShare},
            {"terms", static_cast<std::int64_t>(matrix_.terms.size())}};
}

Status WordContentRecommender::fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) {
    if (!texts_ || static_cast<int>(texts_->size()) != train->items())
        return makeError(ErrorCode::Internal, "word content: " + std::to_string(texts_ ? texts_->size() : 0) + " item texts for " +
                                                  std::to_string(train->items()) + " items");
    if (!vectorize_) return makeError(ErrorCode::Internal, "word content: no vectorizer");
    if (job.cancelled()) return makeError(ErrorCode::Cancelled, "training cancelled");
    matrix_ = vectorize_(*texts_, options_);
    if (matrix_.rows.rows != train->items())
        return makeError(ErrorCode::Internal, "word content: the vectorizer gave " + std::to_string(matrix_.rows.rows) + " rows");
    byTerm_ = matrix_.rows.transposed();
    train_ = std::move(train);
    now_ = fit.now;
    return {};
}

std::vector<float> WordContentRecommender::historyWeights(std::int32_t user) const {
    return train_->recencyWeights(user, now_, options_.halfLifeDays);
}

std::vector<std::int32_t> WordContentRecommender::accumulateUser(std::int32_t user, std::vector<float>& dense) const {
    std::vector<std::int32_t> touched;
    const auto items = train_->weights.rowIndices(user);
    const auto a = historyWeights(user);
    for (std::size_t h = 0; h < items.size(); ++h) {
        const auto terms = matrix_.rows.rowIndices(items[h]);
        const auto values = matrix_.rows.rowValues(items[h]);
        for (std::size_t p = 0; p < terms.size(); ++p) {
            if (dense[terms[p]] == 0.0f) touched.push_back(terms[p]);
            dense[terms[p]] += a[h] * values[p];
        }
    }
    return touched;
}

void WordContentRecommender::addTermColumn(std::int32_t term, float weight, float* out) const {
    const auto items = byTerm_.rowIndices(term);
    const auto values = byTerm_.rowValues(term);
    for (std::size_t p = 0; p < items.size(); ++p) out[items[p]] += weight * values[p];
}

void WordContentRecommender::scoreBlock(std::span<const std::int32_t> users, float* out) const {
    const int n = items();
    std::vector<float> dense(matrix_.terms.size(), 0.0f);
    for (std::size_t r = 0; r < users.size(); ++r) {
        float* row = out + r * static_cast<std::size_t>(n);
        std::fill(row, row + n, 0.0f);
        const auto touched = accumulateUser(users[r], dense);
        double norm = 0;
        for (std::int32_t t : touched) norm += double(dense[t]) * double(dense[t]);
        const float inv = norm > 0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
        for (std::int32_t t : touched) {
            if (inv > 0) addTermColumn(t, dense[t] * inv, row);
            dense[t] = 0.0f;
        }
    }
}

std::vector<Contribution> WordContentRecommender::explain(std::int32_t user, std::int32_t item, std::size_t n) const {
    std::vector<float> dense(matrix_.terms.size(), 0.0f);
    const auto touched = accumulateUser(user, dense);
    double norm = 0;
    for (std::int32_t t : touched) norm += double(dense[t]) * double(dense[t]);
    if (norm <= 0) return {};
    const auto items = train_->weights.rowIndices(user);
    const auto a = historyWeights(user);
    const auto& m = matrix_.rows;
    std::vector<Contribution> all;
    for (std::size_t h = 0; h < items.size(); ++h) {
        const float cosine = sparseDot(m.rowIndices(items[h]), m.rowValues(items[h]), m.rowIndices(item), m.rowValues(item));
        if (cosine > 0) all.push_back({items[h], static_cast<float>(a[h] * cosine / std::sqrt(norm))});
    }
    return topContributions(std::move(all), n);
}

std::vector<std::string> WordContentRecommender::explainTerms(std::int32_t user, std::int32_t item, std::size_t n) const {
    if (!train_ || user < 0 || user >= users() || item < 0 || item >= items()) return {};
    std::vector<float> dense(matrix_.terms.size(), 0.0f);
    accumulateUser(user, dense);
    const auto terms = matrix_.rows.rowIndices(item);
    const auto values = matrix_.rows.rowValues(item);
    std::vector<std::pair<std::int32_t, float>> matched;
    for (std::size_t p = 0; p < terms.size(); ++p)
        if (dense[terms[p]] > 0) matched.emplace_back(terms[p], dense[terms[p]] * values[p]);
    return readableTerms(std::move(matched), matrix_.terms, n);
}

SimilarItems WordContentRecommender::similarItems(std::int32_t item, std::size_t n) const {
    SimilarItems out{SimilarityMeasure::SharedWords, {}};
    if (item < 0 || item >= matrix_.rows.rows || matrix_.rows.rowSize(item) == 0) return out;
    std::vector<float> scores(static_cast<std::size_t>(matrix_.rows.rows), 0.0f);
    const auto terms = matrix_.rows.rowIndices(item);
    const auto values = matrix_.rows.rowValues(item);
    for (std::size_t p = 0; p < terms.size(); ++p) addTermColumn(terms[p], values[p], scores.data());
    for (std::int32_t j = 0; j < matrix_.rows.rows; ++j)
        if (j != item && scores[j] > 0) out.items.emplace_back(j, scores[j]);
    keepTopN(out.items, n);
    for (const auto& [j, score] : out.items) out.words.push_back(sharedTerms(item, j, 3));
    return out;
}

std::vector<std::string> WordContentRecommender::sharedTerms(std::int32_t a, std::int32_t b, std::size_t n) const {
    const auto& m = matrix_.rows;
    if (a < 0 || b < 0 || a >= m.rows || b >= m.rows) return {};
    const auto ai = m.rowIndices(a), bi = m.rowIndices(b);
    const auto av = m.rowValues(a), bv = m.rowValues(b);
    std::vector<std::pair<std::int32_t, float>> common;
    for (std::size_t p = 0, q = 0; p < ai.size() && q < bi.size();) {
        if (ai[p] < bi[q]) ++p;
        else if (bi[q] < ai[p]) ++q;
        else common.emplace_back(ai[p], av[p] * bv[q]), ++p, ++q;
    }
    return readableTerms(std::move(common), matrix_.terms, n);
}

}  // namespace ss::rec
