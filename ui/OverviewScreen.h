// OverviewScreen: the open project's counts, date ranges and a daily-activity chart (events and
// purchases per day, QtCharts bound to DailyEventsModel). Loads its numbers in a job. GUI thread only.
#pragma once

#include "ProjectScreen.h"

class QLabel;
class QChart;
class QChartView;

namespace ss::ui {

class DailyEventsModel;
class JobRunner;

class OverviewScreen : public ProjectScreen {
    Q_OBJECT
public:
    OverviewScreen(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const QString& path) override;
    DailyEventsModel* dailyModel() const { return daily_; }

signals:
    void loaded();

private:
    JobRunner& runner_;
    QLabel* summary_;
    DailyEventsModel* daily_;
    QChart* chart_;
    QChartView* view_;
};

}  // namespace ss::ui
