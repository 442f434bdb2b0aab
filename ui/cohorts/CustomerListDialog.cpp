#include "CustomerListDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPushButton>
#include <QStringListModel>
#include <QVBoxLayout>

#include "ExportFiles.h"

namespace ss::ui {

CustomerListDialog::CustomerListDialog(const QString& description, const QStringList& customers, QWidget* parent)
    : QDialog(parent), customers_(customers) {
    setWindowTitle(tr("Customers"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(tr("%1 customers: %2").arg(QLocale().toString(static_cast<qlonglong>(customers.size())), description), this);
    heading->setWordWrap(true);
    layout->addWidget(heading);
    auto* list = new QListView(this);
    list->setModel(new QStringListModel(customers, list));
    list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(list, 1);
    status_ = new QLabel(this);
    layout->addWidget(status_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* save = buttons->addButton(tr("Save as segment…"), QDialogButtonBox::ActionRole);
    auto* csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    save->setEnabled(!customers.isEmpty());
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(save, &QPushButton::clicked, this, &CustomerListDialog::askForName);
    connect(csv, &QPushButton::clicked, this, &CustomerListDialog::exportCsv);
    resize(420, 480);
}

void CustomerListDialog::exportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"), QStringLiteral("customers.csv"), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    QString text = QStringLiteral("customer\n");
    for (const auto& c : customers_) text += ExportFiles::quoteCsv(c) + QLatin1Char('\n');
    const QString error = ExportFiles::writeText(path, text);
    status_->setText(error.isEmpty() ? tr("Saved %1").arg(path) : error);
}

void CustomerListDialog::askForName() {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Save as segment"), tr("Segment name:"), QLineEdit::Normal, QString(), &ok).trimmed();
    if (ok && !name.isEmpty()) emit saveRequested(name);
}

}  // namespace ss::ui
