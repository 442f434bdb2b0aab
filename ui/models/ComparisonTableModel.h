// ComparisonTableModel: one evaluation's comparison table — a row per recommender; per ranking metric
// a value column and a 95% CI column (seeded bootstrap); then beyond-accuracy measures and timings.
// The best value of each column is marked (BestRole), and so is every value whose difference from
// that best is not significant (paired t-test over users, NotSignificantRole); headers carry the
// metric definitions from core/eval. Exports itself as long-format CSV. GUI thread only.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <optional>

#include "rec/Evaluation.h"

namespace ss::ui {

class ComparisonTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { ValueRole = Qt::UserRole + 1, BestRole, NotSignificantRole, CiLowRole, CiHighRole, PValueRole, ShortNameRole };
    enum Extra { Coverage, Novelty, Diversity, AveragePopularity, NegativeShare, TrainSeconds, UsersPerSecond, ExtraCount };
    static constexpr int kMetricColumns = static_cast<int>(kAllMetrics.size()) * 2;
    explicit ComparisonTableModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    void setResult(std::shared_ptr<const rec::EvaluationResult> result);
    const rec::EvaluationResult* result() const { return result_.get(); }

    static int valueColumn(MetricId id) { return 1 + 2 * static_cast<int>(id); }
    static int ciColumn(MetricId id) { return 2 + 2 * static_cast<int>(id); }
    static int extraColumn(Extra e) { return 1 + kMetricColumns + static_cast<int>(e); }
    std::optional<double> value(int row, int column) const;   // the number behind a value column
    int bestRow(int column) const;                            // -1 when the column has no best
    // The comparison of this row with the column's best (metric columns only).
    const rec::Comparison* versusBest(int row, int column) const;
    // Long format: recommender, metric, value, ci_low, ci_high, best, p_value_vs_best, significant_vs_best.
    QString csv() const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::optional<MetricId> metricOf(int column) const;
    bool higherIsBetter(int column) const;
    QString extraName(Extra e) const;
    QString extraDefinition(Extra e) const;

    std::shared_ptr<const rec::EvaluationResult> result_;
    std::vector<int> best_;  // per column
};

}  // namespace ss::ui
