#include "SliceBarChart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QVBarModelMapper>
#include <QValueAxis>

#include <algorithm>

#include "SliceTableModel.h"

namespace ss::ui {

SliceBarChart::SliceBarChart(SliceTableModel* model, QWidget* parent)
    : BarChartView(model, SliceTableModel::ValueRole, parent), model_(model) {  // exact values, not the table's text
    chart()->legend()->setAlignment(Qt::AlignTop);
    connect(model, &QAbstractItemModel::modelReset, this, &SliceBarChart::rebuild);
    rebuild();
}

void SliceBarChart::rebuild() {
    // Columns from kFirstRecommenderColumn on are the recommenders: one bar set each.
    const int first = SliceTableModel::kFirstRecommenderColumn, last = model_->columnCount() - 1;
    mapColumns(first, last);
    QStringList categories;
    double top = 0;
    for (int r = 0; r < model_->rowCount(); ++r) {
        categories << model_->index(r, 0).data(SliceTableModel::ShortLabelRole).toString();
        for (int c = first; c <= last; ++c) top = std::max(top, model_->index(r, c).data(SliceTableModel::ValueRole).toDouble());
    }
    setCategories(categories, top);
    chart()->setTitle(model_->columnCount() > first ? model_->headerData(first, Qt::Horizontal).toString().section(QLatin1Char(' '), -1)
                                                    : QString());
}

}  // namespace ss::ui
