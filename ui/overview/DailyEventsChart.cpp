#include "DailyEventsChart.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QVXYModelMapper>
#include <QValueAxis>

#include "ChartColours.h"
#include "DailyEventsModel.h"

namespace ss::ui {

DailyEventsChart::DailyEventsChart(DailyEventsModel* days, QWidget* parent) : ChartView(parent, 320, Qt::AlignTop), days_(days) {
    chart()->setTitle(tr("Daily activity"));
    x_ = new QDateTimeAxis(chart());
    x_->setFormat("yyyy-MM-dd");
    x_->setTitleText(tr("Day (UTC)"));
    chart()->addAxis(x_, Qt::AlignBottom);
    y_ = addValueAxis(Qt::AlignLeft, tr("Count"));
    std::size_t colour = 0;
    for (auto [column, name] : {std::pair{int(DailyEventsModel::Events), tr("Events")}, std::pair{int(DailyEventsModel::Purchases), tr("Purchases")}}) {
        auto* series = addLine(name, seriesColour(colour++), 1.5, x_, y_);
        auto* mapper = new QVXYModelMapper(chart());
        mapper->setXColumn(DailyEventsModel::Day);
        mapper->setYColumn(column);
        mapper->setSeries(series);
        mapper->setModel(days_);
    }
    rescale();
}

void DailyEventsChart::rescale() {
    if (days_->rowCount() == 0) {
        setNiceRange(y_, 0, 1);
        return;
    }
    const auto first = days_->data(days_->index(0, DailyEventsModel::Day)).toDouble();
    const auto last = days_->data(days_->index(days_->rowCount() - 1, DailyEventsModel::Day)).toDouble();
    x_->setRange(QDateTime::fromMSecsSinceEpoch(qint64(first), Qt::UTC), QDateTime::fromMSecsSinceEpoch(qint64(last), Qt::UTC));
    setNiceRange(y_, 0, double(days_->maxEvents()));
}

}  // namespace ss::ui
