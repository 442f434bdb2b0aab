// RetentionCurveChart: retention by period as lines — the mean over complete cohorts in bold with its
// 95% band, and the most recent cohorts as thin lines (complete periods only, so a cohort's line
// never drops just because the data ends). GUI thread only.
#pragma once

#include <QChartView>

class QValueAxis;

#include "cohorts/CohortMatrix.h"

namespace ss::ui {

class RetentionCurveChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int kCohortLines = 8;
    explicit RetentionCurveChart(QWidget* parent = nullptr);
    void setMatrix(const CohortMatrix& matrix);
    int lineCount() const;  // for tests: cohort lines + the mean

private:
    QValueAxis *x_, *y_;
};

}  // namespace ss::ui
