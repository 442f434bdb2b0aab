#include "RetentionCurveChart.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <cmath>

#include "CohortText.h"
#include "ChartColours.h"
#include "Text.h"

namespace ss::ui {
RetentionCurveChart::RetentionCurveChart(QWidget* parent) : QChartView(new QChart(), parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(280);
    chart()->legend()->setAlignment(Qt::AlignRight);
    chart()->setTitle(tr("Retention by period"));
    x_ = new QValueAxis(chart());
    y_ = new QValueAxis(chart());
    x_->setLabelFormat("%d");
    y_->setTitleText(tr("Retained (%)"));
    y_->setLabelFormat("%.0f");
    chart()->addAxis(x_, Qt::AlignBottom);
    chart()->addAxis(y_, Qt::AlignLeft);
}

int RetentionCurveChart::lineCount() const {
    int n = 0;
    for (auto* s : chart()->series())
        if (qobject_cast<QLineSeries*>(s)) ++n;
    return n;
}

void RetentionCurveChart::addMean(const QString& name, const CohortMatrix& m, const QColor& colour, double& top, int& lastColumn) {
    QChart* c = chart();
    auto* mean = new QLineSeries(c);
    auto* upper = new QLineSeries(c);
    auto* lower = new QLineSeries(c);
    mean->setName(name);
    for (std::size_t col = 1; col < m.mean.size(); ++col) {
        const auto& cell = m.mean[col];
        if (!cell.complete || std::isnan(cell.rate)) continue;
        mean->append(static_cast<double>(col), cell.rate * 100.0);
        const double lo = std::isnan(cell.low) ? cell.rate : cell.low, hi = std::isnan(cell.high) ? cell.rate : cell.high;
        upper->append(static_cast<double>(col), hi * 100.0);
        lower->append(static_cast<double>(col), lo * 100.0);
        top = std::max(top, hi * 100.0);
        lastColumn = std::max(lastColumn, static_cast<int>(col));
    }
    if (mean->count() == 0) {
        delete mean;
        delete upper;
        delete lower;
        return;
    }
    auto* band = new QAreaSeries(upper, lower);
    QColor light = colour;
    light.setAlpha(55);
    band->setColor(light);
    band->setBorderColor(light);
    c->addSeries(band);
    band->attachAxis(x_);
    band->attachAxis(y_);
    c->legend()->markers(band).first()->setVisible(false);
    QPen pen(colour);
    pen.setWidthF(3.0);
    mean->setPen(pen);
    c->addSeries(mean);
    mean->attachAxis(x_);
    mean->attachAxis(y_);
}

void RetentionCurveChart::setMatrix(const CohortMatrix& m, const std::vector<std::pair<QString, const CohortMatrix*>>& groups) {
    QChart* c = chart();
    c->removeAllSeries();
    QValueAxis* x = x_;
    QValueAxis* y = y_;
    x->setTitleText(CohortText::periodsAfterJoining(m.definition));
    double top = 0;
    int lastColumn = 1;
    // Recent cohorts (thin): from period 1 on, complete cells only; with groups, one mean per group instead.
    const std::size_t first = !groups.empty() ? m.rows.size() : m.rows.size() > kCohortLines ? m.rows.size() - kCohortLines : 0;
    for (std::size_t r = first; r < m.rows.size(); ++r) {
        auto* line = new QLineSeries(c);
        line->setName(qs(m.rows[r].label));
        for (std::size_t col = 1; col < m.rows[r].cells.size(); ++col) {
            const auto& cell = m.rows[r].cells[col];
            if (!cell.complete || std::isnan(cell.rate)) break;
            line->append(static_cast<double>(col), cell.rate * 100.0);
            top = std::max(top, cell.rate * 100.0);
            lastColumn = std::max(lastColumn, static_cast<int>(col));
        }
        if (line->count() == 0) {
            delete line;
            continue;
        }
        // A hue per cohort, from blue (oldest shown) to orange (newest); thin, so the mean stands out.
        const float hue = 0.6f - 0.5f * static_cast<float>(r - first) / static_cast<float>(kCohortLines);
        QPen pen(QColor::fromHsvF(hue, 0.6f, 0.8f));
        pen.setWidthF(1.3);
        line->setPen(pen);
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
    }
    if (groups.empty()) {
        addMean(tr("Mean (95% interval)"), m, seriesColour(0), top, lastColumn);
    } else {
        for (std::size_t g = 0; g < groups.size(); ++g) addMean(groups[g].first, *groups[g].second, seriesColour(g), top, lastColumn);
    }
    x->setRange(1, std::max(2, lastColumn));
    // Whole periods on the axis: one tick per period while they fit, else nice numbers.
    if (lastColumn <= 16) x->setTickCount(std::max(2, lastColumn));
    else x->applyNiceNumbers();
    y->setRange(0, std::max(5.0, top * 1.1));
    y->applyNiceNumbers();
    y->setMin(0);
}

}  // namespace ss::ui
