// MetricChartsGrid: the Models screen's Charts tab body — one MetricBarChart per metric in a 3×2
// grid and one ChartLegend under them (a colour per recommender), following the comparison model's
// resets. Saved as one image. GUI thread only.
#pragma once

#include <QList>
#include <QWidget>

namespace ss::ui {

class ChartLegend;
class ComparisonTableModel;
class MetricBarChart;

class MetricChartsGrid : public QWidget {
    Q_OBJECT
public:
    MetricChartsGrid(ComparisonTableModel* comparison, QWidget* parent = nullptr);
    const QList<MetricBarChart*>& charts() const { return charts_; }
    ChartLegend* legend() const { return legend_; }

private:
    void updateLegend();
    ComparisonTableModel* comparison_;
    QList<MetricBarChart*> charts_;
    ChartLegend* legend_;
};

}  // namespace ss::ui
