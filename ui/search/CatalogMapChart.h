// CatalogMapChart: the Search screen's embedding map — every item's sentence vector projected to 2D
// (PCA), one scatter series per category in hues spread around the wheel, the share of variance each
// component explains on its axis, and the item under the cursor named in a tooltip. GUI thread only.
#pragma once

#include <memory>
#include <vector>

#include "ChartView.h"
#include "embed/SemanticCatalog.h"

class QValueAxis;

namespace ss::ui {

class CatalogMapChart : public ChartView {
    Q_OBJECT
public:
    explicit CatalogMapChart(QWidget* parent = nullptr);
    void setMap(CatalogMap map);
    void clear();
    int pointCount() const;

private:
    QValueAxis *x_, *y_;
};

}  // namespace ss::ui
