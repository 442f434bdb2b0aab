// RunHistoryPanel: the Models screen's History tab — every evaluation run stored in the project,
// newest first, and a paired comparison of any two of them on a chosen metric (t-test and Wilcoxon
// over the users both were measured on), with a warning when they ran on different splits or data.
// Loading and comparing run as jobs on the JobRunner. GUI thread only.
#pragma once

#include <QWidget>

#include "JobRunner.h"
#include "ProjectContext.h"
#include "RunHistoryModel.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;

namespace ss::ui {

class RunHistoryPanel : public QWidget {
    Q_OBJECT
public:
    RunHistoryPanel(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>& project);
    void reload();
    RunHistoryModel* runs() const { return model_; }
    QTableView* view() const { return view_; }
    void selectRows(int a, int b);
    void compareSelected();
    QString comparisonText() const;

signals:
    void loaded();
    void compared();

private:
    void updateButton();

    JobRunner& runner_;
    std::shared_ptr<ProjectContext> project_;
    RunHistoryModel* model_;
    QTableView* view_;
    QComboBox* metric_;
    QPushButton* compare_;
    QLabel* result_;
};

}  // namespace ss::ui
