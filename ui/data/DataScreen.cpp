#include "DataScreen.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "LazyTableModel.h"
#include "ProjectContext.h"
#include "IndexBar.h"

namespace ss::ui {

DataScreen::DataScreen(JobRunner& runner, QWidget* parent) : ProjectScreen(parent) {
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout();
    table_ = new QComboBox(this);
    table_->addItem(tr("Items"), int(BrowsableTable::Items));
    table_->addItem(tr("Users"), int(BrowsableTable::Users));
    table_->addItem(tr("Events"), int(BrowsableTable::Events));
    table_->addItem(tr("Reviews"), int(BrowsableTable::Reviews));
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter (matches text columns)"));
    filter_->setClearButtonEnabled(true);
    total_ = new QLabel(this);
    bar->addWidget(new QLabel(tr("Table:"), this));
    bar->addWidget(table_);
    bar->addWidget(filter_, 1);
    bar->addWidget(total_);
    layout->addLayout(bar);
    indexBar_ = new IndexBar(this);
    layout->addWidget(indexBar_);

    model_ = new LazyTableModel(runner, this);
    view_ = new QTableView(this);
    view_->setModel(model_);
    view_->setSortingEnabled(true);
    view_->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAlternatingRowColors(true);
    layout->addWidget(view_, 1);

    filterDelay_ = new QTimer(this);
    filterDelay_->setSingleShot(true);
    filterDelay_->setInterval(250);
    connect(filter_, &QLineEdit::textChanged, filterDelay_, qOverload<>(&QTimer::start));
    connect(filterDelay_, &QTimer::timeout, this, [this] { model_->setFilter(filter_->text()); });
    connect(table_, &QComboBox::currentIndexChanged, this, &DataScreen::openTable);
    connect(model_, &LazyTableModel::totalRowsChanged, this, [this](qint64 n) {
        total_->setText(tr("%1 rows").arg(QLocale().toString(n)));
    });
    // Columns fit the first page of a table, not its placeholders.
    connect(model_, &LazyTableModel::pageArrived, this, [this] {
        if (!columnsFitted_) view_->resizeColumnsToContents();
        columnsFitted_ = true;
    });
    // Other rows (a filter, another order) make a pending question moot; a build goes on.
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        total_->setText(tr("counting…"));
        if (indexBar_->asking()) indexBar_->hide();
    });
    connect(model_, &LazyTableModel::queryFailed, this, [this](const QString& m) { total_->setText(tr("Error: %1").arg(m)); });

    // A big table by a column without an index: the header goes back to the order shown, and the bar asks.
    connect(model_, &LazyTableModel::sortNeedsIndex, this, [this](int column, Qt::SortOrder order, qint64 rows) {
        askedColumn_ = column;
        askedOrder_ = order;
        askedForFilter_ = false;
        showSortIndicator(model_->sortColumn(), model_->sortOrder());
        indexBar_->ask(model_->headerData(column, Qt::Horizontal).toString(), rows, project_ && !project_->readOnly());
    });
    // A big events table filtered by items that only a scan finds: the rows keep coming, and the bar
    // asks (once per table: a declined index is not offered again for the next filter).
    connect(model_, &LazyTableModel::filterNeedsIndex, this, [this](int column, qint64 rows) {
        if (filterIndexDeclined_ || (indexBar_->isVisible() && !indexBar_->asking())) return;  // not over a build
        askedColumn_ = column;
        askedForFilter_ = true;
        indexBar_->askForFilter(model_->headerData(column, Qt::Horizontal).toString(), rows, project_ && !project_->readOnly());
    });
    connect(indexBar_, &IndexBar::buildRequested, this, [this] {
        const QString column = model_->headerData(askedColumn_, Qt::Horizontal).toString();
        if (askedForFilter_) {
            indexBar_->buildingForFilter(column);
            model_->buildFilterIndex(askedColumn_);
        } else {
            indexBar_->building(column);
            model_->buildSortIndex(askedColumn_, askedOrder_);
        }
    });
    connect(indexBar_, &IndexBar::cancelRequested, model_, &LazyTableModel::cancelIndex);
    connect(model_, &LazyTableModel::sortIndexFinished, this, [this](int column, bool built) {
        indexBar_->hide();
        if (built) showSortIndicator(column, askedOrder_);
    });
    connect(model_, &LazyTableModel::filterIndexFinished, indexBar_, &QWidget::hide);
    connect(indexBar_, &IndexBar::withoutIndexRequested, this, [this] {
        indexBar_->hide();
        if (askedForFilter_) {
            filterIndexDeclined_ = true;  // the scan goes on
            return;
        }
        showSortIndicator(askedColumn_, askedOrder_);
        model_->sortWithoutIndex(askedColumn_, askedOrder_);
    });
    connect(indexBar_, &IndexBar::keepRequested, indexBar_, &QWidget::hide);
}

void DataScreen::showSortIndicator(int column, Qt::SortOrder order) {
    const QSignalBlocker quiet(view_->horizontalHeader());  // the view would sort on the change
    view_->horizontalHeader()->setSortIndicator(column, order);
}

void DataScreen::setProject(const std::shared_ptr<ProjectContext>& project) {
    project_ = project;
    openTable();
}

void DataScreen::openTable() {
    {
        const QSignalBlocker quiet(filter_);  // no second reload from the filter box
        filter_->clear();
    }
    filterDelay_->stop();
    columnsFitted_ = false;
    filterIndexDeclined_ = false;
    indexBar_->hide();
    showSortIndicator(-1, Qt::AscendingOrder);
    model_->open(project_, static_cast<BrowsableTable>(table_->currentData().toInt()));  // errors arrive as queryFailed
    if (!project_) total_->clear();
}

}  // namespace ss::ui
