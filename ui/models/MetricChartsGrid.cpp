#include "MetricChartsGrid.h"

#include <QGridLayout>

#include "ChartColours.h"
#include "ChartLegend.h"
#include "ComparisonTableModel.h"
#include "MetricBarChart.h"

namespace ss::ui {

MetricChartsGrid::MetricChartsGrid(ComparisonTableModel* comparison, QWidget* parent) : QWidget(parent), comparison_(comparison) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    for (MetricId id : kAllMetrics) {
        auto* chart = new MetricBarChart(comparison, ComparisonTableModel::valueColumn(id), this);
        chart->setMinimumSize(150, 150);
        grid->addWidget(chart, static_cast<int>(charts_.size()) / 3, static_cast<int>(charts_.size()) % 3);
        charts_ << chart;
    }
    // One legend for the six charts, inside the grid so a saved image has it.
    legend_ = new ChartLegend(this);
    grid->addWidget(legend_, 2, 0, 1, 3);
    connect(comparison, &QAbstractItemModel::modelReset, this, &MetricChartsGrid::updateLegend);
    updateLegend();
}

void MetricChartsGrid::updateLegend() {
    QList<QPair<QColor, QString>> entries;
    for (int r = 0; r < comparison_->rowCount(); ++r)
        entries.append({seriesColour(static_cast<std::size_t>(r)), comparison_->index(r, 0).data(ComparisonTableModel::ShortNameRole).toString()});
    legend_->setEntries(entries);
}

}  // namespace ss::ui
