// OverviewScreen: the open project's counts, date ranges, stickiness tiles (active customers, repeat
// purchases, month-1 retention, each with its trend) and a daily-activity chart (events and purchases
// per day, QtCharts bound to DailyEventsModel). Loads its numbers in jobs. GUI thread only.
#pragma once

#include "ProjectScreen.h"

class QLabel;

namespace ss::ui {

class DailyEventsChart;
class DailyEventsModel;
class JobRunner;
class KpiTile;

class OverviewScreen : public ProjectScreen {
    Q_OBJECT
public:
    OverviewScreen(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>& project) override;
    DailyEventsModel* dailyModel() const { return daily_; }
    KpiTile* activeTile() const { return active_; }
    KpiTile* repeatTile() const { return repeat_; }
    KpiTile* retentionTile() const { return retention_; }

signals:
    void loaded();
    void kpisLoaded();

private:
    void loadKpis(const QString& path);

    JobRunner& runner_;
    KpiTile *active_, *repeat_, *retention_;
    QLabel* summary_;
    QLabel* coverage_;  // a warning when the encoder cannot read the shop's text
    DailyEventsModel* daily_;
    DailyEventsChart* chart_;
};

}  // namespace ss::ui
