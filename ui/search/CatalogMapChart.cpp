#include "CatalogMapChart.h"

#include <QChart>
#include <QCursor>
#include <QScatterSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <map>

#include "Text.h"

namespace ss::ui {

CatalogMapChart::CatalogMapChart(QWidget* parent) : ChartView(parent, 320, Qt::AlignRight) {
    chart()->setTitle(tr("Embedding map"));
    x_ = addValueAxis(Qt::AlignBottom);
    y_ = addValueAxis(Qt::AlignLeft);
    x_->setVisible(false);  // until there is a map
    y_->setVisible(false);
}

void CatalogMapChart::clear() {
    clearSeries();
    x_->setVisible(false);
    y_->setVisible(false);
}

int CatalogMapChart::pointCount() const {
    int points = 0;
    for (auto* s : chart()->series())
        if (auto* scatter = qobject_cast<QScatterSeries*>(s)) points += scatter->count();
    return points;
}

void CatalogMapChart::setMap(CatalogMap map) {
    clearSeries();
    auto points = std::make_shared<const std::vector<CatalogMapPoint>>(std::move(map.points));
    std::map<std::string, QScatterSeries*> byCategory;
    for (const auto& p : *points) {
        auto& series = byCategory[p.item.category];
        if (!series) {
            series = new QScatterSeries(chart());
            series->setName(p.item.category.empty() ? tr("(no category)") : qs(p.item.category));
            series->setMarkerSize(7);
            series->setBorderColor(Qt::transparent);
        }
        series->append(p.x, p.y);
    }
    x_->setTitleText(tr("Component 1 (%1% of variance)").arg(map.explained[0] * 100, 0, 'f', 1));
    y_->setTitleText(tr("Component 2 (%1% of variance)").arg(map.explained[1] * 100, 0, 'f', 1));
    x_->setVisible(true);
    y_->setVisible(true);
    float minX = 0, maxX = 0, minY = 0, maxY = 0;
    for (std::size_t i = 0; i < points->size(); ++i) {
        const auto& p = (*points)[i];
        if (i == 0 || p.x < minX) minX = p.x;
        if (i == 0 || p.x > maxX) maxX = p.x;
        if (i == 0 || p.y < minY) minY = p.y;
        if (i == 0 || p.y > maxY) maxY = p.y;
    }
    const float padX = (maxX - minX) * 0.05f + 1e-3f, padY = (maxY - minY) * 0.05f + 1e-3f;
    setNiceRange(x_, minX - padX, maxX + padX);
    setNiceRange(y_, minY - padY, maxY + padY);
    int colourIndex = 0;
    const int colours = static_cast<int>(byCategory.size());
    for (auto& [category, series] : byCategory) {
        // Categories outnumber the project's series colours: spread the hues so neighbours differ.
        series->setColor(QColor::fromHsv(colourIndex * 360 / std::max(1, colours), 190, colourIndex % 2 ? 170 : 230));
        ++colourIndex;
        chart()->addSeries(series);
        series->attachAxis(x_);
        series->attachAxis(y_);
        // Hover: name the item under the cursor (nearest point of this series).
        connect(series, &QScatterSeries::hovered, this, [points, category = category](const QPointF& at, bool state) {
            if (!state) {
                QToolTip::hideText();
                return;
            }
            const CatalogMapPoint* best = nullptr;
            double bestDistance = 0;
            for (const auto& p : *points) {
                if (p.item.category != category) continue;
                const double d = (p.x - at.x()) * (p.x - at.x()) + (p.y - at.y()) * (p.y - at.y());
                if (!best || d < bestDistance) {
                    best = &p;
                    bestDistance = d;
                }
            }
            if (best)
                QToolTip::showText(QCursor::pos(), QStringLiteral("<b>%1</b><br>%2<br>%3")
                                                       .arg(qs(best->item.externalId).toHtmlEscaped(), qs(best->item.title).toHtmlEscaped(),
                                                            qs(best->item.category).toHtmlEscaped()));
        });
    }
}

}  // namespace ss::ui
