#include "SentimentText.h"

#include <QLocale>

#include <cmath>

#include "Text.h"

namespace ss::ui {

QString SentimentText::sentiment(int label) {
    if (label < 0) return tr("negative");
    if (label > 0) return tr("positive");
    return tr("neutral");
}

QString SentimentText::classifier(const std::string& name) {
    if (name == "tfidf") return tr("TF-IDF + logistic regression");
    if (name == "head") return tr("Logistic regression on encoder vectors");
    if (name == "mlp") return tr("MLP on encoder vectors");
    if (name == "finetune") return tr("Encoder fine-tuned with a head");
    return qs(name);
}

QString SentimentText::scheme(const sentiment::LabelScheme& scheme) {
    const QString source = scheme.source == sentiment::LabelSource::Stars ? tr("labels from stars (4–5 positive, 1–2 negative, 3 neutral)")
                                                                          : tr("labels imported with the reviews");
    return scheme.classes == 2 ? tr("%1, 2 classes (neutral left out)").arg(source) : tr("%1, 3 classes").arg(source);
}

QString SentimentText::overviewDefinition(const sentiment::SentimentOverview& overview, sentiment::LabelSource source, const QString& zone) {
    const QString known = source == sentiment::LabelSource::Stars ? tr("its stars (4–5 positive, 3 neutral, 1–2 negative)") : tr("its imported label");
    if (overview.classifier.empty())
        return tr("Each review counts with %1; no classifier has labelled the others yet. Months in %2.").arg(known, zone);
    return tr("Each review counts with %1, otherwise with the label of the kept classifier (%2). Months in %3.")
        .arg(known, classifier(overview.classifier), zone);
}

QString SentimentText::runSummary(const sentiment::SentimentReport& r) {
    const QLocale locale;
    QString text = tr("%1. %2 reviews, %3 labelled: %4 for training, %5 for validation, %6 held out (split by reviewer, seed %7).")
                       .arg(scheme(r.scheme), locale.toString(static_cast<qlonglong>(r.reviews)), locale.toString(static_cast<qlonglong>(r.labelled)),
                            locale.toString(static_cast<qlonglong>(r.train)), locale.toString(static_cast<qlonglong>(r.validation)),
                            locale.toString(static_cast<qlonglong>(r.test)), QString::number(r.seed));
    if (r.duplicateTexts > 0) text += ' ' + tr("%n reviews repeating an earlier text were left out.", nullptr, static_cast<int>(r.duplicateTexts));
    text += ' ';
    if (r.choice == "requested")
        text += tr("Kept: %1 (as requested).").arg(classifier(r.chosen));
    else if (r.choice == sentiment::kChoiceCrossValidation)
        text += tr("Kept: %1, the best macro-F1 in %2-fold cross-validation over the training and validation reviews (grouped by "
                   "reviewer): the validation part alone is too small to choose on.")
                    .arg(classifier(r.chosen))
                    .arg(r.crossValidationFolds);
    else if (r.choice == sentiment::kChoiceCheapestUnlessBeaten)
        text += tr("Kept: %1. Classifiers are tried from the cheapest; a costlier one is kept instead only when it beats the kept one "
                   "on the validation reviews beyond doubt (the 95% paired bootstrap interval of the macro-F1 difference is above 0).")
                    .arg(classifier(r.chosen));
    else
        text += tr("Kept: %1, the best macro-F1 on the validation reviews.").arg(classifier(r.chosen));
    if (!r.encoder.empty() && std::isfinite(r.unknownTokenRate))
        text += ' ' + tr("The encoder %1 reads %2 of the word pieces as unknown.").arg(qs(r.encoder), percent(r.unknownTokenRate));
    return text;
}

QString SentimentText::percent(double share) {
    if (!std::isfinite(share)) return QStringLiteral("–");
    return QLocale().toString(100.0 * share, 'f', 1) + QLatin1Char('%');
}

}  // namespace ss::ui
