#include "MetricBarChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

#include "ChartColours.h"
#include "ComparisonTableModel.h"

namespace ss::ui {

MetricBarChart::MetricBarChart(ComparisonTableModel* model, int column, QWidget* parent)
    : BarChartView(model, ComparisonTableModel::ValueRole, parent), model_(model), column_(column) {
    chart()->legend()->hide();
    bars()->setBarWidth(0.8);
    categoryAxis()->setLabelsVisible(false);  // one category, named in the title
    bars()->setLabelsVisible(true);
    bars()->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    bars()->setLabelsFormat(QStringLiteral("@value"));
    bars()->setLabelsPrecision(3);
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
    const QString metric = model_->headerData(column_, Qt::Horizontal).toString();
    const int best = model_->bestRow(column_);
    const auto name = [this](int row) { return model_->index(row, 0).data(ComparisonTableModel::ShortNameRole).toString(); };
    c->setTitle(best >= 0 ? tr("%1 — best: %2 ★").arg(metric, name(best)) : metric);
    for (auto* s : c->series())
        if (s != bars()) {
            c->removeSeries(s);
            delete s;
        }
    bars()->clear();
    // One bar set per recommender in one category: bar r is centred at -w/2 + (r + 1/2)·w/n on the
    // category axis (w the series' bar width), where its whisker goes.
    const int n = model_->rowCount();
    const double width = bars()->barWidth();
    double top = 0;
    for (int r = 0; r < n; ++r) {
        const double value = model_->index(r, column_).data(ComparisonTableModel::ValueRole).toDouble();
        auto* set = new QBarSet(name(r));
        set->append(value);
        set->setColor(seriesColour(static_cast<std::size_t>(r)));
        set->setBorderColor(seriesColour(static_cast<std::size_t>(r)));
        set->setLabelColor(Qt::white);
        bars()->append(set);
        top = std::max(top, value);
        const QVariant low = model_->index(r, column_).data(ComparisonTableModel::CiLowRole);
        const QVariant high = model_->index(r, column_).data(ComparisonTableModel::CiHighRole);
        if (!low.isValid() || !high.isValid()) continue;
        top = std::max(top, high.toDouble());
        // An I-beam: the interval with short caps, on the bar's centre.
        auto* whisker = new QLineSeries(c);
        const double x = -width / 2 + (r + 0.5) * width / n, cap = std::min(0.08, 0.3 * width / n);
        whisker->append({{x - cap, low.toDouble()}, {x + cap, low.toDouble()}, {x, low.toDouble()}, {x, high.toDouble()},
                         {x - cap, high.toDouble()}, {x + cap, high.toDouble()}});
        whisker->setPen(QPen(QColor(0x21, 0x21, 0x21), 1.6));
        c->addSeries(whisker);
        whisker->attachAxis(categoryAxis());
        whisker->attachAxis(valueAxis());
    }
    setCategories({metric}, top * 1.05);  // one (non-empty: Qt drops empty categories); room above the highest whisker
}

}  // namespace ss::ui
