// SentimentText: the translated words of the Sentiment screen — sentiment and classifier names, the
// label scheme, the overview's definition sentence and the training run's summary — composed from
// the result structs' fields so each language orders them its own way. GUI thread only (uses tr()).
#pragma once

#include <QCoreApplication>
#include <QString>

#include "sentiment/SentimentOverview.h"
#include "sentiment/SentimentReport.h"

namespace ss::ui {

class SentimentText {
    Q_DECLARE_TR_FUNCTIONS(SentimentText)
public:
    static QString sentiment(int label);  // -1, 0, 1
    static QString classifier(const std::string& name);  // "tfidf" → "TF-IDF + logistic regression"
    static QString scheme(const sentiment::LabelScheme& scheme);
    static QString overviewDefinition(const sentiment::SentimentOverview& overview, sentiment::LabelSource source, const QString& zone);
    static QString runSummary(const sentiment::SentimentReport& report);
    static QString percent(double share);  // "12.3%" or "–" when undefined
};

}  // namespace ss::ui
