// LossCurveModel: a model's training curve — one row per epoch with the training and validation loss.
// Rows are appended live while training runs (from the two-tower's per-epoch hook, delivered on the
// GUI thread) or set at once from a finished run's training log. GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include <vector>

namespace ss::ui {

class LossCurveModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Epoch, Train, Validation, ColumnCount };
    explicit LossCurveModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void append(int epoch, double train, double validation);
    void setCurve(const std::vector<double>& train, const std::vector<double>& validation);  // epochs 1..n
    void clear();
    double maxLoss() const;
    double minLoss() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        int epoch = 0;
        double train = 0, validation = 0;
    };
    std::vector<Row> rows_;
};

}  // namespace ss::ui
