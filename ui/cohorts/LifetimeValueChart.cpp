#include "LifetimeValueChart.h"

#include <QChart>
#include <QLineSeries>
#include <QValueAxis>

#include <cmath>

#include "CohortText.h"

namespace ss::ui {

LifetimeValueChart::LifetimeValueChart(QWidget* parent) : QChartView(new QChart(), parent) {
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(280);
    chart()->setTitle(tr("Lifetime value per customer (mean of complete cohorts)"));
    chart()->legend()->setAlignment(Qt::AlignBottom);
    x_ = new QValueAxis(chart());
    x_->setLabelFormat("%d");
    left_ = new QValueAxis(chart());
    right_ = new QValueAxis(chart());
    for (auto* axis : {left_, right_}) axis->setLabelFormat("%.2f");
    left_->setTitleText(tr("Purchases per customer"));
    right_->setTitleText(tr("Revenue per customer"));
    chart()->addAxis(x_, Qt::AlignBottom);
    chart()->addAxis(left_, Qt::AlignLeft);
    chart()->addAxis(right_, Qt::AlignRight);
}

int LifetimeValueChart::pointCount() const {
    const auto series = chart()->series();
    return series.isEmpty() ? 0 : static_cast<QLineSeries*>(series.first())->count();
}

void LifetimeValueChart::setMatrix(const CohortMatrix& m) {
    QChart* c = chart();
    c->removeAllSeries();
    QValueAxis* x = x_;
    x->setTitleText(CohortText::periodsAfterJoining(m.definition));
    auto addLine = [&](const QString& name, double CohortCell::*field, QValueAxis* axis, const QColor& colour) {
        auto* line = new QLineSeries(c);
        line->setName(name);
        double top = 0;
        for (std::size_t col = 0; col < m.mean.size(); ++col) {
            const double v = m.mean[col].*field;
            if (!m.mean[col].complete || std::isnan(v)) continue;
            line->append(static_cast<double>(col), v);
            top = std::max(top, v);
        }
        QPen pen(colour);
        pen.setWidthF(2.5);
        line->setPen(pen);
        c->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(axis);
        axis->setRange(0, std::max(top * 1.1, 0.01));
        axis->applyNiceNumbers();
        axis->setMin(0);
    };
    addLine(tr("Purchases per customer"), &CohortCell::purchasesPerCustomer, left_, QColor(20, 120, 110));
    right_->setVisible(m.hasRevenue);
    if (m.hasRevenue) addLine(tr("Revenue per customer"), &CohortCell::revenuePerCustomer, right_, QColor(214, 110, 30));
    const int last = std::max(1, static_cast<int>(m.mean.size()) - 1);
    x->setRange(0, last);
    if (last <= 16) x->setTickCount(last + 1);
    else x->applyNiceNumbers();
}

}  // namespace ss::ui
