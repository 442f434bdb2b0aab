#include "CrossValidation.h"

#include "common/Hash.h"
#include "sentiment/ClassifierQuality.h"
#include "sentiment/LogisticRegression.h"
#include "sentiment/TfidfModel.h"
#include "sentiment/VectorHead.h"

namespace ss::sentiment {
namespace {

rec::DenseMatrix rowsAt(const rec::DenseMatrix& all, const std::vector<std::size_t>& rows) {
    rec::DenseMatrix m(static_cast<int>(rows.size()), all.cols);
    for (std::size_t r = 0; r < rows.size(); ++r) std::copy_n(all.row(static_cast<int>(rows[r])), all.cols, m.row(static_cast<int>(r)));
    return m;
}

template <typename T>
std::vector<T> pick(const std::vector<T>& v, const std::vector<std::size_t>& rows) {
    std::vector<T> out;
    out.reserve(rows.size());
    for (std::size_t r : rows) out.push_back(v[r]);
    return out;
}

}  // namespace

std::vector<double> crossValidatedMacroF1(const CrossValidationData& data, const std::vector<CrossValidationCandidate>& candidates,
                                          int folds, std::uint64_t seed, const std::function<bool()>& stop) {
    const std::size_t n = data.labels.size();
    std::vector<int> foldOf(n);
    for (std::size_t i = 0; i < n; ++i) foldOf[i] = static_cast<int>(mix64(seed ^ mix64(static_cast<std::uint64_t>(data.reviewers[i]) + 0x9e37)) % static_cast<std::uint64_t>(folds));
    std::vector<std::vector<int>> predicted(candidates.size(), std::vector<int>(n, 0));
    for (int f = 0; f < folds; ++f) {
        std::vector<std::size_t> fit, held;
        for (std::size_t i = 0; i < n; ++i) (foldOf[i] == f ? held : fit).push_back(i);
        if (held.empty() || fit.empty()) continue;
        const auto fitLabels = pick(data.labels, fit);
        const auto weights = balancedWeights(fitLabels, data.classes);
        for (std::size_t c = 0; c < candidates.size(); ++c) {
            if (stop && stop()) return {};
            const auto& candidate = candidates[c];
            std::vector<float> probabilities;
            if (candidate.kind == ClassifierKind::Tfidf) {
                const auto tfidf = TfidfModel::fit(pick(data.texts, fit));
                LogisticOptions options;
                options.c = candidate.c;
                const auto model = LogisticRegression::fit(tfidf.transform(pick(data.texts, fit)), fitLabels, data.classes, options, stop);
                probabilities = model.predict(tfidf.transform(pick(data.texts, held)));
            } else {
                if (!data.vectors) return {};
                const auto xFit = rowsAt(*data.vectors, fit);
                const auto xHeld = rowsAt(*data.vectors, held);
                HeadTraining options = candidate.head;
                options.patience = options.maxEpochs;  // a fixed number of epochs: nothing held out to stop on
                HeadTrainingReport report;
                const LabelledRows rows{xFit.data.data(), xFit.rows, xFit.cols, &fitLabels};
                const auto head = VectorHead::from(trainHead(rows, rows, data.classes, weights, options, report,
                                                             [&](int, double, double) { return !(stop && stop()); }));
                probabilities = head.predict(xHeld);
            }
            const auto rows = argmaxRows(probabilities, data.classes);
            for (std::size_t r = 0; r < held.size() && r < rows.size(); ++r) predicted[c][held[r]] = rows[r].classIndex;
        }
    }
    if (stop && stop()) return {};
    std::vector<double> out;
    for (const auto& p : predicted) out.push_back(macroF1(data.labels, p, data.classes));
    return out;
}

}  // namespace ss::sentiment
