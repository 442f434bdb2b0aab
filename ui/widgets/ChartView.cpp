#include "ChartView.h"

#include <QAreaSeries>
#include <QChart>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

#include "ExportFiles.h"
#include "NiceAxis.h"

namespace ss::ui {
namespace {
constexpr int kMostPeriodTicks = 16;
}

ChartView::ChartView(QWidget* parent, int minimumHeight, Qt::Alignment legend) : QChartView(new QChart(), parent) {
    // Configured in place: setChart() would leave the view's first chart undeleted.
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(minimumHeight);
    chart()->setMargins(QMargins(4, 4, 4, 4));
    chart()->legend()->setAlignment(legend);
}

int ChartView::lineCount() const {
    int n = 0;
    for (auto* s : chart()->series())
        if (qobject_cast<QLineSeries*>(s)) ++n;
    return n;
}

QString ChartView::saveImage(const QString& path) { return ExportFiles::saveImage(*this, path); }

QValueAxis* ChartView::addValueAxis(Qt::Alignment side, const QString& title) {
    auto* axis = new QValueAxis(chart());
    if (!title.isEmpty()) axis->setTitleText(title);
    chart()->addAxis(axis, side);
    return axis;
}

QLineSeries* ChartView::addLine(const QString& name, const QColor& colour, qreal width, QAbstractAxis* x, QAbstractAxis* y) {
    auto* line = new QLineSeries(chart());
    line->setName(name);
    QPen pen(colour);
    pen.setWidthF(width);
    line->setPen(pen);
    chart()->addSeries(line);
    line->attachAxis(x);
    line->attachAxis(y);
    return line;
}

void ChartView::addBand(QLineSeries* upper, QLineSeries* lower, const QColor& colour, QAbstractAxis* x, QAbstractAxis* y) {
    auto* band = new QAreaSeries(upper, lower);
    QColor light = colour;
    light.setAlpha(55);
    band->setColor(light);
    band->setBorderColor(light);
    chart()->addSeries(band);
    band->attachAxis(x);
    band->attachAxis(y);
    chart()->legend()->markers(band).first()->setVisible(false);
}

void ChartView::clearSeries() { chart()->removeAllSeries(); }

void ChartView::setNiceRange(QValueAxis* axis, double low, double high) { applyNiceRange(axis, low, high); }

void ChartView::setPeriodRange(QValueAxis* axis, int first, int last) {
    last = std::max(first + 1, last);
    if (last - first + 1 <= kMostPeriodTicks) {
        axis->setTickType(QValueAxis::TicksFixed);
        axis->setRange(first, last);
        axis->setTickCount(last - first + 1);
        axis->setLabelFormat(QStringLiteral("%d"));
    } else {
        applyNiceRange(axis, first, last, 9);
    }
}

}  // namespace ss::ui
