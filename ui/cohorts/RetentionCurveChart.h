// RetentionCurveChart: retention by period as lines — the mean over complete cohorts in bold with its
// 95% band and the most recent cohorts as thin lines, or one mean line per segment (complete periods only, so a cohort's line
// never drops just because the data ends). GUI thread only.
#pragma once

#include "ChartView.h"

#include <utility>
#include <vector>

class QValueAxis;

#include "cohorts/CohortMatrix.h"

namespace ss::ui {

class RetentionCurveChart : public ChartView {
    Q_OBJECT
public:
    static constexpr int kCohortLines = 8;
    explicit RetentionCurveChart(QWidget* parent = nullptr);
    // With groups (a segment's value each), one mean line with its band per group replaces the
    // per-cohort lines.
    void setMatrix(const CohortMatrix& matrix, const std::vector<std::pair<QString, const CohortMatrix*>>& groups = {});

private:
    void addMean(const QString& name, const CohortMatrix& m, const QColor& colour, double& top, int& lastColumn);
    QValueAxis *x_, *y_;
};

}  // namespace ss::ui
