// ModelsScreen: the model lab — choose recommenders and their parameters, a split, k and a metric
// convention; train and evaluate them as one job (progress and Cancel; the two-tower's loss curve
// grows live); then compare: a table with 95% CIs where the best of each column is highlighted and
// differences from it that are not significant are marked, bar charts per metric with CI whiskers,
// the per-slice breakdown (cold items, cold users, cohorts), and exports to CSV and images.
// Owns the last EvaluationResult (shared with its models). GUI thread only.
#pragma once

#include <QList>

#include <memory>

#include "MetricChartsGrid.h"
#include "ProjectScreen.h"
#include "common/JobContext.h"
#include "rec/Evaluation.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTabWidget;
class QTableView;

namespace ss::ui {

class RunHistoryPanel;

class ChartLegend;
class ComparisonTableModel;
class EvaluationSetupBox;
class JobRunner;
class LossChart;
class MetricBarChart;
class ParameterModel;
class SliceBarChart;
class SliceTableModel;

class ModelsScreen : public ProjectScreen {
    Q_OBJECT
public:
    ModelsScreen(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>& project) override;

    void setRecommenders(const QStringList& names);
    QStringList recommenders() const;
    void setSplit(const QString& kind, double testFraction);
    void setTopK(int k);
    void setConvention(const QString& name);
    void setBootstrapResamples(int n);
    ParameterModel* parameters() const { return parameters_; }
    ComparisonTableModel* comparison() const { return comparison_; }
    SliceTableModel* slices() const { return slices_; }
    SliceBarChart* sliceChart() const { return sliceChart_; }
    LossChart* lossChart() const { return lossChart_; }
    const QList<MetricBarChart*>& charts() const { return chartsGrid_->charts(); }
    ChartLegend* chartLegend() const { return chartsGrid_->legend(); }
    QTabWidget* tabs() const { return tabs_; }
    RunHistoryPanel* history() const { return history_; }
    bool running() const { return job_ != 0; }

    // Exports (the buttons ask for a path first); each returns an error message, empty on success.
    QString exportComparisonCsv(const QString& path) const;
    QString exportSlicesCsv(const QString& path) const;
    QString saveChartsImage(const QString& path);
    QString saveLossImage(const QString& path);

public slots:
    void evaluate();
    void cancel();

signals:
    void evaluated();
    void epochReported(int epoch, double trainLoss, double validationLoss);
    void failed(const QString& message);

private:
    void showResult(std::shared_ptr<const rec::EvaluationResult> result);
    void showEpoch(const JobProgress& progress);
    void report(const QString& message, bool error);
    QString askPath(const QString& title, const QString& suggested, const QString& filter);

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    int job_ = 0;  // the running evaluation (keyed "models/evaluate"), 0 when none
    QList<QCheckBox*> recommenderBoxes_;
    EvaluationSetupBox* setup_;
    ParameterModel* parameters_;
    QPushButton* run_;
    QPushButton* cancel_;
    QLabel* summary_;
    QTabWidget* tabs_;
    ComparisonTableModel* comparison_;
    QTableView* comparisonView_;
    SliceTableModel* slices_;
    QComboBox* sliceMetric_;
    SliceBarChart* sliceChart_;
    MetricChartsGrid* chartsGrid_;
    LossChart* lossChart_;
    QLabel* trainingLog_;
    RunHistoryPanel* history_;
};

}  // namespace ss::ui
