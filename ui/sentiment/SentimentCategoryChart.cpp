#include "SentimentCategoryChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalPercentBarSeries>
#include <QLocale>
#include <QValueAxis>

#include "SentimentText.h"
#include "Text.h"

namespace ss::ui {

// Negative in red, neutral grey, positive in the teal of the other charts.
static const QColor kSentimentColours[] = {QColor(200, 70, 60), QColor(170, 170, 170), QColor(20, 120, 110)};

SentimentCategoryChart::SentimentCategoryChart(QWidget* parent) : ChartView(parent, 260, Qt::AlignBottom) {
    chart()->setTitle(tr("Sentiment by category"));
    // The axes live as long as the chart (replacing axes leaves stale labels drawn in Qt 6.4).
    y_ = new QBarCategoryAxis(chart());
    chart()->addAxis(y_, Qt::AlignLeft);
    x_ = addValueAxis(Qt::AlignBottom);
    setNiceRange(x_, 0, 100);
    x_->setLabelFormat("%d%%");
}

void SentimentCategoryChart::setOverview(const sentiment::SentimentOverview& overview) {
    clearSeries();
    QChart* c = chart();
    auto* series = new QHorizontalPercentBarSeries(c);
    QBarSet* sets[3];
    for (int s = 0; s < 3; ++s) {
        sets[s] = new QBarSet(SentimentText::sentiment(s - 1), series);
        sets[s]->setColor(kSentimentColours[s]);
        sets[s]->setBorderColor(kSentimentColours[s]);
        series->append(sets[s]);
    }
    QStringList names;
    categories_ = 0;
    // Bars are drawn bottom-up: the largest category goes last so it shows on top.
    std::vector<const sentiment::CategorySentiment*> shown;
    for (const auto& category : overview.categories)
        if (category.tally.labelled() > 0 && shown.size() < kMostCategories) shown.push_back(&category);
    for (auto it = shown.rbegin(); it != shown.rend(); ++it) {
        const auto& t = (*it)->tally;
        sets[0]->append(static_cast<qreal>(t.negative));
        sets[1]->append(static_cast<qreal>(t.neutral));
        sets[2]->append(static_cast<qreal>(t.positive));
        const QString name = (*it)->category.empty() ? tr("(no category)") : qs((*it)->category);
        names << tr("%1 (%2)").arg(name, QLocale().toString(static_cast<qlonglong>(t.labelled())));
        ++categories_;
    }
    c->addSeries(series);
    y_->clear();
    y_->append(names);
    series->attachAxis(y_);
    series->attachAxis(x_);
    setMinimumHeight(std::max(260, 90 + 26 * categories_));
}

}  // namespace ss::ui
