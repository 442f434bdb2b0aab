// CohortsScreen: retention cohorts of the open project — the heatmap table with the definition
// sentence above it, retention curves, "still active" survival curves with the log-rank test, and the
// lifetime-value curve — recomputed as a keyed job whenever an option changes (the window never
// waits on the engine), with CSV and image export. The project's events are loaded once per project
// in a job. GUI thread only.
#pragma once

#include <QPointer>

#include <functional>
#include <memory>
#include <vector>

#include "ProjectScreen.h"

class QLabel;
class QTabWidget;
class QTableView;
class QModelIndex;

namespace ss::ui {

class GroupDifferencePanel;

class CohortControls;
class CohortTableModel;
class JobRunner;
class ImportedCohortsPanel;
class LifetimeValueChart;
class RetentionCurveChart;
class SurvivalChart;
struct CohortData;
struct CohortResult;

class CohortsScreen : public ProjectScreen {
    Q_OBJECT
public:
    explicit CohortsScreen(JobRunner& runner, QWidget* parent = nullptr);
    ~CohortsScreen() override;
    void setProject(const std::shared_ptr<ProjectContext>& project) override;

    CohortControls* controls() const { return controls_; }
    CohortTableModel* model() const { return model_; }
    QTabWidget* tabs() const { return tabs_; }
    QLabel* definitionLabel() const { return definition_; }
    SurvivalChart* survivalChart() const { return survival_; }
    RetentionCurveChart* curveChart() const { return curves_; }
    LifetimeValueChart* valueChart() const { return value_; }
    GroupDifferencePanel* groupComparison() const { return compare_; }
    ImportedCohortsPanel* importedPanel() const { return imported_; }

    // Writes the matrix (long-format CSV) or the current tab (PNG, or SVG by suffix); an error message or "".
    QString exportCsv(const QString& path) const;
    QString exportImage(const QString& path);

    // Drill-down: the customers behind a cell of the table (a job), shown in a dialog unless `quiet`;
    // saving them as a named segment (another job).
    void showCustomers(const QModelIndex& cell, bool quiet = false);
    void saveSegment(const QModelIndex& cell, const QString& name);

signals:
    void resultShown();  // a new matrix and survival report are on screen
    void customersShown(const QStringList& customers);
    void segmentSaved(const QString& name, qint64 customers);

private:
    void loaded(std::shared_ptr<const CohortData> data);
    void groupingChanged();
    void recompute();
    void display(const CohortResult& result);  // not show(): that would hide QWidget::show()
    void sizeColumns();
    void chooseExport(bool image);
    void cellMenu(const QPoint& at);
    // The customers of a cell as (project user id, external id), computed in a job.
    void withCustomers(const QModelIndex& cell, const QString& title,
                       std::function<void(std::vector<std::int64_t>, QStringList)> then);

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    std::shared_ptr<const CohortData> data_;
    CohortControls* controls_;
    QLabel* definition_;
    QLabel* status_;
    QTabWidget* tabs_;
    QTableView* table_;
    CohortTableModel* model_;
    RetentionCurveChart* curves_;
    SurvivalChart* survival_;
    QLabel* survivalSummary_;
    LifetimeValueChart* value_;
    GroupDifferencePanel* compare_;
    ImportedCohortsPanel* imported_;
};

}  // namespace ss::ui
