// DataScreen: browse the project's items, users, events and reviews — table chooser, filter box,
// sortable table whose pages are read by jobs (LazyTableModel). GUI thread only.
#pragma once

#include "ProjectScreen.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;
class QTimer;

namespace ss::ui {

class JobRunner;
class LazyTableModel;

class DataScreen : public ProjectScreen {
    Q_OBJECT
public:
    explicit DataScreen(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>& project) override;
    LazyTableModel* model() const { return model_; }

private:
    void openTable();

    std::shared_ptr<ProjectContext> project_;
    QComboBox* table_;
    QLineEdit* filter_;
    QLabel* total_;
    QTableView* view_;
    LazyTableModel* model_;
    QTimer* filterDelay_;
    bool columnsFitted_ = false;
};

}  // namespace ss::ui
