// ChartView: the base of every chart in the workbench. One QChart configured in place (antialiased,
// tight margins, the legend where the chart wants it); value axes whose ticks a person would choose
// (NiceAxis) and whole-number period axes; series in the project's colours (ChartColours), lines
// with their 95% bands; export as PNG or SVG (ExportFiles). Subclasses add their axes and data: the
// bar charts through BarChartView, the line charts (retention, survival, lifetime value, sentiment
// by month, the two-tower loss) directly. GUI thread only.
#pragma once

#include <QChartView>
#include <QColor>
#include <QString>

class QAbstractAxis;
class QLineSeries;
class QValueAxis;

namespace ss::ui {

class ChartView : public QChartView {
    Q_OBJECT
public:
    // Lines shown (a band's edges are not lines of their own).
    int lineCount() const;
    // Writes what the chart shows to `path`, PNG or SVG by its suffix; empty on success, else a message.
    QString saveImage(const QString& path);

protected:
    explicit ChartView(QWidget* parent = nullptr, int minimumHeight = 260, Qt::Alignment legend = Qt::AlignBottom);

    // A value axis on `side` of the chart, kept for the chart's life (replacing axes leaves stale
    // labels drawn in Qt 6.4).
    QValueAxis* addValueAxis(Qt::Alignment side, const QString& title = QString());
    // A line named `name` in `colour`, `width` pixels wide, on the axes; points can be appended after.
    QLineSeries* addLine(const QString& name, const QColor& colour, qreal width, QAbstractAxis* x, QAbstractAxis* y);
    // The light band between two lines (e.g. a 95% interval), with no legend entry; takes both.
    void addBand(QLineSeries* upper, QLineSeries* lower, const QColor& colour, QAbstractAxis* x, QAbstractAxis* y);
    // Removes every series (the axes stay).
    void clearSeries();

    // `axis` from `low` to at least `high`, with nice ticks.
    static void setNiceRange(QValueAxis* axis, double low, double high);
    // Whole periods `first`..`last` on `axis`: one tick per period while they fit, else nice ticks.
    static void setPeriodRange(QValueAxis* axis, int first, int last);
};

}  // namespace ss::ui
