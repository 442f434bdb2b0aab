// ModelSimilarity: "items similar to this one" in a trained model's own terms — item-kNN's kept
// neighbour similarities, the cosine of ALS or two-tower item factors, the cosine of text vectors for
// the content model — and, for models without item representations (popularity), co-occurrence
// cosine over the training interactions. A torch-free adapter over core/rec's public accessors until
// core offers Recommender::similarItems(). Pure function of const data: any thread.
#pragma once

#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <utility>
#include <vector>

#include "rec/Factory.h"
#include "rec/Recommender.h"

namespace ss::ui {

class ModelSimilarity {
    Q_DECLARE_TR_FUNCTIONS(ModelSimilarity)
public:
    struct Neighbours {
        std::vector<std::pair<std::int32_t, float>> items;  // dense index, similarity; best first
        QString measure;                                    // what the similarity is, for the header
    };
    // Never returns `item` itself. `vectors`: the session's item text vectors, if loaded.
    static Neighbours similar(const rec::Recommender& model, const rec::ItemVectorSet* vectors, std::int32_t item, std::size_t n);
    // Co-occurrence cosine |U(i) ∩ U(j)| / sqrt(|U(i)| |U(j)|) over the training interactions.
    static Neighbours coOccurrence(const rec::Interactions& train, std::int32_t item, std::size_t n);
    static Neighbours cosine(const rec::DenseMatrix& vectors, std::int32_t item, std::size_t n);
};

}  // namespace ss::ui
