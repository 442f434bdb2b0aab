#include "KpiTile.h"

#include <QChart>
#include <QGraphicsLayout>
#include <QChartView>
#include <QLabel>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace ss::ui {

KpiTile::KpiTile(const QString& caption, QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(180);
    auto* layout = new QVBoxLayout(this);
    caption_ = new QLabel(caption, this);
    caption_->setWordWrap(true);
    value_ = new QLabel(QStringLiteral("—"), this);
    QFont big = value_->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    value_->setFont(big);
    detail_ = new QLabel(this);
    detail_->setWordWrap(true);
    QPalette muted = detail_->palette();
    muted.setColor(QPalette::WindowText, QColor(100, 100, 100));
    detail_->setPalette(muted);
    auto* chart = new QChart();
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->setBackgroundRoundness(0);
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    // The axes live as long as the tile (removing axes from a hidden chart left stale items drawn).
    sparkX_ = new QValueAxis(chart);
    sparkY_ = new QValueAxis(chart);
    for (auto* axis : {sparkX_, sparkY_}) {
        axis->setVisible(false);
        axis->setGridLineVisible(false);
    }
    chart->addAxis(sparkX_, Qt::AlignBottom);
    chart->addAxis(sparkY_, Qt::AlignLeft);
    sparkline_ = new QChartView(chart, this);
    sparkline_->setRenderHint(QPainter::Antialiasing);
    sparkline_->setFixedHeight(54);
    layout->addWidget(caption_);
    layout->addWidget(value_);
    layout->addWidget(detail_);
    layout->addWidget(sparkline_);
}

void KpiTile::setCaption(const QString& caption) { caption_->setText(caption); }

QString KpiTile::value() const { return value_->text(); }

void KpiTile::clear() { setValue(QStringLiteral("—"), QString(), {}, QString()); }

void KpiTile::setValue(const QString& value, const QString& detail, const QVector<double>& points, const QString& tooltip) {
    value_->setText(value);
    detail_->setText(detail);
    setToolTip(tooltip);
    QChart* chart = sparkline_->chart();
    chart->removeAllSeries();
    points_ = static_cast<int>(points.size());
    sparkline_->setVisible(points.size() >= 2);
    if (points.size() < 2) return;
    auto* line = new QLineSeries(chart);
    for (int i = 0; i < points.size(); ++i) line->append(i, points[i]);
    QPen pen(QColor(20, 120, 110));
    pen.setWidthF(2.0);
    line->setPen(pen);
    chart->addSeries(line);
    const auto [lo, hi] = std::minmax_element(points.begin(), points.end());
    const double pad = std::max(1e-9, (*hi - *lo) * 0.1);
    sparkX_->setRange(0, points.size() - 1);
    sparkY_->setRange(*lo - pad, *hi + pad);
    line->attachAxis(sparkX_);
    line->attachAxis(sparkY_);
}

}  // namespace ss::ui
