// LazyTableModel: one project table for the data browser. Rows arrive in pages through
// canFetchMore()/fetchMore(); sorting and filtering are done by SQL (core TableQuery), so millions
// of rows never load at once. No SQLite on the GUI thread: each page is a job (keyed, so a newer
// filter or sort drops an older page and interrupts its query), shown at once as placeholder rows
// that the page fills; the row count is another keyed job. Connections come from the project's pool. Pages come by key
// (fast at any depth). GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include <memory>
#include <optional>
#include <vector>

#include "store/TableQuery.h"

namespace ss::ui {

class JobRunner;
class ProjectContext;

class LazyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 256;
    explicit LazyTableModel(JobRunner& runner, QObject* parent = nullptr);
    ~LazyTableModel() override;

    // Starts reading `table` of the project (null: none); an error arrives as queryFailed.
    void open(const std::shared_ptr<ProjectContext>& project, BrowsableTable table);
    void setFilter(const QString& filter);
    // Rows matching the filter; -1 while the count (a background job) is still running.
    qint64 totalRows() const { return total_; }
    bool loadingPage() const { return pageJob_ != 0; }
    bool isPlaceholder(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    static QString columnTitle(const std::string& key);

signals:
    void totalRowsChanged(qint64 total);
    void pageArrived(int rows);  // a page replaced its placeholders (rows: how many it had)
    void queryFailed(const QString& message);

private:
    struct Reader;  // the page jobs' connection: used by one job at a time, on worker threads
    struct Page;
    void reload();
    void showPage(Page page);
    void dropPlaceholders();

    QPointer<JobRunner> runner_;
    const int instance_;  // in the job keys: each model's pages and counts are its own
    const QString pageKey_, countKey_;
    std::shared_ptr<Reader> reader_;
    std::vector<std::vector<std::string>> rows_;  // an empty row is a placeholder
    int placeholders_ = 0;                        // at the end of rows_, while a page is being read
    std::optional<PageCursor> cursor_;            // where the loaded rows end
    std::string filter_;
    int sortColumn_ = -1;
    bool ascending_ = true;
    qint64 total_ = -1;
    bool atEnd_ = true;  // the last page has been fetched
    int pageJob_ = 0;
    std::shared_ptr<ProjectContext> project_;
    BrowsableTable table_ = BrowsableTable::Items;
    bool opened_ = false;
    bool busy_ = false;  // a reset or insertion is being announced
};

}  // namespace ss::ui
