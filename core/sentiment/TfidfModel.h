// TfidfModel: a vocabulary with inverse document frequencies, fitted on training texts, that turns a
// text into an L2-normalised sparse TF-IDF row — scikit-learn's TfidfVectorizer conventions
// (smooth idf = ln((1+n)/(1+df)) + 1, sublinear tf = 1 + ln(tf)) over TextTerms. Build on one thread;
// transform() is const and may be called from several threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rec/Interactions.h"
#include "rec/ModelState.h"

namespace ss::sentiment {

struct TfidfOptions {
    int minDocumentFrequency = 2;
    double maxDocumentShare = 1.0;  // terms in a larger share of the texts are left out (stop words)
    std::size_t maxTerms = 400000;  // the most frequent terms (ties by term) when there are more
};

class TfidfModel {
public:
    static TfidfModel fit(const std::vector<std::string>& texts, const TfidfOptions& options = {});

    // Row of `text`: (term index, weight) sorted by index; unknown terms are dropped.
    void transform(std::string_view text, std::vector<std::int32_t>& indices, std::vector<float>& values) const;
    rec::CsrMatrix transform(const std::vector<std::string>& texts) const;

    std::size_t termCount() const { return terms_.size(); }
    const std::string& term(std::size_t index) const { return terms_[index]; }
    float idf(std::size_t index) const { return idf_[index]; }

    void write(rec::ModelState& state) const;
    bool read(rec::ModelState& state);

private:
    void buildIndex();
    std::vector<std::string> terms_;
    std::vector<float> idf_;
    std::unordered_map<std::string, std::int32_t> index_;
};

}  // namespace ss::sentiment
