#include "TfidfModel.h"

#include <algorithm>
#include <cmath>

#include "TextTerms.h"

namespace ss::sentiment {

TfidfModel TfidfModel::fit(const std::vector<std::string>& texts, const TfidfOptions& options) {
    std::unordered_map<std::string, std::int64_t> df;
    for (const auto& text : texts) {
        auto terms = textTerms(text);
        std::sort(terms.begin(), terms.end());
        terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
        for (auto& t : terms) ++df[std::move(t)];
    }
    std::vector<std::pair<std::string, std::int64_t>> kept;
    const double maxCount = options.maxDocumentShare * static_cast<double>(texts.size());
    for (auto& [term, count] : df)
        if (count >= options.minDocumentFrequency && static_cast<double>(count) <= maxCount) kept.emplace_back(term, count);
    if (kept.size() > options.maxTerms) {
        std::nth_element(kept.begin(), kept.begin() + static_cast<std::ptrdiff_t>(options.maxTerms), kept.end(),
                         [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
        kept.resize(options.maxTerms);
    }
    // Terms in alphabetical order, as scikit-learn numbers them: the model's bytes do not depend on
    // hash-map order.
    std::sort(kept.begin(), kept.end());
    TfidfModel model;
    const double n = static_cast<double>(texts.size());
    for (const auto& [term, count] : kept) {
        model.terms_.push_back(term);
        model.idf_.push_back(static_cast<float>(std::log((1.0 + n) / (1.0 + static_cast<double>(count))) + 1.0));
    }
    model.buildIndex();
    return model;
}

void TfidfModel::buildIndex() {
    index_.clear();
    index_.reserve(terms_.size());
    for (std::size_t i = 0; i < terms_.size(); ++i) index_.emplace(terms_[i], static_cast<std::int32_t>(i));
}

void TfidfModel::transform(std::string_view text, std::vector<std::int32_t>& indices, std::vector<float>& values) const {
    indices.clear();
    values.clear();
    for (const auto& term : textTerms(text))
        if (auto it = index_.find(term); it != index_.end()) indices.push_back(it->second);
    std::sort(indices.begin(), indices.end());
    std::size_t out = 0;
    double norm = 0;
    for (std::size_t i = 0; i < indices.size();) {
        std::size_t j = i;
        while (j < indices.size() && indices[j] == indices[i]) ++j;
        const double w = (1.0 + std::log(static_cast<double>(j - i))) * idf_[static_cast<std::size_t>(indices[i])];
        indices[out++] = indices[i];
        values.push_back(static_cast<float>(w));
        norm += w * w;
        i = j;
    }
    indices.resize(out);
    if (norm > 0) {
        const float inv = static_cast<float>(1.0 / std::sqrt(norm));
        for (auto& v : values) v *= inv;
    }
}

rec::CsrMatrix TfidfModel::transform(const std::vector<std::string>& texts) const {
    rec::CsrMatrix m;
    m.rows = static_cast<int>(texts.size());
    m.cols = static_cast<int>(terms_.size());
    std::vector<std::int32_t> indices;
    std::vector<float> values;
    for (const auto& text : texts) {
        transform(text, indices, values);
        m.indices.insert(m.indices.end(), indices.begin(), indices.end());
        m.values.insert(m.values.end(), values.begin(), values.end());
        m.indptr.push_back(static_cast<std::int64_t>(m.indices.size()));
    }
    return m;
}

void TfidfModel::write(rec::ModelState& state) const {
    state.write(terms_);
    state.write(idf_);
}

bool TfidfModel::read(rec::ModelState& state) {
    std::vector<std::string> terms;
    std::vector<float> idf;
    if (!state.read(terms) || !state.read(idf) || terms.size() != idf.size()) return false;
    terms_ = std::move(terms);
    idf_ = std::move(idf);
    buildIndex();
    return true;
}

}  // namespace ss::sentiment
