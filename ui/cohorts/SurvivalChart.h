// SurvivalChart: Kaplan–Meier "still active" curves drawn as steps, one per group with its 95% band,
// and the log-rank result in the title. GUI thread only.
#pragma once

#include "ChartView.h"

class QValueAxis;

#include "cohorts/Survival.h"

namespace ss::ui {

class SurvivalChart : public ChartView {
    Q_OBJECT
public:
    explicit SurvivalChart(QWidget* parent = nullptr);
    void setReport(const SurvivalReport& report);
    static QString summary(const SurvivalReport& report);  // medians and the log-rank p, one line

private:
    QValueAxis* x_, *y_;
};

}  // namespace ss::ui
