// SentimentCategoryChart: how customers feel per category — one horizontal bar per category (the
// largest first, at most twelve), split into negative, neutral and positive shares of its labelled
// reviews (stacked to 100%), with the number of reviews in the category's label. GUI thread only.
#pragma once

#include "ChartView.h"

#include "sentiment/SentimentOverview.h"

class QBarCategoryAxis;
class QValueAxis;

namespace ss::ui {

class SentimentCategoryChart : public ChartView {
    Q_OBJECT
public:
    static constexpr std::size_t kMostCategories = 12;
    explicit SentimentCategoryChart(QWidget* parent = nullptr);
    void setOverview(const sentiment::SentimentOverview& overview);
    int categoryCount() const { return categories_; }

private:
    int categories_ = 0;
    QBarCategoryAxis* y_;
    QValueAxis* x_;
};

}  // namespace ss::ui
