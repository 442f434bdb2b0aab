// MetricBarChart: one comparison column as a bar chart — a bar per recommender bound to the
// ComparisonTableModel through QVBarModelMapper, its 95% CI drawn as a whisker over each bar, and the
// column's best recommender starred on the axis. Follows the model's resets. GUI thread only.
#pragma once

#include "BarChartView.h"

namespace ss::ui {

class ComparisonTableModel;

class MetricBarChart : public BarChartView {
    Q_OBJECT
public:
    MetricBarChart(ComparisonTableModel* model, int column, QWidget* parent = nullptr);
    int column() const { return column_; }
    int whiskers() const;  // CI whiskers currently drawn (tests)

private:
    void rebuild();
    ComparisonTableModel* model_;
    int column_;
};

}  // namespace ss::ui
