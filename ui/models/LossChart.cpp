#include "LossChart.h"

#include <QChart>
#include <QLineSeries>
#include <QVXYModelMapper>
#include <QValueAxis>

#include <algorithm>

#include "ChartColours.h"
#include "LossCurveModel.h"

namespace ss::ui {

LossChart::LossChart(QWidget* parent) : ChartView(parent, 0, Qt::AlignTop) {
    model_ = new LossCurveModel(this);
    chart()->setTitle(tr("Two-tower loss per epoch"));
    x_ = addValueAxis(Qt::AlignBottom, tr("Epoch"));
    y_ = addValueAxis(Qt::AlignLeft, tr("Binary cross-entropy"));
    std::size_t colour = 0;
    for (auto [column, name] : {std::pair{int(LossCurveModel::Train), tr("Training")}, std::pair{int(LossCurveModel::Validation), tr("Validation")}}) {
        auto* series = addLine(name, seriesColour(colour++), 2.0, x_, y_);
        series->setPointsVisible(true);
        auto* mapper = new QVXYModelMapper(chart());
        mapper->setXColumn(LossCurveModel::Epoch);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(model_);
    }
    connect(model_, &QAbstractItemModel::rowsInserted, this, &LossChart::rescale);
    connect(model_, &QAbstractItemModel::modelReset, this, &LossChart::rescale);
    rescale();
}

void LossChart::setSubtitle(const QString& text) {
    subtitle_ = text;
    chart()->setTitle(text.isEmpty() ? tr("Two-tower loss per epoch") : tr("Two-tower loss per epoch — %1").arg(text));
}

void LossChart::rescale() {
    setPeriodRange(x_, 1, model_->rowCount());
    const double hi = model_->maxLoss(), lo = model_->minLoss();
    const double pad = std::max(1e-3, (hi - lo) * 0.1);
    setNiceRange(y_, model_->rowCount() ? std::max(0.0, lo - pad) : 0.0, model_->rowCount() ? hi + pad : 1.0);
}

}  // namespace ss::ui
