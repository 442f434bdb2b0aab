// ImportedCohortsPanel: the Cohorts screen's "Imported" tab — retention matrices computed by another
// engine (cluster/cohorts.py on Spark, brought in with `shelfsense-cli import-results --cohorts`),
// chosen by name and shown as a retention table with where each came from: the engine, when it was
// imported and the definition it implemented. Reading them from the project runs as a job. GUI
// thread only.
#pragma once

#include <QWidget>

#include <filesystem>
#include <vector>

#include "cohorts/ImportedCohorts.h"

class QComboBox;
class QLabel;
class QTableView;

namespace ss::ui {

class CohortTableModel;
class JobRunner;

class ImportedCohortsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ImportedCohortsPanel(JobRunner& runner, QWidget* parent = nullptr);
    // Reads the project's imported matrices (none: empty path).
    void setProject(const std::filesystem::path& project);

    QComboBox* choices() const { return choices_; }
    CohortTableModel* model() const { return model_; }
    QLabel* provenanceLabel() const { return provenance_; }

signals:
    void listed(int count);  // the project's imported matrices were read

private:
    void showChosen();

    JobRunner& runner_;
    QComboBox* choices_;
    QLabel* provenance_;
    QTableView* table_;
    CohortTableModel* model_;
    std::vector<ImportedCohortMatrix> stored_;
};

}  // namespace ss::ui
