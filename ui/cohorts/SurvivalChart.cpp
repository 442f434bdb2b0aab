#include "SurvivalChart.h"

#include <QChart>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <cmath>

#include "ChartColours.h"
#include "Text.h"

namespace ss::ui {
namespace {

// A step function through the points: horizontal to the next time, then vertical. Set in one call:
// a point at a time would redraw the series once per point (tens of milliseconds per curve).
void appendSteps(QLineSeries* s, const std::vector<SurvivalPoint>& points, double (*value)(const SurvivalPoint&)) {
    QList<QPointF> steps;
    steps.reserve(static_cast<qsizetype>(2 * points.size()));
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (i > 0) steps.append(QPointF(points[i].time, value(points[i - 1]) * 100.0));
        steps.append(QPointF(points[i].time, value(points[i]) * 100.0));
    }
    s->replace(steps);
}

}  // namespace

SurvivalChart::SurvivalChart(QWidget* parent) : ChartView(parent, 280, Qt::AlignRight) {
    x_ = addValueAxis(Qt::AlignBottom, tr("Days since the first event"));
    y_ = addValueAxis(Qt::AlignLeft, tr("Still active (%)"));
    setNiceRange(y_, 0, 100);
}

QString SurvivalChart::summary(const SurvivalReport& r) {
    const QLocale locale;
    QStringList parts;
    auto days = [&](double d) { return std::isfinite(d) ? locale.toString(d, 'f', 0) : tr("not reached"); };
    for (const auto& c : r.curves) {
        const QString group = qs(c.group) == QLatin1String("all") ? tr("All customers") : qs(c.group);
        if (!std::isfinite(c.median)) parts << tr("%1: median not reached (more than half still active)").arg(group);
        else parts << tr("%1: median %2 days (95% interval %3 to %4)").arg(group, days(c.median), days(c.medianLow), days(c.medianHigh));
    }
    if (r.logRank)
        parts << tr("log-rank p = %1").arg(r.logRank->pValue < 1e-4 ? QStringLiteral("%1").arg(r.logRank->pValue, 0, 'e', 1)
                                                                    : locale.toString(r.logRank->pValue, 'f', 4));
    return parts.join(QStringLiteral("; "));
}

void SurvivalChart::setReport(const SurvivalReport& r) {
    clearSeries();
    QChart* c = chart();
    c->setTitle(r.logRank ? tr("Still active (churn gap %1 days) — log-rank p = %2")
                                .arg(r.churnGapDays)
                                .arg(r.logRank->pValue < 1e-4 ? QStringLiteral("%1").arg(r.logRank->pValue, 0, 'e', 1)
                                                              : QLocale().toString(r.logRank->pValue, 'f', 4))
                          : tr("Still active (churn gap %1 days)").arg(r.churnGapDays));
    double lastTime = 1;
    for (std::size_t g = 0; g < r.curves.size(); ++g) {
        const auto& curve = r.curves[g];
        const QColor colour = seriesColour(g);
        auto* upper = new QLineSeries(c);
        auto* lower = new QLineSeries(c);
        appendSteps(upper, curve.points, [](const SurvivalPoint& p) { return p.high; });
        appendSteps(lower, curve.points, [](const SurvivalPoint& p) { return p.low; });
        addBand(upper, lower, colour, x_, y_);
        auto* line = addLine(qs(curve.group) == QLatin1String("all") ? tr("All customers") : qs(curve.group), colour, 2.5, x_, y_);
        appendSteps(line, curve.points, [](const SurvivalPoint& p) { return p.survival; });
        if (!curve.points.empty()) lastTime = std::max(lastTime, curve.points.back().time);
    }
    setNiceRange(x_, 0, lastTime);
}

}  // namespace ss::ui
