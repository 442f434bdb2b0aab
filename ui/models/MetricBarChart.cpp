#include "MetricBarChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QVBarModelMapper>
#include <QValueAxis>

#include <algorithm>

#include "ComparisonTableModel.h"
#include "NumberProxyModel.h"

namespace ss::ui {

MetricBarChart::MetricBarChart(ComparisonTableModel* model, int column, QWidget* parent)
    : QChartView(new QChart(), parent), model_(model), column_(column) {
    // The table shows formatted text; the mapper reads the numbers.
    auto* proxy = new NumberProxyModel(ComparisonTableModel::ValueRole, this);
    proxy->setSourceModel(model);
    numbers_ = proxy;
    // Configured in place: setChart() would leave the view's first chart undeleted.
    auto* c = chart();
    c->legend()->hide();
    c->setTitle(model->headerData(column, Qt::Horizontal).toString());
    c->setMargins(QMargins(4, 4, 4, 4));
    bars_ = new QBarSeries(c);
    bars_->setLabelsVisible(true);
    bars_->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    bars_->setLabelsFormat(QStringLiteral("@value"));
    bars_->setLabelsPrecision(3);
    auto* mapper = new QVBarModelMapper(c);
    mapper->setFirstBarSetColumn(column);
    mapper->setLastBarSetColumn(column);
    mapper->setFirstRow(0);
    mapper->setSeries(bars_);
    mapper->setModel(numbers_);
    c->addSeries(bars_);
    x_ = new QBarCategoryAxis(c);
    y_ = new QValueAxis(c);
    y_->setLabelFormat("%.2f");
    c->addAxis(x_, Qt::AlignBottom);
    c->addAxis(y_, Qt::AlignLeft);
    bars_->attachAxis(x_);
    bars_->attachAxis(y_);
    setRenderHint(QPainter::Antialiasing);
    setToolTip(model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
    connect(model, &QAbstractItemModel::modelReset, this, &MetricBarChart::rebuild);
    rebuild();
}

int MetricBarChart::whiskers() const {
    int n = 0;
    for (auto* s : chart()->series()) n += s->type() == QAbstractSeries::SeriesTypeLine;
    return n;
}

void MetricBarChart::rebuild() {
    QChart* c = chart();
    c->setTitle(model_->headerData(column_, Qt::Horizontal).toString());
    for (auto* s : c->series())
        if (s != bars_) {
            c->removeSeries(s);
            delete s;
        }
    QStringList categories;
    const int best = model_->bestRow(column_);
    double top = 0;
    for (int r = 0; r < model_->rowCount(); ++r) {
        const QString name = model_->index(r, 0).data(ComparisonTableModel::ShortNameRole).toString();
        categories << (r == best ? QStringLiteral("%1 ★").arg(name) : name);
        top = std::max(top, model_->index(r, column_).data(ComparisonTableModel::ValueRole).toDouble());
        const QVariant low = model_->index(r, column_).data(ComparisonTableModel::CiLowRole);
        const QVariant high = model_->index(r, column_).data(ComparisonTableModel::CiHighRole);
        if (!low.isValid() || !high.isValid()) continue;
        top = std::max(top, high.toDouble());
        // An I-beam: the interval with short caps, on the category's centre.
        auto* whisker = new QLineSeries(c);
        const double x = r, cap = 0.08;
        whisker->append({{x - cap, low.toDouble()}, {x + cap, low.toDouble()}, {x, low.toDouble()}, {x, high.toDouble()},
                         {x - cap, high.toDouble()}, {x + cap, high.toDouble()}});
        whisker->setPen(QPen(QColor(0x21, 0x21, 0x21), 1.6));
        c->addSeries(whisker);
        whisker->attachAxis(x_);
        whisker->attachAxis(y_);
    }
    x_->clear();
    x_->append(categories);
    y_->setRange(0, top > 0 ? top * 1.12 : 1.0);
    y_->applyNiceNumbers();
    if (!bars_->barSets().isEmpty()) bars_->barSets().first()->setLabelColor(Qt::white);
}

}  // namespace ss::ui
