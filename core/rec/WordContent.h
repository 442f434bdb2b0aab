// WordContentRecommender, "Content (words)": the content model over the words of the item text
// instead of a sentence encoder's vectors. Items are TF-IDF rows over their text (word unigrams and
// bigrams for space-separated scripts, character 1- to 3-grams for Chinese; see the vectorizer the
// factory gives it), a user is the recency-weighted sum of the rows of the items they interacted with,
//     u = Σ_i a_i x_i,   a_i = w(u,i) · 2^(−age_i / halfLife),
// and score(u, j) = cos(u, x_j) — the BERT content model's scoring on a different item representation,
// so the two can be compared item for item. Needs no encoder and reads any language its terms cover;
// blind to synonyms and translations (BERT's strength). Cold-start items are scored.
// fit() (which builds the TF-IDF rows) runs on one worker thread; afterwards every method is const and
// safe from several threads at once.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "rec/Recommender.h"

namespace ss::rec {

struct WordContentOptions {
    double halfLifeDays = 30.0;  // 0: no recency decay
    int minItems = 2;            // a term must occur in at least this many items (else it links nothing)
    double maxItemShare = 0.5;   // terms in a larger share of the items are ignored (stop words)
};

// Item texts → L2-normalised TF-IDF rows (items × terms) and the term of each column.
struct TermMatrix {
    CsrMatrix rows;
    std::vector<std::string> terms;
};
using TermVectorizer = std::function<TermMatrix(const std::vector<std::string>& texts, const WordContentOptions& options)>;

class WordContentRecommender final : public Recommender {
public:
    // texts: one per dense item index ("" for items without text).
    WordContentRecommender(std::shared_ptr<const std::vector<std::string>> texts, TermVectorizer vectorize,
                           WordContentOptions options = {});
    std::string name() const override { return "content_words"; }
    boost::json::object parameters() const override;
    Status fit(std::shared_ptr<const Interactions> train, const FitContext& fit, const JobContext& job) override;
    void scoreBlock(std::span<const std::int32_t> users, float* out) const override;
    std::vector<Contribution> explain(std::int32_t user, std::int32_t item, std::size_t n) const override;
    // The item's terms with the largest share of cos(u, x_item): what matched, in words.
    std::vector<std::string> explainTerms(std::int32_t user, std::int32_t item, std::size_t n) const override;
    SimilarItems similarItems(std::int32_t item, std::size_t n) const override;
    bool scoresColdItems() const override { return true; }

    // The n terms two items share that add most to their cosine (largest product of weights first,
    // a term inside a stronger one left out):
    // why the model finds them alike, in words.
    std::vector<std::string> sharedTerms(std::int32_t a, std::int32_t b, std::size_t n) const;
    const TermMatrix& termMatrix() const { return matrix_; }

private:
    std::vector<float> historyWeights(std::int32_t user) const;
    // The user's sparse vector into `dense` (size terms, zero on entry); returns its non-zero terms.
    std::vector<std::int32_t> accumulateUser(std::int32_t user, std::vector<float>& dense) const;
    // out[j] += weight · x_j[t] for every item j holding term t.
    void addTermColumn(std::int32_t term, float weight, float* out) const;

    std::shared_ptr<const std::vector<std::string>> texts_;
    TermVectorizer vectorize_;
    WordContentOptions options_;
    TermMatrix matrix_;
    CsrMatrix byTerm_;  // the rows transposed: the items holding each term
    std::int64_t now_ = 0;
};

}  // namespace ss::rec
