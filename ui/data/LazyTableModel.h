// LazyTableModel: one project table for the data browser. Rows arrive in pages through
// canFetchMore()/fetchMore(); sorting and filtering are done by SQL (core TableQuery), so millions
// of rows never load at once. No SQLite on the GUI thread: each page is a job (keyed, so a newer
// filter or sort drops an older page and interrupts its query), shown at once as placeholder rows
// that the page fills; the row count is another keyed job. Connections come from the project's pool. Pages come by key
// (fast at any depth). A sort by a column no index serves is first checked (a job asking SQLite
// for its plan): on a big table, where every page would sort every row, the model asks instead
// (sortNeedsIndex) and sorts once the index is built (buildSortIndex, a job that writes the project)
// or the user accepts the slow order (sortWithoutIndex). Likewise a filter on a big events table
// that matches items, whose events only a scan of every event finds without an index on the item:
// another job asks (filterNeedsIndex) and buildFilterIndex makes it; meanwhile the scan goes on.
// GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "store/TableQuery.h"

namespace ss::ui {

class JobRunner;
class ProjectContext;

class LazyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 256;
    // Rows a table may have for a sort without an index to go ahead unasked (each page sorts them all:
    // about 0.1 s for 100,000 rows).
    static constexpr qint64 kUnindexedSortRows = 100'000;
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
    int sortColumn() const { return sortColumn_; }
    Qt::SortOrder sortOrder() const { return ascending_ ? Qt::AscendingOrder : Qt::DescendingOrder; }
    // After sortNeedsIndex: sort anyway, every page sorting the whole table.
    void sortWithoutIndex(int column, Qt::SortOrder order);
    // After sortNeedsIndex: build the index (a job, Cancel interrupts it and leaves nothing), then sort.
    void buildSortIndex(int column, Qt::SortOrder order);
    // After filterNeedsIndex: build the index (a job, as above), then read the filter's rows again.
    void buildFilterIndex(int column);
    void cancelIndex();  // the sort or filter index being built
    void setUnindexedSortLimit(qint64 rows) { unindexedSortRows_ = rows; }

    static QString columnTitle(const std::string& key);

signals:
    void totalRowsChanged(qint64 total);
    void pageArrived(int rows);  // a page replaced its placeholders (rows: how many it had)
    void queryFailed(const QString& message);
    // Ordering the table (about `rows` rows) by `column` has no index: the order was not changed.
    void sortNeedsIndex(int column, Qt::SortOrder order, qint64 rows);
    void sortIndexFinished(int column, bool built);  // built false: cancelled or failed (then queryFailed too)
    // The current filter matches items whose events, among about `rows`, only a scan finds: an index
    // on `column` would find them at once. The filter goes on by scanning.
    void filterNeedsIndex(int column, qint64 rows);
    void filterIndexFinished(int column, bool built);

private:
    struct Reader;  // the page jobs' connection: used by one job at a time, on worker threads
    struct Page;
    void reload();
    void showPage(Page page);
    void dropPlaceholders();
    void applySort(int column, Qt::SortOrder order);
    void checkFilterIndex();  // the job behind filterNeedsIndex
    // Builds the index serving `column` (a job); `forFilter` says which question it answers.
    void buildIndex(int column, bool forFilter, std::function<void()> then);
    void announceIndexFinished(int column, bool forFilter, bool built);  // the signal for that question

    QPointer<JobRunner> runner_;
    const int instance_;  // in the job keys: each model's pages and counts are its own
    const QString pageKey_, countKey_, planKey_, indexKey_, filterPlanKey_;
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
    std::set<int> sortCleared_;  // columns of this table whose order needs no question
    int buildingIndex_ = -1;     // the column whose index is being built
    bool buildingForFilter_ = false;
    int opening_ = 0;            // counts open(): a plan or index job for an earlier table is ignored
    qint64 unindexedSortRows_ = kUnindexedSortRows;
};

}  // namespace ss::ui
