// LazyTableModel: one project table for the data browser. Rows arrive in pages through
// canFetchMore()/fetchMore(); sorting and filtering are done by SQL (core TableQuery), so millions
// of rows never load at once. Pages come by key (fast at any depth); the row count runs in the
// background. Opens its own connection to the project file. GUI thread only.
#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <optional>
#include <vector>

#include "store/Project.h"
#include "store/TableQuery.h"

namespace ss::ui {

class LazyTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int kPageSize = 256;
    explicit LazyTableModel(QObject* parent = nullptr) : QAbstractTableModel(parent) {}

    // Returns an error message, empty on success.
    QString open(const QString& projectPath, BrowsableTable table);
    void setFilter(const QString& filter);
    // Rows matching the filter; -1 while the count (a background job) is still running.
    qint64 totalRows() const { return total_; }

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
    void queryFailed(const QString& message);

private:
    void reload();

    std::unique_ptr<Project> project_;
    std::unique_ptr<TableQuery> query_;
    std::vector<std::vector<std::string>> rows_;
    std::optional<PageCursor> cursor_;  // where the loaded rows end
    std::string filter_;
    int sortColumn_ = -1;
    bool ascending_ = true;
    qint64 total_ = -1;
    bool atEnd_ = true;     // the last page has been fetched
    int generation_ = 0;    // drops counts of a superseded filter
    QString path_;
    BrowsableTable table_ = BrowsableTable::Items;
    bool busy_ = false;  // a reset or insertion is being announced
};

}  // namespace ss::ui
