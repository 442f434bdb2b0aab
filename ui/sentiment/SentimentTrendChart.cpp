#include "SentimentTrendChart.h"

#include <QBarCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "ChartColours.h"
#include "Text.h"

namespace ss::ui {

SentimentTrendChart::SentimentTrendChart(QWidget* parent) : ChartView(parent, 260, Qt::AlignBottom) {
    // The axes live as long as the chart (replacing axes leaves stale labels drawn in Qt 6.4).
    x_ = new QBarCategoryAxis(chart());
    chart()->addAxis(x_, Qt::AlignBottom);
    y_ = addValueAxis(Qt::AlignLeft);
}

void SentimentTrendChart::reset(const QString& title, const std::vector<std::string>& months, const QString& yTitle) {
    clearSeries();
    chart()->setTitle(title);
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
    double top = 0;
    auto addShare = [&](const QString& name, const std::vector<sentiment::SentimentTally>& tallies, const QColor& colour, qreal width) {
        auto* line = addLine(name, colour, width, x_, y_);
        line->setPointsVisible(tallies.size() < 3);
        for (std::size_t m = 0; m < tallies.size(); ++m) {
            const double share = tallies[m].shareNegative();
            if (!std::isfinite(share) || tallies[m].labelled() < kMinimumReviews) continue;
            line->append(static_cast<double>(m), 100.0 * share);
            top = std::max(top, 100.0 * share);
        }
    };
    addShare(tr("All reviews"), overview.monthly, QColor(40, 40, 40), 3);
    std::size_t lines = 0;
    for (const auto& category : overview.categories) {
        if (lines == kCategoryLines) break;
        if (category.tally.labelled() == 0) continue;
        addShare(category.category.empty() ? tr("(no category)") : qs(category.category), category.months, seriesColour(lines), 2);
        ++lines;
    }
    setNiceRange(y_, 0, std::max(5.0, top));
}

void SentimentTrendChart::setCounts(const QString& title, const std::vector<std::string>& months, const std::vector<int>& counts) {
    reset(title, months, tr("Reviews"));
    auto* line = addLine(tr("Reviews per month"), seriesColour(0), 3, x_, y_);
    line->setPointsVisible(true);
    int top = 0;
    for (std::size_t m = 0; m < counts.size(); ++m) {
        line->append(static_cast<double>(m), counts[m]);
        top = std::max(top, counts[m]);
    }
    setNiceRange(y_, 0, std::max(4, top));  // whole reviews: steps of at least one
}

}  // namespace ss::ui
