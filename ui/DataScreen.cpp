#include "DataScreen.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include "LazyTableModel.h"

namespace ss::ui {

DataScreen::DataScreen(QWidget* parent) : ProjectScreen(parent) {
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

    model_ = new LazyTableModel(this);
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
    connect(model_, &QAbstractItemModel::modelReset, this, [this] { total_->setText(tr("counting…")); });
    connect(model_, &LazyTableModel::queryFailed, this, [this](const QString& m) { total_->setText(tr("Error: %1").arg(m)); });
}

void DataScreen::setProject(const QString& path) {
    path_ = path;
    openTable();
}

void DataScreen::openTable() {
    if (path_.isEmpty()) return;
    filter_->clear();
    const QString error = model_->open(path_, static_cast<BrowsableTable>(table_->currentData().toInt()));
    if (!error.isEmpty()) total_->setText(tr("Error: %1").arg(error));
    view_->resizeColumnsToContents();
}

}  // namespace ss::ui
