// DailyEventsChart: the Overview's daily activity — events and purchases per day (UTC) as two lines
// bound to a DailyEventsModel through QVXYModelMapper, on a date axis and a count axis from zero with
// nice ticks. rescale() after the model's days change. GUI thread only.
#pragma once

#include "ChartView.h"

class QDateTimeAxis;
class QValueAxis;

namespace ss::ui {

class DailyEventsModel;

class DailyEventsChart : public ChartView {
    Q_OBJECT
public:
    explicit DailyEventsChart(DailyEventsModel* days, QWidget* parent = nullptr);
    void rescale();
    QValueAxis* countAxis() const { return y_; }

private:
    DailyEventsModel* days_;
    QDateTimeAxis* x_;
    QValueAxis* y_;
};

}  // namespace ss::ui
