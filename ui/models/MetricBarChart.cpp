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

namespace ss::ui {

MetricBarChart::MetricBarChart(ComparisonTableModel* model, int column, QWidget* parent)
    : BarChartView(model, ComparisonTableModel::ValueRole, parent), model_(model), column_(column) {
    chart()->legend()->hide();
    bars()->setLabelsVisible(true);
    bars()->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    bars()->setLabelsFormat(QStringLiteral("@value"));
    bars()->setLabelsPrecision(3);
    mapColumns(column, column);
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
        if (s != bars()) {
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
        whisker->attachAxis(categoryAxis());
        whisker->attachAxis(valueAxis());
    }
    setCategories(categories, top * 1.05);  // room above the highest whisker
    colourBarSets();
    if (!bars()->barSets().isEmpty()) bars()->barSets().first()->setLabelColor(Qt::white);
}

}  // namespace ss::ui
