// MetricBarChart: one comparison column as a bar chart — a bar per recommender bound to the
// ComparisonTableModel through QVBarModelMapper, its 95% CI drawn as a whisker over each bar, and the
// column's best recommender starred on the axis. Follows the model's resets. GUI thread only.
#pragma once

#include <QChartView>

class QAbstractItemModel;
class QBarCategoryAxis;
class QBarSeries;
class QValueAxis;

namespace ss::ui {

class ComparisonTableModel;

class MetricBarChart : public QChartView {
    Q_OBJECT
public:
    MetricBarChart(ComparisonTableModel* model, int column, QWidget* parent = nullptr);
    int column() const { return column_; }
    QBarSeries* bars() const { return bars_; }
    int whiskers() const;  // CI whiskers currently drawn (tests)

private:
    void rebuild();
    ComparisonTableModel* model_;
    QAbstractItemModel* numbers_;  // DisplayRole = the numbers, for the mapper
    int column_;
    QBarSeries* bars_;
    QBarCategoryAxis* x_;
    QValueAxis* y_;
};

}  // namespace ss::ui
