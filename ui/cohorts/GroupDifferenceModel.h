// GroupDifferenceModel: two customer groups' retention compared period by period — each group's
// pooled rate (complete cells, weighted by cohort size) with its counts, the difference B − A in
// percentage points and Newcombe's 95% interval (core compareMeanRetention). A row whose interval
// leaves out zero is a real difference and says so. GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <vector>

#include "cohorts/CohortMatrix.h"

namespace ss::ui {

class GroupDifferenceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Period, RateA, RateB, Difference, Interval, ColumnCount };
    enum Role { DifferenceRole = Qt::UserRole + 1, SignificantRole };
    explicit GroupDifferenceModel(QObject* parent = nullptr);

    // `periods`: the heading of each column of the compared matrices ("Week 1", ...); period 0 is left out.
    void setComparison(const QString& groupA, const QString& groupB, std::vector<RetentionDifference> differences,
                       const QStringList& periods);
    void clear();
    const std::vector<RetentionDifference>& differences() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString groupA_, groupB_;
    std::vector<RetentionDifference> rows_;
    QStringList periods_;
};

}  // namespace ss::ui
