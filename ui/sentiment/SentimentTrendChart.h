// SentimentTrendChart: values by month as lines on a category axis of months — the share of
// negative reviews overall and for the largest categories (months with too few labelled reviews
// leave a gap), or a topic's reviews per month. GUI thread only.
#pragma once

#include "ChartView.h"

#include <string>
#include <utility>
#include <vector>

#include "sentiment/SentimentOverview.h"

class QValueAxis;

class QBarCategoryAxis;

namespace ss::ui {

class SentimentTrendChart : public ChartView {
    Q_OBJECT
public:
    static constexpr std::size_t kCategoryLines = 4;
    // A month's share is drawn only from this many labelled reviews on (fewer leave a gap: a share
    // of three reviews is noise).
    static constexpr std::int64_t kMinimumReviews = 10;
    explicit SentimentTrendChart(QWidget* parent = nullptr);
    // Share negative per month: all reviews in bold, then the largest categories.
    void setOverview(const sentiment::SentimentOverview& overview);
    // One line of counts per month (a topic's trend).
    void setCounts(const QString& title, const std::vector<std::string>& months, const std::vector<int>& counts);

private:
    void reset(const QString& title, const std::vector<std::string>& months, const QString& yTitle);
    QBarCategoryAxis* x_;
    QValueAxis* y_;
};

}  // namespace ss::ui
