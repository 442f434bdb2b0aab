// MetricBarChart: one comparison column as a bar chart — a bar per recommender in its own colour
// (seriesColour of its row, as in the Slices chart; the names are in the Models screen's shared
// ChartLegend, so no axis label is ever cut short), its 95% CI drawn as a whisker over each bar, its
// value inside, and the column's best recommender named in the title. Follows the model's resets.
// GUI thread only.
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
