#include "LazyTableModel.h"

#include <QBrush>
#include <QPalette>

#include <mutex>
#include <utility>

#include "JobRunner.h"
#include "ProjectContext.h"
#include "Text.h"

namespace ss::ui {
namespace {

int instances = 0;  // GUI thread only, like the models

}  // namespace

// One pooled read-only connection and its query, leased by the first page job and kept for the next
// pages (TableQuery remembers per-filter decisions). A mutex keeps it to one job at a time: a
// superseded job is interrupted and lets go quickly. The context outlives the lease (member order).
struct LazyTableModel::Reader {
    std::mutex mutex;
    std::shared_ptr<ProjectContext> context;
    std::optional<ReadConnections::Lease> lease;
    std::unique_ptr<TableQuery> query;
};

struct LazyTableModel::Page {
    std::shared_ptr<Reader> reader;
    TablePage rows;
};

LazyTableModel::LazyTableModel(JobRunner& runner, QObject* parent)
    : QAbstractTableModel(parent),
      runner_(&runner),
      instance_(++instances),
      pageKey_(QStringLiteral("data/%1/page").arg(instance_)),
      countKey_(QStringLiteral("data/%1/count").arg(instance_)),
      planKey_(QStringLiteral("data/%1/sort-plan").arg(instance_)),
      indexKey_(QStringLiteral("data/%1/sort-index").arg(instance_)),
      filterPlanKey_(QStringLiteral("data/%1/filter-plan").arg(instance_)) {}

LazyTableModel::~LazyTableModel() {
    if (runner_) {  // the window may destroy its job runner first; it cancels every job itself
        for (const QString& key : {pageKey_, countKey_, planKey_, indexKey_, filterPlanKey_}) runner_->cancelKey(key);
    }
}

void LazyTableModel::open(const std::shared_ptr<ProjectContext>& project, BrowsableTable table) {
    project_ = project;
    table_ = table;
    reader_.reset();
    opened_ = project != nullptr;
    sortColumn_ = -1;
    sortCleared_.clear();
    ++opening_;
    runner_->cancelKey(planKey_);
    runner_->cancelKey(indexKey_);
    runner_->cancelKey(filterPlanKey_);
    buildingIndex_ = -1;
    filter_.clear();
    reload();
}

void LazyTableModel::setFilter(const QString& filter) {
    filter_ = utf8(filter);
    reload();
    checkFilterIndex();
}

void LazyTableModel::checkFilterIndex() {
    runner_->cancelKey(filterPlanKey_);
    if (!opened_ || filter_.empty()) return;
    struct FilterPlan {
        std::optional<int> column;
        std::int64_t rows = 0;
    };
    // Its own connection: the first page may be scanning meanwhile.
    std::function<Result<FilterPlan>(const JobContext&)> plan = [project = project_, table = table_,
                                                                 filter = filter_](const JobContext& ctx) -> Result<FilterPlan> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        const InterruptOnStop interrupt((*reader)->db(), ctx.stop);
        TableQuery query((*reader)->db(), table);
        auto column = query.filterIndexColumn(filter);
        if (!column) return column.error();
        FilterPlan plan{*column, 0};
        if (!plan.column) return plan;
        auto rows = query.count({});  // kept for events: no scan
        if (!rows) return rows.error();
        plan.rows = *rows;
        return plan;
    };
    runner_->start<FilterPlan>(filterPlanKey_, tr("Checking the filter"), plan, this,
                               [this, filter = filter_, opening = opening_](Result<FilterPlan> p) {
                                   if (opening != opening_ || filter != filter_) return;  // another table or filter meanwhile
                                   if (!p) {
                                       if (p.error().code != ErrorCode::Cancelled) emit queryFailed(qs(p.error().describe()));
                                       return;
                                   }
                                   if (p->column && p->rows > unindexedSortRows_ && buildingIndex_ < 0)
                                       emit filterNeedsIndex(*p->column, p->rows);
                               });
}

void LazyTableModel::reload() {
    runner_->cancelKey(pageKey_);  // its rows belong to the old question; its query is interrupted
    pageJob_ = 0;
    beginResetModel();
    rows_.clear();
    placeholders_ = 0;
    cursor_.reset();
    total_ = -1;
    atEnd_ = !opened_;
    // Views (and the model tester) may ask for rows while the reset is being announced; the first
    // page is asked for right after instead, once the reset is complete.
    busy_ = true;
    endResetModel();
    busy_ = false;
    if (!opened_) {
        runner_->cancelKey(countKey_);
        return;
    }
    // Counting a filtered table of millions of rows is a full scan: a job with its own connection,
    // interrupted when a newer filter replaces it, while pages keep arriving.
    std::function<Result<std::int64_t>(const JobContext&)> count = [project = project_, table = table_,
                                                                     filter = filter_](const JobContext& ctx) -> Result<std::int64_t> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        const InterruptOnStop interrupt((*reader)->db(), ctx.stop);
        return TableQuery((*reader)->db(), table).count(filter);
    };
    runner_->start<std::int64_t>(countKey_, tr("Counting rows"), count, this, [this](Result<std::int64_t> n) {
        if (!n) {
            if (n.error().code != ErrorCode::Cancelled) emit queryFailed(qs(n.error().describe()));
            return;
        }
        total_ = *n;
        emit totalRowsChanged(total_);
    });
    if (canFetchMore({})) fetchMore({});
}

bool LazyTableModel::isPlaceholder(int row) const {
    return row >= 0 && row < static_cast<int>(rows_.size()) && rows_[static_cast<std::size_t>(row)].empty();
}

int LazyTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int LazyTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !opened_ ? 0 : static_cast<int>(TableQuery::columnsOf(table_).size());
}

QVariant LazyTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount()) return {};
    const auto& column = TableQuery::columnsOf(table_)[static_cast<std::size_t>(index.column())];
    if (role == Qt::TextAlignmentRole)
        return column.numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    if (row.empty()) {  // a placeholder while its page is read
        if (role == Qt::DisplayRole && index.column() == 0) return tr("loading…");
        if (role == Qt::ForegroundRole) return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    return qs(row[static_cast<std::size_t>(index.column())]);
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
    if (section < 0 || section >= columnCount()) return {};
    return columnTitle(TableQuery::columnsOf(table_)[static_cast<std::size_t>(section)].key);
}

bool LazyTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && !busy_ && opened_ && !atEnd_ && pageJob_ == 0;
}

void LazyTableModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    // Placeholders first, so the view grows at once; the page fills them in.
    const int first = static_cast<int>(rows_.size());
    busy_ = true;  // no nested fetch while the insertion is announced
    beginInsertRows({}, first, first + kPageSize - 1);
    rows_.resize(rows_.size() + kPageSize);
    placeholders_ = kPageSize;
    endInsertRows();
    busy_ = false;
    std::function<Result<Page>(const JobContext&)> job = [reader = reader_, project = project_, table = table_, filter = filter_,
                                                         sort = sortColumn_, ascending = ascending_,
                                                         after = cursor_](const JobContext& ctx) mutable -> Result<Page> {
        if (!reader) {
            auto lease = project->readers().lease();
            if (!lease) return lease.error();
            reader = std::make_shared<Reader>();
            reader->context = project;
            reader->lease.emplace(std::move(*lease));
            reader->query = std::make_unique<TableQuery>((*reader->lease)->db(), table);
        }
        std::lock_guard lock(reader->mutex);
        if (ctx.cancelled()) return makeError(ErrorCode::Cancelled, "superseded");
        const InterruptOnStop interrupt((**reader->lease).db(), ctx.stop);
        auto page = reader->query->fetchPage(filter, sort, ascending, after, kPageSize);
        if (!page) return page.error();
        return Page{reader, std::move(*page)};
    };
    pageJob_ = runner_->start<Page>(pageKey_, tr("Reading rows"), job, this, [this](Result<Page> page) {
        if (!page) {
            atEnd_ = true;
            dropPlaceholders();
            pageJob_ = 0;
            if (page.error().code != ErrorCode::Cancelled) emit queryFailed(qs(page.error().describe()));
            return;
        }
        showPage(std::move(*page));
    });
}

void LazyTableModel::showPage(Page page) {
    reader_ = std::move(page.reader);
    auto& rows = page.rows.rows;
    const int arrived = static_cast<int>(rows.size());
    atEnd_ = arrived < kPageSize;
    if (page.rows.last) cursor_ = page.rows.last;
    const int first = static_cast<int>(rows_.size()) - placeholders_;
    for (int i = 0; i < arrived; ++i) rows_[static_cast<std::size_t>(first + i)] = std::move(rows[static_cast<std::size_t>(i)]);
    placeholders_ -= arrived;
    // Views may ask for more while these changes are announced: not before this page is in place.
    busy_ = true;
    if (arrived > 0) emit dataChanged(index(first, 0), index(first + arrived - 1, columnCount() - 1));
    busy_ = false;
    dropPlaceholders();
    pageJob_ = 0;
    emit pageArrived(arrived);
}

void LazyTableModel::dropPlaceholders() {
    if (placeholders_ <= 0) return;
    const int first = static_cast<int>(rows_.size()) - placeholders_;
    busy_ = true;
    beginRemoveRows({}, first, static_cast<int>(rows_.size()) - 1);
    rows_.resize(static_cast<std::size_t>(first));
    placeholders_ = 0;
    endRemoveRows();
    busy_ = false;
}

void LazyTableModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= columnCount() || sortCleared_.count(column)) return applySort(column, order);
    // The first order by a column: asked of SQLite in a job (its plan, and the table's size).
    std::function<Result<SortPlan>(const JobContext&)> plan = [project = project_, table = table_, column](const JobContext& ctx) -> Result<SortPlan> {
        auto reader = project->readers().lease();
        if (!reader) return reader.error();
        const InterruptOnStop interrupt((*reader)->db(), ctx.stop);
        return TableQuery((*reader)->db(), table).sortPlan(column);
    };
    runner_->start<SortPlan>(planKey_, tr("Checking the sort order"), plan, this, [this, column, order, opening = opening_](Result<SortPlan> p) {
        if (opening != opening_) return;  // another table meanwhile
        if (!p) {
            if (p.error().code != ErrorCode::Cancelled) emit queryFailed(qs(p.error().describe()));
            return;
        }
        if (!p->usesIndex && p->approximateRows > unindexedSortRows_) return emit sortNeedsIndex(column, order, p->approximateRows);
        sortCleared_.insert(column);
        applySort(column, order);
    });
}

void LazyTableModel::sortWithoutIndex(int column, Qt::SortOrder order) {
    sortCleared_.insert(column);
    applySort(column, order);
}

void LazyTableModel::buildSortIndex(int column, Qt::SortOrder order) {
    buildIndex(column, false, [this, column, order] {
        sortCleared_.insert(column);
        applySort(column, order);
    });
}

void LazyTableModel::buildFilterIndex(int column) {
    buildIndex(column, true, [this] {
        reader_.reset();  // its query decided this filter without the index
        reload();
    });
}

void LazyTableModel::buildIndex(int column, bool forFilter, std::function<void()> then) {
    if (!opened_) return;
    std::function<Result<bool>(const JobContext&)> build = [project = project_, table = table_, column](const JobContext& ctx) -> Result<bool> {
        auto writer = project->openForWriting();
        if (!writer) return writer.error();
        if (ctx.cancelled()) return makeError(ErrorCode::Cancelled, "cancelled");  // before the statement: nothing to interrupt yet
        const InterruptOnStop interrupt((*writer)->db(), ctx.stop);
        SS_TRY(TableQuery((*writer)->db(), table).createSortIndex(column));
        return true;
    };
    const QString what = columnTitle(TableQuery::columnsOf(table_)[static_cast<std::size_t>(column)].key);
    buildingIndex_ = column;
    buildingForFilter_ = forFilter;
    const QString title = forFilter ? tr("Building an index for filtering by %1").arg(what) : tr("Building an index for sorting by %1").arg(what);
    runner_->start<bool>(indexKey_, title, build, this, [this, column, forFilter, then = std::move(then), opening = opening_](Result<bool> built) {
        if (opening != opening_) return;
        buildingIndex_ = -1;
        if (!built && built.error().code != ErrorCode::Cancelled) emit queryFailed(qs(built.error().describe()));
        announceIndexFinished(column, forFilter, static_cast<bool>(built));
        if (built) then();
    });
}

void LazyTableModel::cancelIndex() {
    if (buildingIndex_ < 0) return;
    runner_->cancelKey(indexKey_);  // its result is dropped: said here instead
    announceIndexFinished(std::exchange(buildingIndex_, -1), buildingForFilter_, false);
}

void LazyTableModel::announceIndexFinished(int column, bool forFilter, bool built) {
    if (forFilter) emit filterIndexFinished(column, built);
    else emit sortIndexFinished(column, built);
}

void LazyTableModel::applySort(int column, Qt::SortOrder order) {
    sortColumn_ = column;
    ascending_ = order == Qt::AscendingOrder;
    reload();
}

}  // namespace ss::ui
