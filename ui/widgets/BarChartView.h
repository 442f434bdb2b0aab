// BarChartView: the one set-up of a bar chart over an item model (a ChartView) — a QBarSeries fed
// through a QVBarModelMapper from a NumberProxyModel (the exact numbers behind a table's formatted
// text), a category axis, a value axis from zero with nice ticks, the project's series colours. Subclasses map their columns and
// name the categories; the Models screen's metric and slice charts are two. GUI thread only.
#pragma once

#include "ChartView.h"
#include <QStringList>

class QAbstractItemModel;
class QBarCategoryAxis;
class QBarSeries;
class QVBarModelMapper;
class QValueAxis;

namespace ss::ui {

class BarChartView : public ChartView {
    Q_OBJECT
public:
    QBarSeries* bars() const { return bars_; }
    QValueAxis* valueAxis() const { return y_; }

protected:
    // `valueRole`: the role of `model` holding each cell's number.
    BarChartView(QAbstractItemModel* model, int valueRole, QWidget* parent);
    // Bars from these columns of the model (one bar set per column), or none when last < first. A
    // subclass that builds its own bar sets (MetricBarChart: one per row) never calls it.
    void mapColumns(int first, int last);
    // The categories under the bars, and the value axis from 0 to at least `top` (1 when nothing).
    void setCategories(const QStringList& categories, double top);
    QBarCategoryAxis* categoryAxis() const { return x_; }
    void colourBarSets();  // after the mapper made them: the project's colours in order

private:
    QAbstractItemModel* numbers_;
    QBarSeries* bars_;
    QVBarModelMapper* mapper_ = nullptr;
    QBarCategoryAxis* x_;
    QValueAxis* y_;
};

}  // namespace ss::ui
