// KpiTile: one key number at a glance — a caption, the value in large type, a line of detail (an
// interval, a comparison) and a sparkline of its recent trend. GUI thread only.
#pragma once

#include <QFrame>
#include <QVector>

class QLabel;
class QChartView;
class QValueAxis;

namespace ss::ui {

class KpiTile : public QFrame {
    Q_OBJECT
public:
    explicit KpiTile(const QString& caption, QWidget* parent = nullptr);
    void setCaption(const QString& caption);
    // points: the trend, oldest first (an empty list hides the sparkline); tooltip explains the number.
    void setValue(const QString& value, const QString& detail, const QVector<double>& points, const QString& tooltip);
    void clear();
    QString value() const;
    int sparklinePoints() const { return points_; }

private:
    QLabel* caption_;
    QLabel* value_;
    QLabel* detail_;
    QChartView* sparkline_;
    QValueAxis *sparkX_, *sparkY_;
    int points_ = 0;
};

}  // namespace ss::ui
