#include "SentimentTrendChart.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLegend>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ChartColours.h"
#include "Text.h"

namespace ss::ui {

SentimentTrendChart::SentimentTrendChart(QWidget* parent) : QChartView(new QChart(), parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    chart()->legend()->setAlignment(Qt::AlignBottom);
    // The axes live as long as the chart (replacing axes leaves stale labels drawn in Qt 6.4).
    x_ = new QBarCategoryAxis(chart());
    y_ = new QValueAxis(chart());
    chart()->addAxis(x_, Qt::AlignBottom);
    chart()->addAxis(y_, Qt::AlignLeft);
}

int SentimentTrendChart::lineCount() const {
    int n = 0;
    for (auto* s : chart()->series())
        if (qobject_cast<QLineSeries*>(s)) ++n;
    return n;
}

void SentimentTrendChart::reset(const QString& title, const std::vector<std::string>& months, const QString& yTitle) {
    QChart* c = chart();
    c->removeAllSeries();
    c->setTitle(title);
    // Points at x = 0..n-1 sit on the months' categories; a missing point leaves a gap.
    QStringList names;
    for (const auto& m : months) names << qs(m);
    x_->clear();
    x_->append(names);
    x_->setLabelsAngle(names.size() > 8 ? -45 : 0);
    y_->setTitleText(yTitle);
}

void SentimentTrendChart::setOverview(const sentiment::SentimentOverview& overview) {
    reset(tr("Negative reviews by month (months with %1 or more labelled reviews)").arg(kMinimumReviews), overview.months, tr("Negative (%)"));
    QChart* c = chart();
    double top = 0;
    auto addLine = [&](const QString& name, const std::vector<sentiment::SentimentTally>& tallies, const QColor& colour, int width) {
        auto* line = new QLineSeries(c);
        line->setName(name);
        line->setPen(QPen(colour, width));
        line->setPointsVisible(tallies.size() < 3);
        for (std::size_t m = 0; m < tallies.size(); ++m) {
            const double share = tallies[m].shareNegative();
            if (!std::isfinite(share) || tallies[m].labelled() < kMinimumReviews) continue;
            line->append(static_cast<double>(m), 100.0 * share);
            top = std::max(top, 100.0 * share);
        }
        c->addSeries(line);
        line->attachAxis(x_);
        line->attachAxis(y_);
    };
    addLine(tr("All reviews"), overview.monthly, QColor(40, 40, 40), 3);
    std::size_t lines = 0;
    for (const auto& category : overview.categories) {
        if (lines == kCategoryLines) break;
        if (category.tally.labelled() == 0) continue;
        addLine(category.category.empty() ? tr("(no category)") : qs(category.category), category.months, seriesColour(lines), 2);
        ++lines;
    }
    y_->setRange(0, std::max(5.0, std::ceil(top / 5.0) * 5.0));
    y_->applyNiceNumbers();
    y_->setLabelFormat("%.0f");
}

void SentimentTrendChart::setCounts(const QString& title, const std::vector<std::string>& months, const std::vector<int>& counts) {
    reset(title, months, tr("Reviews"));
    QChart* c = chart();
    auto* line = new QLineSeries(c);
    line->setName(tr("Reviews per month"));
    line->setPen(QPen(seriesColour(0), 3));
    line->setPointsVisible(true);
    int top = 0;
    for (std::size_t m = 0; m < counts.size(); ++m) {
        line->append(static_cast<double>(m), counts[m]);
        top = std::max(top, counts[m]);
    }
    c->addSeries(line);
    line->attachAxis(x_);
    line->attachAxis(y_);
    y_->setRange(0, std::max(1, top));
    y_->applyNiceNumbers();
    y_->setLabelFormat("%.0f");
}

}  // namespace ss::ui
