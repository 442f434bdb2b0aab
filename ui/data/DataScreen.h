// DataScreen: browse the project's items, users, events and reviews — table chooser, filter box,
// sortable table whose pages are read by jobs (LazyTableModel), and the question IndexBar asks
// before a big table is sorted by a column no index serves, or when a filter on a big events table
// matches items whose events only a scan finds. GUI thread only.
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
class IndexBar;

class DataScreen : public ProjectScreen {
    Q_OBJECT
public:
    explicit DataScreen(JobRunner& runner, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>& project) override;
    LazyTableModel* model() const { return model_; }
    QTableView* view() const { return view_; }
    IndexBar* indexBar() const { return indexBar_; }

private:
    void openTable();
    void showSortIndicator(int column, Qt::SortOrder order);  // without sorting again

    std::shared_ptr<ProjectContext> project_;
    QComboBox* table_;
    QLineEdit* filter_;
    QLabel* total_;
    QTableView* view_;
    LazyTableModel* model_;
    IndexBar* indexBar_;
    int askedColumn_ = -1;  // the column IndexBar asks about
    Qt::SortOrder askedOrder_ = Qt::AscendingOrder;
    bool askedForFilter_ = false;       // the question is the filter's, not a sort's
    bool filterIndexDeclined_ = false;  // "filter without it" on this table: not asked again
    QTimer* filterDelay_;
    bool columnsFitted_ = false;
};

}  // namespace ss::ui
