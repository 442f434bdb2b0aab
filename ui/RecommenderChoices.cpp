#include "RecommenderChoices.h"

#include <QThread>

#include <algorithm>

#include "Text.h"
#include "rec/Factory.h"
#include "rec/TwoTower.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "EncoderAccess.h"
#endif

namespace ss::ui {

QStringList RecommenderChoices::names() {
    QStringList out;
    for (const auto& n : rec::RecommenderFactory::names()) out << qs(n);
    return out;
}

QString RecommenderChoices::label(const QString& name) {
    if (name == "popularity") return tr("Popularity");
    if (name == "itemknn") return tr("Item-kNN");
    if (name == "als") return tr("ALS (matrix factorisation)");
    if (name == "content") return tr("Content (BERT)");
    if (name == "twotower") return tr("Two-tower (BERT)");
    if (name == "hybrid") return tr("Hybrid");
    return name;
}

QString RecommenderChoices::shortLabel(const QString& name) {
    if (name == "popularity") return tr("Popularity");
    if (name == "itemknn") return tr("Item-kNN");
    if (name == "als") return tr("ALS");
    if (name == "content") return tr("Content");
    if (name == "twotower") return tr("Two-tower");
    if (name == "hybrid") return tr("Hybrid");
    return name;
}

QString RecommenderChoices::description(const QString& name) {
    if (name == "popularity") return tr("The most interacted-with items, the same for everyone; the baseline to beat.");
    if (name == "itemknn") return tr("Items bought or viewed by the same customers (cosine over co-occurrence).");
    if (name == "als") return tr("Implicit matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008).");
    if (name == "content") return tr("Items whose product text is closest in meaning to what the customer interacted with (sentence encoder).");
    if (name == "twotower") return tr("A neural two-tower model over the items' text embeddings, trained on the interactions (LibTorch).");
    if (name == "hybrid") return tr("A weighted blend of two recommenders' standardised scores (by default ALS and content).");
    return {};
}

QString RecommenderChoices::unavailableReason(const QString& name) {
    if (name == "twotower" && !rec::TwoTowerRecommender::available())
        return tr("This build has no LibTorch: the two-tower model is not available.");
    if (name != "content" && name != "twotower" && name != "hybrid") return {};
#ifdef SHELFSENSE_WITH_TORCH
    if (EncoderAccess::fromSettings()) return {};
#endif
    return tr("Needs a sentence encoder to read the item texts, and none is installed. Add one with Help ▸ Add a sentence encoder.");
}

rec::ItemVectorOptions RecommenderChoices::vectorOptions() {
    rec::ItemVectorOptions o;
#ifdef SHELFSENSE_WITH_TORCH
    if (auto choice = EncoderAccess::fromSettings()) {
        o.modelDir = choice->modelDir;
        o.encoder = choice->options;
        return o;
    }
#endif
    o.cachedOnly = true;
    return o;
}

int RecommenderChoices::threads() { return std::max(1, QThread::idealThreadCount()); }

QString RecommenderChoices::similarityMeasure(rec::SimilarityMeasure measure) {
    switch (measure) {
    case rec::SimilarityMeasure::CoOccurrence: return tr("Co-occurrence cosine (customers in common)");
    case rec::SimilarityMeasure::ItemKnn: return tr("Item-kNN similarity (shrunk cosine)");
    case rec::SimilarityMeasure::AlsFactors: return tr("Cosine of ALS item factors");
    case rec::SimilarityMeasure::TwoTowerEmbeddings: return tr("Cosine of two-tower item embeddings");
    case rec::SimilarityMeasure::TextVectors: return tr("Cosine of item text vectors");
    }
    return {};
}

}  // namespace ss::ui
