// ConfusionMatrixModel: one classifier's held-out confusion matrix — rows the true sentiment,
// columns the predicted one, each cell its count with the row's share in the tooltip, the diagonal
// shaded. GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include "sentiment/ClassifierQuality.h"
#include "sentiment/SentimentLabel.h"

namespace ss::ui {

class ConfusionMatrixModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ConfusionMatrixModel(QObject* parent = nullptr);
    void setQuality(const sentiment::ClassifierQuality& quality, const sentiment::LabelScheme& scheme);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<std::vector<std::int64_t>> confusion_;
    sentiment::LabelScheme scheme_;
};

}  // namespace ss::ui
