#include "RetentionCurveChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

#include "CohortText.h"
#include "ChartColours.h"
#include "Text.h"

namespace ss::ui {

RetentionCurveChart::RetentionCurveChart(QWidget* parent) : ChartView(parent, 280, Qt::AlignRight) {
    chart()->setTitle(tr("Retention by period"));
    x_ = addValueAxis(Qt::AlignBottom);
    y_ = addValueAxis(Qt::AlignLeft, tr("Retained (%)"));
}

void RetentionCurveChart::addMean(const QString& name, const CohortMatrix& m, const QColor& colour, double& top, int& lastColumn) {
    QList<QPointF> points, upperPoints, lowerPoints;  // set at once: one redraw, not one per point
    auto* upper = new QLineSeries(chart());
    auto* lower = new QLineSeries(chart());
    for (std::size_t col = 1; col < m.mean.size(); ++col) {
        const auto& cell = m.mean[col];
        if (!cell.complete || std::isnan(cell.rate)) continue;
        points.append(QPointF(static_cast<double>(col), cell.rate * 100.0));
        const double lo = std::isnan(cell.low) ? cell.rate : cell.low, hi = std::isnan(cell.high) ? cell.rate : cell.high;
        upperPoints.append(QPointF(static_cast<double>(col), hi * 100.0));
        lowerPoints.append(QPointF(static_cast<double>(col), lo * 100.0));
        top = std::max(top, hi * 100.0);
        lastColumn = std::max(lastColumn, static_cast<int>(col));
    }
    if (points.isEmpty()) {
        delete upper;
        delete lower;
        return;
    }
    upper->replace(upperPoints);
    lower->replace(lowerPoints);
    addBand(upper, lower, colour, x_, y_);
    addLine(name, colour, 3.0, x_, y_)->append(points);
}

void RetentionCurveChart::setMatrix(const CohortMatrix& m, const std::vector<std::pair<QString, const CohortMatrix*>>& groups) {
    clearSeries();
    x_->setTitleText(CohortText::periodsAfterJoining(m.definition));
    double top = 0;
    int lastColumn = 1;
    // Recent cohorts (thin): from period 1 on, complete cells only; with groups, one mean per group instead.
    const std::size_t first = !groups.empty() ? m.rows.size() : m.rows.size() > kCohortLines ? m.rows.size() - kCohortLines : 0;
    for (std::size_t r = first; r < m.rows.size(); ++r) {
        QList<QPointF> points;
        for (std::size_t col = 1; col < m.rows[r].cells.size(); ++col) {
            const auto& cell = m.rows[r].cells[col];
            if (!cell.complete || std::isnan(cell.rate)) break;
            points.append(QPointF(static_cast<double>(col), cell.rate * 100.0));
            top = std::max(top, cell.rate * 100.0);
            lastColumn = std::max(lastColumn, static_cast<int>(col));
        }
        if (points.isEmpty()) continue;
        // A hue per cohort, from blue (oldest shown) to orange (newest); thin, so the mean stands out.
        const float hue = 0.6f - 0.5f * static_cast<float>(r - first) / static_cast<float>(kCohortLines);
        addLine(qs(m.rows[r].label), QColor::fromHsvF(hue, 0.6f, 0.8f), 1.3, x_, y_)->append(points);
    }
    if (groups.empty()) {
        addMean(tr("Mean (95% interval)"), m, seriesColour(0), top, lastColumn);
    } else {
        for (std::size_t g = 0; g < groups.size(); ++g) addMean(groups[g].first, *groups[g].second, seriesColour(g), top, lastColumn);
    }
    setPeriodRange(x_, 1, lastColumn);
    setNiceRange(y_, 0, std::max(5.0, top * 1.1));
}

}  // namespace ss::ui
