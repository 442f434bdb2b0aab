// QualityPanel: how good the sentiment classifiers are — the training run in one paragraph, every
// classifier side by side (the TF-IDF baseline among them), the selected one's confusion matrix, and
// the paired tests of the kept classifier against the others. GUI thread only.
#pragma once

#include <QWidget>

#include <optional>

#include "sentiment/SentimentReport.h"

class QLabel;
class QTableView;

namespace ss::ui {

class ClassifierQualityModel;
class ConfusionMatrixModel;

class QualityPanel : public QWidget {
    Q_OBJECT
public:
    explicit QualityPanel(QWidget* parent = nullptr);
    void setReport(const std::optional<sentiment::SentimentReport>& report);

    ClassifierQualityModel* model() const { return model_; }
    ConfusionMatrixModel* confusion() const { return confusion_; }
    QLabel* summary() const { return summary_; }
    QLabel* comparisons() const { return comparisons_; }

private:
    void selectClassifier(int row);

    QLabel *summary_, *confusionTitle_, *comparisons_;
    QTableView *table_, *confusionView_;
    ClassifierQualityModel* model_;
    ConfusionMatrixModel* confusion_;
};

}  // namespace ss::ui
