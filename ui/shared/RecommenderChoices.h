// RecommenderChoices: what the screens offer of core's recommenders — their names in the factory's
// order with translated labels and one-line descriptions — and the settings that go with them (where
// item text vectors come from, how many threads training may use). Reads settings: GUI thread only;
// the values it returns are plain and may be carried into jobs.
#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include "rec/ItemVectors.h"

#include "rec/Recommender.h"

class QComboBox;

namespace ss::ui {

class RecommenderChoices {
    Q_DECLARE_TR_FUNCTIONS(RecommenderChoices)
public:
    static QStringList names();                    // "popularity", "itemknn", "als", "content", "content_words", ...
    static QString label(const QString& name);     // "ALS (matrix factorisation)", ...
    static QString shortLabel(const QString& name);  // "ALS", "Two-tower", ... (job titles, narrow places)
    static QString description(const QString& name);
    static QString parameterHelp(const QString& key);  // "als.factors" → its help, translated
    static QStringList defaultComparison();            // the recommenders checked at first
    // Adds every recommender to a combo box (data: its name): label, description as tooltip; one
    // this installation cannot run is listed greyed out with the reason as its tooltip.
    static void addChoices(QComboBox& box);
    static QString similarityMeasure(rec::SimilarityMeasure measure);  // the similar-items panel's header
    // Why `name` cannot be trained now (no LibTorch, no sentence encoder) and how to enable it; empty when it can.
    static QString unavailableReason(const QString& name);
    // Item text vectors: the encoder chosen in Settings when this build has LibTorch, else the cache.
    static rec::ItemVectorOptions vectorOptions();
    static int threads();                          // worker threads for training and scoring
};

}  // namespace ss::ui
