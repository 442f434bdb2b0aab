#include "LazyTableModel.h"

#include <QtConcurrent>

#include "Text.h"

namespace ss::ui {

QString LazyTableModel::open(const QString& projectPath, BrowsableTable table) {
    beginResetModel();
    rows_.clear();
    query_.reset();
    project_.reset();
    total_ = 0;
    auto project = Project::open(utf8(projectPath));
    if (!project) {
        endResetModel();
        return qs(project.error().describe());
    }
    project_ = std::move(*project);
    path_ = projectPath;
    table_ = table;
    query_ = std::make_unique<TableQuery>(project_->db(), table);
    sortColumn_ = -1;
    endResetModel();
    reload();
    return {};
}

void LazyTableModel::setFilter(const QString& filter) {
    filter_ = utf8(filter);
    reload();
}

void LazyTableModel::reload() {
    beginResetModel();
    rows_.clear();
    cursor_.reset();
    total_ = -1;
    atEnd_ = !query_;
    // Views (and the model tester) may ask for rows while the reset is being announced; the first
    // page is fetched right after instead, once the reset is complete.
    busy_ = true;
    endResetModel();
    busy_ = false;
    if (!query_) return;
    // Counting a filtered table of millions of rows is a full scan: it runs on a worker thread with
    // its own connection while pages keep arriving here.
    const int generation = ++generation_;
    QtConcurrent::run([path = utf8(path_), table = table_, filter = filter_]() -> Result<std::int64_t> {
        auto project = Project::open(path);
        if (!project) return project.error();
        return TableQuery((*project)->db(), table).count(filter);
    }).then(this, [this, generation](Result<std::int64_t> count) {
        // A count that finished before .then() was attached arrives here inside reload(): queue the
        // delivery so totalRowsChanged always comes after the reset the caller started.
        QMetaObject::invokeMethod(this, [this, generation, count = std::move(count)] {
            if (generation != generation_) return;  // a newer filter or sort replaced this one
            if (!count) {
                emit queryFailed(qs(count.error().describe()));
                return;
            }
            total_ = *count;
            emit totalRowsChanged(total_);
        }, Qt::QueuedConnection);
    });
    if (canFetchMore({})) fetchMore({});
}

int LazyTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int LazyTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !query_ ? 0 : static_cast<int>(query_->columns().size());
}

QVariant LazyTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const auto& column = query_->columns()[static_cast<std::size_t>(index.column())];
    if (role == Qt::TextAlignmentRole)
        return column.numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    return qs(rows_[static_cast<std::size_t>(index.row())][static_cast<std::size_t>(index.column())]);
}

QString LazyTableModel::columnTitle(const std::string& key) {
    static const QHash<QString, const char*> titles = {
        {"id", QT_TR_NOOP("Id")}, {"external_id", QT_TR_NOOP("External id")}, {"title", QT_TR_NOOP("Title")},
        {"category", QT_TR_NOOP("Category")}, {"brand", QT_TR_NOOP("Brand")}, {"price", QT_TR_NOOP("Price")},
        {"available", QT_TR_NOOP("In stock")}, {"segment", QT_TR_NOOP("Segment")}, {"user", QT_TR_NOOP("User")},
        {"item", QT_TR_NOOP("Item")}, {"type", QT_TR_NOOP("Behaviour")}, {"time", QT_TR_NOOP("Time")},
        {"quantity", QT_TR_NOOP("Quantity")}, {"value", QT_TR_NOOP("Value")}, {"rating", QT_TR_NOOP("Rating")},
        {"text", QT_TR_NOOP("Text")}};
    const auto it = titles.find(qs(key));
    return it == titles.end() ? qs(key) : tr(it.value());
}

QVariant LazyTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (!query_ || section < 0 || section >= columnCount()) return {};
    return columnTitle(query_->columns()[static_cast<std::size_t>(section)].key);
}

bool LazyTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !busy_ && query_ && !atEnd_;
}

void LazyTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    auto page = query_->fetchPage(filter_, sortColumn_, ascending_, cursor_, kPageSize);
    if (!page) {
        atEnd_ = true;
        emit queryFailed(qs(page.error().describe()));
        return;
    }
    atEnd_ = static_cast<int>(page->rows.size()) < kPageSize;
    if (page->rows.empty()) return;
    cursor_ = page->last;
    const int first = static_cast<int>(rows_.size());
    busy_ = true;  // no nested fetch while the insertion is announced
    beginInsertRows({}, first, first + static_cast<int>(page->rows.size()) - 1);
    for (auto& row : page->rows) rows_.push_back(std::move(row));
    endInsertRows();
    busy_ = false;
}

void LazyTableModel::sort(int column, Qt::SortOrder order) {
    sortColumn_ = column;
    ascending_ = order == Qt::AscendingOrder;
    reload();
}

}  // namespace ss::ui
