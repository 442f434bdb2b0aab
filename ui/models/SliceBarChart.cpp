#include "SliceBarChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QVBarModelMapper>
#include <QValueAxis>

#include <algorithm>

#include "NumberProxyModel.h"
#include "SliceTableModel.h"

namespace ss::ui {

SliceBarChart::SliceBarChart(SliceTableModel* model, QWidget* parent) : QChartView(new QChart(), parent), model_(model) {
    auto* numbers = new NumberProxyModel(SliceTableModel::ValueRole, this);  // exact values, not the table's text
    numbers->setSourceModel(model);
    numbers_ = numbers;
    // Configured in place: setChart() would leave the view's first chart undeleted.
    auto* c = chart();
    c->legend()->setAlignment(Qt::AlignTop);
    c->setMargins(QMargins(4, 4, 4, 4));
    bars_ = new QBarSeries(c);
    mapper_ = new QVBarModelMapper(c);
    mapper_->setFirstRow(0);
    mapper_->setSeries(bars_);
    c->addSeries(bars_);
    x_ = new QBarCategoryAxis(c);
    y_ = new QValueAxis(c);
    y_->setLabelFormat("%.2f");
    c->addAxis(x_, Qt::AlignBottom);
    c->addAxis(y_, Qt::AlignLeft);
    bars_->attachAxis(x_);
    bars_->attachAxis(y_);
    setRenderHint(QPainter::Antialiasing);
    connect(model, &QAbstractItemModel::modelReset, this, &SliceBarChart::rebuild);
    rebuild();
}

void SliceBarChart::rebuild() {
    // Columns from kFirstRecommenderColumn on are the recommenders: one bar set each.
    const int first = SliceTableModel::kFirstRecommenderColumn, last = model_->columnCount() - 1;
    mapper_->setModel(nullptr);
    if (last >= first) {
        mapper_->setFirstBarSetColumn(first);
        mapper_->setLastBarSetColumn(last);
        mapper_->setModel(numbers_);
    }
    QStringList categories;
    double top = 0;
    for (int r = 0; r < model_->rowCount(); ++r) {
        categories << model_->index(r, 0).data(SliceTableModel::ShortLabelRole).toString();
        for (int c = first; c <= last; ++c) top = std::max(top, model_->index(r, c).data(SliceTableModel::ValueRole).toDouble());
    }
    x_->clear();
    x_->append(categories);
    y_->setRange(0, top > 0 ? top * 1.1 : 1.0);
    y_->applyNiceNumbers();
    chart()->setTitle(model_->columnCount() > first ? model_->headerData(first, Qt::Horizontal).toString().section(QLatin1Char(' '), -1)
                                                    : QString());
}

}  // namespace ss::ui
