#include "LifetimeValueChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

#include "ChartColours.h"
#include "CohortText.h"

namespace ss::ui {

LifetimeValueChart::LifetimeValueChart(QWidget* parent) : ChartView(parent, 280, Qt::AlignBottom) {
    chart()->setTitle(tr("Lifetime value per customer (mean of complete cohorts)"));
    x_ = addValueAxis(Qt::AlignBottom);
    left_ = addValueAxis(Qt::AlignLeft, tr("Purchases per customer"));
    right_ = addValueAxis(Qt::AlignRight, tr("Revenue per customer"));
}

int LifetimeValueChart::pointCount() const {
    const auto series = chart()->series();
    return series.isEmpty() ? 0 : static_cast<QLineSeries*>(series.first())->count();
}

void LifetimeValueChart::setMatrix(const CohortMatrix& m) {
    clearSeries();
    x_->setTitleText(CohortText::periodsAfterJoining(m.definition));
    auto addCurve = [&](const QString& name, double CohortCell::*field, QValueAxis* axis, std::size_t colour) {
        auto* line = addLine(name, seriesColour(colour), 2.5, x_, axis);
        double top = 0;
        QList<QPointF> points;  // appended at once: one redraw, not one per point
        for (std::size_t col = 0; col < m.mean.size(); ++col) {
            const double v = m.mean[col].*field;
            if (!m.mean[col].complete || std::isnan(v)) continue;
            points.append(QPointF(static_cast<double>(col), v));
            top = std::max(top, v);
        }
        line->append(points);
        setNiceRange(axis, 0, std::max(top * 1.1, 0.01));
    };
    addCurve(tr("Purchases per customer"), &CohortCell::purchasesPerCustomer, left_, 0);
    right_->setVisible(m.hasRevenue);
    if (m.hasRevenue) addCurve(tr("Revenue per customer"), &CohortCell::revenuePerCustomer, right_, 1);
    setPeriodRange(x_, 0, std::max(1, static_cast<int>(m.mean.size()) - 1));
}

}  // namespace ss::ui
