// CohortTableModel: a retention matrix as a heatmap table — one row per cohort and a last row for
// the mean; columns: cohort start, size, then one per period. Shows the chosen measure (retention
// rate, customers, or cumulative purchases/revenue per customer), colours cells by rate, marks
// incomplete periods (italic, grey, "…") and explains each cell in its tooltip (counts and the 95%
// interval). GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include "cohorts/CohortMatrix.h"

namespace ss::ui {

class CohortTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class Measure { Rate, Customers, Purchases, Revenue };
    enum Role { RateRole = Qt::UserRole + 1, CompleteRole, CountRole };
    static constexpr int kFirstPeriodColumn = 2;

    explicit CohortTableModel(QObject* parent = nullptr);

    void setMatrix(CohortMatrix matrix);
    const CohortMatrix& matrix() const { return matrix_; }
    void setMeasure(Measure measure);
    Measure measure() const { return measure_; }
    bool isMeanRow(int row) const { return row == static_cast<int>(matrix_.rows.size()); }
    // The cell behind an index (nullptr for the label columns and for periods a cohort has not reached).
    const CohortCell* cell(const QModelIndex& index) const;
    // Heat colour of a rate in [0, 1] (shared with the legend).
    static QColor heat(double rate);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString cellText(const CohortCell& c) const;
    QString tooltip(int row, int column, const CohortCell& c) const;

    CohortMatrix matrix_;
    Measure measure_ = Measure::Rate;
    bool hasMatrix_ = false;
};

}  // namespace ss::ui
