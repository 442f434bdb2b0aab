// LifetimeValueChart: the lifetime-value curve — cumulative purchases per customer by period (mean
// over complete cohorts) and, where purchases carry amounts, cumulative revenue per customer on a
// second axis. GUI thread only.
#pragma once

#include "ChartView.h"

class QValueAxis;

#include "cohorts/CohortMatrix.h"

namespace ss::ui {

class LifetimeValueChart : public ChartView {
    Q_OBJECT
public:
    explicit LifetimeValueChart(QWidget* parent = nullptr);
    void setMatrix(const CohortMatrix& matrix);
    int pointCount() const;  // for tests: points of the purchases line

private:
    QValueAxis* x_, *left_, *right_;
};

}  // namespace ss::ui
