#include "SurvivalChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

#include "ChartColours.h"
#include "Text.h"

namespace ss::ui {
namespace {

// A step function through the points: horizontal to the next time, then vertical.
void appendSteps(QLineSeries* s, const std::vector<SurvivalPoint>& points, double (*value)(const SurvivalPoint&)) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i > 0) s->append(points[i].time, value(points[i - 1]) * 100.0);
        s->append(points[i].time, value(points[i]) * 100.0);
    }
}

}  // namespace

SurvivalChart::SurvivalChart(QWidget* parent) : QChartView(new QChart(), parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(280);
    chart()->legend()->setAlignment(Qt::AlignRight);
    x_ = new QValueAxis(chart());
    y_ = new QValueAxis(chart());
    x_->setTitleText(tr("Days since the first event"));
    x_->setLabelFormat("%d");
    y_->setTitleText(tr("Still active (%)"));
    y_->setLabelFormat("%.0f");
    y_->setRange(0, 100);
    chart()->addAxis(x_, Qt::AlignBottom);
    chart()->addAxis(y_, Qt::AlignLeft);
}

int SurvivalChart::curveCount() const {
    int n = 0;
    for (auto* s : chart()->series())
        if (qobject_cast<QLineSeries*>(s)) ++n;
    return n;
}

QString SurvivalChart::summary(const SurvivalReport& r) {
    const QLocale locale;
    QStringList parts;
    auto days = [&](double d) { return std::isfinite(d) ? locale.toString(d, 'f', 0) : tr("not reached"); };
    for (const auto& c : r.curves)
        parts << tr("%1: median %2 days (95% interval %3 to %4)").arg(qs(c.group) == QLatin1String("all") ? tr("All customers") : qs(c.group),
                                                                     days(c.median), days(c.medianLow), days(c.medianHigh));
    if (r.logRank)
        parts << tr("log-rank p = %1").arg(r.logRank->pValue < 1e-4 ? QStringLiteral("%1").arg(r.logRank->pValue, 0, 'e', 1)
                                                                    : locale.toString(r.logRank->pValue, 'f', 4));
    return parts.join(QStringLiteral("; "));
}

void SurvivalChart::setReport(const SurvivalReport& r) {
    QChart* c = chart();
    c->removeAllSeries();
    c->setTitle(r.logRank ? tr("Still active (churn gap %1 days) — log-rank p = %2")
                                .arg(r.churnGapDays)
                                .arg(r.logRank->pValue < 1e-4 ? QStringLiteral("%1").arg(r.logRank->pValue, 0, 'e', 1)
                                                              : QLocale().toString(r.logRank->pValue, 'f', 4))
                          : tr("Still active (churn gap %1 days)").arg(r.churnGapDays));
    QValueAxis* x = x_;
    QValueAxis* y = y_;
    double lastTime = 1;
    for (std::size_t g = 0; g < r.curves.size(); ++g) {
        const auto& curve = r.curves[g];
        const QColor colour = seriesColour(g);
        auto* upper = new QLineSeries(c);
        auto* lower = new QLineSeries(c);
        appendSteps(upper, curve.points, [](const SurvivalPoint& p) { return p.high; });
        appendSteps(lower, curve.points, [](const SurvivalPoint& p) { return p.low; });
        auto* band = new QAreaSeries(upper, lower);
        QColor light = colour;
        light.setAlpha(50);
        band->setColor(light);
        band->setBorderColor(light);
        c->addSeries(band);
        band->attachAxis(x);
        band->attachAxis(y);
        c->legend()->markers(band).first()->setVisible(false);
        auto* line = new QLineSeries(c);
        line->setName(qs(curve.group) == QLatin1String("all") ? tr("All customers") : qs(curve.group));
        appendSteps(line, curve.points, [](const SurvivalPoint& p) { return p.survival; });
        QPen pen(colour);
        pen.setWidthF(2.5);
        line->setPen(pen);
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        if (!curve.points.empty()) lastTime = std::max(lastTime, curve.points.back().time);
    }
    x->setRange(0, lastTime);
    x->applyNiceNumbers();
    x->setMin(0);
}

}  // namespace ss::ui
