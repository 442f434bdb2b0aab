// SliceBarChart: the per-slice breakdown as grouped bars — a group per slice (cold items, cold users,
// cohorts…), a bar per recommender — bound to the SliceTableModel through QVBarModelMapper and
// following its resets (another metric, another evaluation). GUI thread only.
#pragma once

#include "BarChartView.h"

namespace ss::ui {

class SliceTableModel;

class SliceBarChart : public BarChartView {
    Q_OBJECT
public:
    explicit SliceBarChart(SliceTableModel* model, QWidget* parent = nullptr);

private:
    void rebuild();
    SliceTableModel* model_;
};

}  // namespace ss::ui
