#include "BarChartView.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QVBarModelMapper>
#include <QValueAxis>

#include "ChartColours.h"
#include "NumberProxyModel.h"

namespace ss::ui {

BarChartView::BarChartView(QAbstractItemModel* model, int valueRole, QWidget* parent) : ChartView(parent, 0, Qt::AlignTop) {
    auto* numbers = new NumberProxyModel(valueRole, this);
    numbers->setSourceModel(model);
    numbers_ = numbers;
    auto* c = chart();
    bars_ = new QBarSeries(c);
    c->addSeries(bars_);
    x_ = new QBarCategoryAxis(c);
    c->addAxis(x_, Qt::AlignBottom);
    y_ = addValueAxis(Qt::AlignLeft);
    bars_->attachAxis(x_);
    bars_->attachAxis(y_);
}

void BarChartView::mapColumns(int first, int last) {
    if (!mapper_) {  // made on first use: a chart that builds its own bar sets has none
        mapper_ = new QVBarModelMapper(chart());
        mapper_->setFirstRow(0);
        mapper_->setSeries(bars_);
    }
    mapper_->setModel(nullptr);
    if (last < first) return;
    mapper_->setFirstBarSetColumn(first);
    mapper_->setLastBarSetColumn(last);
    mapper_->setModel(numbers_);
    colourBarSets();
}

void BarChartView::colourBarSets() {
    const auto sets = bars_->barSets();
    for (int i = 0; i < sets.size(); ++i) sets[i]->setColor(seriesColour(static_cast<std::size_t>(i)));
}

void BarChartView::setCategories(const QStringList& categories, double top) {
    x_->clear();
    x_->append(categories);
    setNiceRange(y_, 0, top > 0 ? top : 1.0);
}

}  // namespace ss::ui
