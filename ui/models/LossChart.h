// LossChart: the two-tower's training and validation loss per epoch as a line chart bound to a
// LossCurveModel through QVXYModelMapper; the axes follow the rows as they arrive, so the curve grows
// live while training runs. GUI thread only.
#pragma once

#include "ChartView.h"

class QValueAxis;

namespace ss::ui {

class LossCurveModel;

class LossChart : public ChartView {
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);
    LossCurveModel* model() const { return model_; }
    void setSubtitle(const QString& text);  // e.g. "best epoch 4 of 6"

private:
    void rescale();
    LossCurveModel* model_;
    QValueAxis *x_, *y_;
    QString subtitle_;
};

}  // namespace ss::ui
