#include "ClassifierQualityModel.h"

#include <QFont>
#include <QLocale>

#include "SentimentText.h"
#include "Text.h"

namespace ss::ui {

ClassifierQualityModel::ClassifierQualityModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ClassifierQualityModel::skippedReason(const sentiment::ClassifierResult& c) {
    if (c.skippedCode == "no-torch") return tr("Not trained: this build has no LibTorch.");
    if (c.skippedCode == "no-encoder") return tr("Not trained: no encoder model is installed.");
    if (c.skippedCode == "not-requested") return tr("Not trained: not asked for.");
    if (c.skippedCode == "not-enabled") return tr("Not trained: fine-tuning is off (it takes minutes without a GPU).");
    if (c.skippedCode == "cannot-tune") return tr("Not trained: these vectors do not come from an encoder that can be fine-tuned.");
    return tr("Not trained: %1").arg(qs(c.skipped));
}

void ClassifierQualityModel::setReport(sentiment::SentimentReport report) {
    beginResetModel();
    report_ = std::move(report);
    endResetModel();
}

int ClassifierQualityModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(report_.classifiers.size()); }
int ClassifierQualityModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ClassifierQualityModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& c = report_.classifiers[static_cast<std::size_t>(index.row())];
    const QLocale locale;
    auto withInterval = [&](double value, double low, double high) {
        return tr("%1 [%2, %3]").arg(locale.toString(value, 'f', 3), locale.toString(low, 'f', 3), locale.toString(high, 'f', 3));
    };
    if (role == Qt::DisplayRole) {
        if (index.column() == Classifier) return SentimentText::classifier(c.name);
        if (!c.trained) return index.column() == Settings ? skippedReason(c) : QVariant(QStringLiteral("–"));
        switch (index.column()) {
        case Validation: return locale.toString(c.validationMacroF1, 'f', 3);
        case Accuracy: return withInterval(c.heldout.accuracy, c.heldout.accuracyLow, c.heldout.accuracyHigh);
        case MacroF1: return withInterval(c.heldout.macroF1, c.heldout.macroF1Low, c.heldout.macroF1High);
        case Seconds: return locale.toString(c.seconds, 'f', 1);
        case Settings:
            if (c.name == "tfidf")
                return tr("C = %1 (chosen on validation), %2 terms: words, word pairs, characters 1–3")
                    .arg(locale.toString(c.chosenC))
                    .arg(locale.toString(static_cast<qlonglong>(c.terms)));
            if (c.name == "finetune")
                return tr("Top %1 of %2 encoder layers trained with the head on %3 reviews (at most %4 word pieces each); best epoch %5 of %6")
                    .arg(c.tunedLayers)
                    .arg(c.encoderLayers)
                    .arg(locale.toString(static_cast<qlonglong>(c.tuningTexts)))
                    .arg(c.maxTokens)
                    .arg(c.bestEpoch)
                    .arg(c.epochs);
            if (c.hiddenUnits > 0)
                return tr("%1 hidden units; best epoch %2 of %3 (early stopping on the validation loss)").arg(c.hiddenUnits).arg(c.bestEpoch).arg(c.epochs);
            return tr("Best epoch %1 of %2 (early stopping on the validation loss)").arg(c.bestEpoch).arg(c.epochs);
        }
    }
    if (role == Qt::FontRole && c.name == report_.chosen) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == Classifier && c.name == report_.chosen) return tr("The kept classifier: it labels the reviews");
    if (role == Qt::TextAlignmentRole && index.column() >= Validation && index.column() <= Seconds) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ClassifierQualityModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Classifier: return tr("Classifier");
    case Validation: return tr("Validation macro-F1");
    case Accuracy: return tr("Held-out accuracy (95%)");
    case MacroF1: return tr("Held-out macro-F1 (95%)");
    case Seconds: return tr("Seconds");
    case Settings: return tr("Chosen while training");
    }
    return {};
}

}  // namespace ss::ui
