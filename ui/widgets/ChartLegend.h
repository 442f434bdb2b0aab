// ChartLegend: one legend for several charts that share their series (the Models screen's six metric
// charts: a colour per recommender) — a row of colour swatches with names, wrapping when narrow.
// GUI thread only.
#pragma once

#include <QColor>
#include <QList>
#include <QPair>
#include <QWidget>

class QLabel;

namespace ss::ui {

class ChartLegend : public QWidget {
    Q_OBJECT
public:
    explicit ChartLegend(QWidget* parent = nullptr);
    void setEntries(const QList<QPair<QColor, QString>>& entries);
    QStringList names() const;

private:
    QLabel* text_;
    QStringList names_;
};

}  // namespace ss::ui
