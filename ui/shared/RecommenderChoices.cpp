#include "RecommenderChoices.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QStandardItemModel>
#include <QThread>

#include <algorithm>

#include "Text.h"
#include "rec/Factory.h"
#include "rec/RecommenderCatalog.h"
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

namespace {

// The catalog's (core/rec/RecommenderCatalog) labels, descriptions and parameter help, for lupdate;
// the test of this class checks every text the catalog holds is translated.
[[maybe_unused]] const char* const kCatalogTexts[] = {
    QT_TRANSLATE_NOOP("Recommender", "Popularity"),
    QT_TRANSLATE_NOOP("Recommender", "Item-kNN"),
    QT_TRANSLATE_NOOP("Recommender", "ALS (matrix factorisation)"),
    QT_TRANSLATE_NOOP("Recommender", "ALS"),
    QT_TRANSLATE_NOOP("Recommender", "ALS (imported factors)"),
    QT_TRANSLATE_NOOP("Recommender", "ALS (imported)"),
    QT_TRANSLATE_NOOP("Recommender", "Customer and item factors trained on a cluster (cluster/als.py on Spark MLlib) and imported with import-results; served and explained like ALS."),
    QT_TRANSLATE_NOOP("Recommender", "Content (BERT)"),
    QT_TRANSLATE_NOOP("Recommender", "Content"),
    QT_TRANSLATE_NOOP("Recommender", "Content (words)"),
    QT_TRANSLATE_NOOP("Recommender", "Two-tower (BERT)"),
    QT_TRANSLATE_NOOP("Recommender", "Two-tower"),
    QT_TRANSLATE_NOOP("Recommender", "Hybrid"),
    QT_TRANSLATE_NOOP("Recommender", "The most interacted-with items, the same for everyone; the baseline to beat."),
    QT_TRANSLATE_NOOP("Recommender", "Items bought or viewed by the same customers (cosine over co-occurrence)."),
    QT_TRANSLATE_NOOP("Recommender", "Implicit matrix factorisation by alternating least squares (Hu, Koren & Volinsky 2008)."),
    QT_TRANSLATE_NOOP("Recommender", "Items whose product text is closest in meaning to what the customer interacted with (sentence encoder)."),
    QT_TRANSLATE_NOOP("Recommender", "Items that share the most telling words with what the customer interacted with (TF-IDF; Chinese by character n-grams); no sentence encoder needed."),
    QT_TRANSLATE_NOOP("Recommender", "A word counts only when at least this many items use it."),
    QT_TRANSLATE_NOOP("Recommender", "Words used by a larger share of the items are ignored, like stop words."),
    QT_TRANSLATE_NOOP("Recommender", "A neural two-tower model over the items' text embeddings, trained on the interactions (LibTorch)."),
    QT_TRANSLATE_NOOP("Recommender", "A weighted blend of two recommenders' standardised scores (by default ALS and content)."),
    QT_TRANSLATE_NOOP("Recommender", "Count only the last N days before the cut-off (none: all of the training time)."),
    QT_TRANSLATE_NOOP("Recommender", "Most similar items kept per item."),
    QT_TRANSLATE_NOOP("Recommender", "Shrinks the similarity of items with few customers in common towards zero."),
    QT_TRANSLATE_NOOP("Recommender", "Where similarities are computed: auto (a CUDA GPU when present), cpu or cuda."),
    QT_TRANSLATE_NOOP("Recommender", "Length of the customer and item factor vectors."),
    QT_TRANSLATE_NOOP("Recommender", "Alternating passes over customers and items."),
    QT_TRANSLATE_NOOP("Recommender", "Conjugate-gradient steps per row and pass (the cg solver)."),
    QT_TRANSLATE_NOOP("Recommender", "L2 penalty on the factors."),
    QT_TRANSLATE_NOOP("Recommender", "Confidence growth: confidence = 1 + alpha × interaction weight."),
    QT_TRANSLATE_NOOP("Recommender", "cg (conjugate gradient, fast) or cholesky (exact solves)."),
    QT_TRANSLATE_NOOP("Recommender", "Where it trains: auto (a CUDA GPU when present), cpu or cuda."),
    QT_TRANSLATE_NOOP("Recommender", "Older interactions count half as much every this many days (0: no decay)."),
    QT_TRANSLATE_NOOP("Recommender", "Length of the user and item embeddings (scored as their dot product)."),
    QT_TRANSLATE_NOOP("Recommender", "Width of each tower's hidden layer."),
    QT_TRANSLATE_NOOP("Recommender", "Items sampled as negatives per positive (sigmoid + binary cross-entropy)."),
    QT_TRANSLATE_NOOP("Recommender",
                      "Each training step draws this many negatives, and every positive's negatives are picked from them (0: drawn apart for each positive): the item tower then runs over fewer rows."),
    QT_TRANSLATE_NOOP("Recommender", "Positives per training step."),
    QT_TRANSLATE_NOOP("Recommender", "Most passes over the training interactions."),
    QT_TRANSLATE_NOOP("Recommender", "Epochs without a better validation result before training stops (the best weights are kept); by the ranking, one clearly worse epoch stops it."),
    QT_TRANSLATE_NOOP("Recommender",
                      "What picks the best epoch: ranking (NDCG@10 of held-out customers' later items over the whole catalogue), loss (the validation loss) or auto (ranking when epochs are samples of a big shop's examples, else loss)."),
    QT_TRANSLATE_NOOP("Recommender", "Most recent items of a customer the user tower reads."),
    QT_TRANSLATE_NOOP("Recommender", "Training examples drawn afresh for each epoch (0: every one); validation uses a fixed tenth as many."),
    QT_TRANSLATE_NOOP("Recommender", "Adam's step size."),
    QT_TRANSLATE_NOOP("Recommender", "L2 penalty on the weights."),
    QT_TRANSLATE_NOOP("Recommender", "Share of training customers held out to choose the best epoch."),
    QT_TRANSLATE_NOOP("Recommender", "Share of negatives drawn by popularity rather than uniformly."),
    QT_TRANSLATE_NOOP("Recommender", "The user tower weighs history items by attention instead of averaging them."),
    QT_TRANSLATE_NOOP("Recommender", "The user tower pools the item tower's outputs of the history items."),
    QT_TRANSLATE_NOOP("Recommender", "Adds a learned embedding per item id to its text (no help for new items)."),
    QT_TRANSLATE_NOOP("Recommender", "The first recommender blended."),
    QT_TRANSLATE_NOOP("Recommender", "The second recommender blended."),
    QT_TRANSLATE_NOOP("Recommender", "Weight of the first recommender's standardised scores (the second gets the rest)."),
};

QString translated(const char* text) { return QCoreApplication::translate("Recommender", text); }

}  // namespace

QString RecommenderChoices::label(const QString& name) {
    const auto* info = rec::findRecommender(utf8(name));
    return info ? translated(info->label) : name;
}

QString RecommenderChoices::shortLabel(const QString& name) {
    const auto* info = rec::findRecommender(utf8(name));
    return info ? translated(info->shortLabel) : name;
}

QString RecommenderChoices::description(const QString& name) {
    const auto* info = rec::findRecommender(utf8(name));
    return info ? translated(info->description) : QString();
}

QString RecommenderChoices::parameterHelp(const QString& key) {
    for (const auto& info : rec::recommenderCatalog())
        for (const auto& p : info.parameters)
            if (key == QLatin1String(p.key)) return translated(p.help);
    return {};
}

QStringList RecommenderChoices::defaultComparison() {
    QStringList out;
    for (const auto& n : rec::defaultComparison()) out << qs(n);
    return out;
}

void RecommenderChoices::addChoices(QComboBox& box) {
    for (const QString& n : names()) {
        box.addItem(label(n), n);
        const QString why = unavailableReason(n);
        box.setItemData(box.count() - 1, why.isEmpty() ? description(n) : why, Qt::ToolTipRole);
        if (auto* model = qobject_cast<QStandardItemModel*>(box.model()); model && !why.isEmpty())
            model->item(box.count() - 1)->setEnabled(false);
    }
}

QString RecommenderChoices::unavailableReason(const QString& name) {
    if (const auto* info = rec::findRecommender(utf8(name)); info && info->needsTorch && !rec::TwoTowerRecommender::available())
        return tr("This build has no LibTorch: the two-tower model is not available.");
    // A hybrid may need vectors depending on its parts; its parts are chosen later, so it says so too.
    const auto* info = rec::findRecommender(utf8(name));
    if (!info || (!info->needsItemVectors && name != QLatin1String("hybrid"))) return {};
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
    case rec::SimilarityMeasure::SharedWords: return tr("Words in common (cosine of TF-IDF word vectors)");
    }
    return {};
}

}  // namespace ss::ui
