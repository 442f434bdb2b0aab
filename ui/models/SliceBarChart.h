// SliceBarChart: the per-slice breakdown as grouped bars — a group per slice (cold items, cold users,
// cohorts…), a bar per recommender — bound to the SliceTableModel through QVBarModelMapper and
// following its resets (another metric, another evaluation). GUI thread only.
#pragma once

#include <QChartView>

class QAbstractItemModel;
class QBarCategoryAxis;
class QBarSeries;
class QVBarModelMapper;
class QValueAxis;

namespace ss::ui {

class SliceTableModel;

class SliceBarChart : public QChartView {
    Q_OBJECT
public:
    explicit SliceBarChart(SliceTableModel* model, QWidget* parent = nullptr);
    QBarSeries* bars() const { return bars_; }

private:
    void rebuild();
    SliceTableModel* model_;
    QBarSeries* bars_;
    QAbstractItemModel* numbers_;
    QVBarModelMapper* mapper_;
    QBarCategoryAxis* x_;
    QValueAxis* y_;
};

}  // namespace ss::ui
