// ClassifierQualityModel: the classifiers of the newest training run side by side — validation
// macro-F1, held-out accuracy and macro-F1 with their 95% intervals, seconds, what was chosen while
// training, and which one is kept (bold) — skipped ones with the reason. GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include "sentiment/SentimentReport.h"

namespace ss::ui {

class ClassifierQualityModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Classifier, Validation, Accuracy, MacroF1, Seconds, Settings, ColumnCount };

    explicit ClassifierQualityModel(QObject* parent = nullptr);
    void setReport(sentiment::SentimentReport report);
    const sentiment::SentimentReport& report() const { return report_; }
    static QString skippedReason(const sentiment::ClassifierResult& c);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    sentiment::SentimentReport report_;
};

}  // namespace ss::ui
