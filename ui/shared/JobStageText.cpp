#include "JobStageText.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

#include "common/JobStages.h"

namespace ss::ui {
namespace {

// Every name in common/JobStages.h, for lupdate (the test of this class checks the list is complete).
[[maybe_unused]] const char* const kStageNames[] = {
    QT_TRANSLATE_NOOP("JobStage", "Importing"),
    QT_TRANSLATE_NOOP("JobStage", "Building indexes"),
    QT_TRANSLATE_NOOP("JobStage", "Sorting events by customer and time"),
    QT_TRANSLATE_NOOP("JobStage", "Summarising activity"),
    QT_TRANSLATE_NOOP("JobStage", "Writing the sample shop"),
    QT_TRANSLATE_NOOP("JobStage", "Done"),
    QT_TRANSLATE_NOOP("JobStage", "Opening the project"),
    QT_TRANSLATE_NOOP("JobStage", "Reading users and items"),
    QT_TRANSLATE_NOOP("JobStage", "Reading events"),
    QT_TRANSLATE_NOOP("JobStage", "Reading the activity summary"),
    QT_TRANSLATE_NOOP("JobStage", "Reading reviews"),
    QT_TRANSLATE_NOOP("JobStage", "Reading item vectors"),
    QT_TRANSLATE_NOOP("JobStage", "Sorting events by time"),
    QT_TRANSLATE_NOOP("JobStage", "Splitting the events into training and test"),
    QT_TRANSLATE_NOOP("JobStage", "Exporting the project"),
    QT_TRANSLATE_NOOP("JobStage", "Loading the text encoder"),
    QT_TRANSLATE_NOOP("JobStage", "Encoding texts"),
    QT_TRANSLATE_NOOP("JobStage", "Placing items on the map"),
    QT_TRANSLATE_NOOP("JobStage", "Copying the model files"),
    QT_TRANSLATE_NOOP("JobStage", "Checking the model files"),
    QT_TRANSLATE_NOOP("JobStage", "Already installed"),
    QT_TRANSLATE_NOOP("JobStage", "Installed"),
    QT_TRANSLATE_NOOP("JobStage", "Training"),
    QT_TRANSLATE_NOOP("JobStage", "Scoring"),
    QT_TRANSLATE_NOOP("JobStage", "Scoring users"),
    QT_TRANSLATE_NOOP("JobStage", "ALS iterations"),
    QT_TRANSLATE_NOOP("JobStage", "Item-kNN similarities"),
    QT_TRANSLATE_NOOP("JobStage", "Training the two-tower"),
    QT_TRANSLATE_NOOP("JobStage", "Storing runs"),
    QT_TRANSLATE_NOOP("JobStage", "The trained model could not be kept in the project"),
    QT_TRANSLATE_NOOP("JobStage", "Counting cohorts"),
    QT_TRANSLATE_NOOP("JobStage", "Measuring lifetimes"),
    QT_TRANSLATE_NOOP("JobStage", "TF-IDF: counting terms"),
    QT_TRANSLATE_NOOP("JobStage", "TF-IDF: logistic regression"),
    QT_TRANSLATE_NOOP("JobStage", "Encoding reviews"),
    QT_TRANSLATE_NOOP("JobStage", "Logistic regression on vectors"),
    QT_TRANSLATE_NOOP("JobStage", "MLP on vectors"),
    QT_TRANSLATE_NOOP("JobStage", "Fine-tuning the encoder"),
    QT_TRANSLATE_NOOP("JobStage", "Encoding with the fine-tuned encoder"),
    QT_TRANSLATE_NOOP("JobStage", "Measuring on held-out reviews"),
    QT_TRANSLATE_NOOP("JobStage", "Cross-validating"),
    QT_TRANSLATE_NOOP("JobStage", "Encoding and labelling reviews"),
    QT_TRANSLATE_NOOP("JobStage", "Labelling reviews"),
    QT_TRANSLATE_NOOP("JobStage", "Grouping reviews"),
};

QString valueName(const std::string& name) {
    if (name == stages::kValueEpoch) return QCoreApplication::translate("JobStage", "epoch");
    if (name == stages::kValueLoss) return QCoreApplication::translate("JobStage", "loss");
    if (name == stages::kValueTrainLoss) return QCoreApplication::translate("JobStage", "training loss");
    if (name == stages::kValueValidationLoss) return QCoreApplication::translate("JobStage", "validation loss");
    if (name == stages::kValueValidationNdcg) return QCoreApplication::translate("JobStage", "validation NDCG@10");
    return QString::fromStdString(name);
}

}  // namespace

QString JobStageText::stage(const std::string& name) { return QCoreApplication::translate("JobStage", name.c_str()); }

QString JobStageText::describe(const JobProgress& progress) {
    QString text = stage(progress.stage);
    if (!progress.subject.empty())
        text = text.isEmpty() ? QString::fromStdString(progress.subject)
                              : QCoreApplication::translate("JobStage", "%1: %2").arg(text, QString::fromStdString(progress.subject));
    QStringList values;
    const QLocale locale;
    for (const auto& [name, value] : progress.values) {
        const bool whole = std::isfinite(value) && std::floor(value) == value && std::abs(value) < 1e15;
        values << QCoreApplication::translate("JobStage", "%1 %2").arg(valueName(name), whole ? locale.toString(static_cast<long long>(value)) : locale.toString(value, 'f', 4));
    }
    if (!values.isEmpty()) text = QCoreApplication::translate("JobStage", "%1 (%2)").arg(text, values.join(QCoreApplication::translate("JobStage", ", ")));
    return text;
}

}  // namespace ss::ui
