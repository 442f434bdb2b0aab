// SliceTableModel: the per-slice breakdown of one evaluation for one metric — a row per slice (cold
// items, warm items, cold users, warm users, one per acquisition cohort), the number of test users in
// it, and a column per recommender; the best recommender of each slice is marked (BestRole).
// CSV export through ExportFiles. GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include <memory>

#include "rec/Evaluation.h"

namespace ss::ui {

class SliceTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { ValueRole = Qt::UserRole + 1, BestRole, SliceKeyRole, ShortLabelRole };
    explicit SliceTableModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setResult(std::shared_ptr<const rec::EvaluationResult> result);
    void setMetric(MetricId metric);
    MetricId metric() const { return metric_; }
    static QString sliceLabel(const QString& key);       // "cold_items" → "Cold items (no training interactions)"
    static QString shortSliceLabel(const QString& key);  // "cold_items" → "Cold items", "cohort 2025-03" → "2025-03"
    static constexpr int kFirstRecommenderColumn = 2;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void rebuild();
    const rec::SliceResult* slice(int row, int run) const;

    std::shared_ptr<const rec::EvaluationResult> result_;
    MetricId metric_ = MetricId::Ndcg;
    std::vector<std::string> slices_;  // union over runs, in the first run's order
    std::vector<int> best_;            // per row: the best run, -1 when none
};

}  // namespace ss::ui
