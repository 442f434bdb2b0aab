#include "LossChart.h"

#include <QChart>
#include <QLineSeries>
#include <QVXYModelMapper>
#include <QValueAxis>

#include "NiceAxis.h"

#include <algorithm>

#include "LossCurveModel.h"

namespace ss::ui {

LossChart::LossChart(QWidget* parent) : QChartView(new QChart(), parent) {
    model_ = new LossCurveModel(this);
    // Configured in place: setChart() would leave the view's first chart undeleted.
    auto* c = chart();
    c->setTitle(tr("Two-tower loss per epoch"));
    auto* x = new QValueAxis(c);
    x->setTitleText(tr("Epoch"));
    x->setLabelFormat("%d");
    auto* y = new QValueAxis(c);
    y->setTitleText(tr("Binary cross-entropy"));
    c->addAxis(x, Qt::AlignBottom);
    c->addAxis(y, Qt::AlignLeft);
    for (auto [column, name] : {std::pair{int(LossCurveModel::Train), tr("Training")}, std::pair{int(LossCurveModel::Validation), tr("Validation")}}) {
        auto* series = new QLineSeries(c);
        series->setName(name);
        series->setPointsVisible(true);
        auto* mapper = new QVXYModelMapper(c);
        mapper->setXColumn(LossCurveModel::Epoch);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(model_);
        c->addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    setRenderHint(QPainter::Antialiasing);
    connect(model_, &QAbstractItemModel::rowsInserted, this, &LossChart::rescale);
    connect(model_, &QAbstractItemModel::modelReset, this, &LossChart::rescale);
    rescale();
}

void LossChart::setSubtitle(const QString& text) {
    subtitle_ = text;
    chart()->setTitle(text.isEmpty() ? tr("Two-tower loss per epoch") : tr("Two-tower loss per epoch — %1").arg(text));
}

void LossChart::rescale() {
    const auto x = chart()->axes(Qt::Horizontal);
    const auto y = chart()->axes(Qt::Vertical);
    if (x.isEmpty() || y.isEmpty()) return;
    const int epochs = std::max(2, model_->rowCount());
    auto* ax = static_cast<QValueAxis*>(x.first());
    ax->setRange(1, epochs);
    ax->setTickType(QValueAxis::TicksDynamic);
    ax->setTickAnchor(1);
    ax->setTickInterval(std::max(1, (epochs + 9) / 10));
    const double hi = model_->maxLoss(), lo = model_->minLoss();
    const double pad = std::max(1e-3, (hi - lo) * 0.1);
    applyNiceRange(static_cast<QValueAxis*>(y.first()), model_->rowCount() ? std::max(0.0, lo - pad) : 0.0,
                   model_->rowCount() ? hi + pad : 1.0);
}

}  // namespace ss::ui
