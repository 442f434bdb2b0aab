#include "ReviewListDialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include "ExportFiles.h"
#include "SentimentText.h"
#include "Text.h"

namespace ss::ui {

ReviewListDialog::ReviewListDialog(const QString& description, const sentiment::ReviewCorpus& reviews, const QStringList& products, QWidget* parent)
    : QDialog(parent) {
    setWindowTitle(tr("Reviews"));
    resize(760, 480);
    auto* layout = new QVBoxLayout(this);
    auto* label = new QLabel(description, this);
    label->setWordWrap(true);
    layout->addWidget(label);
    table_ = new QTableWidget(static_cast<int>(reviews.size()), 3, this);
    table_->setHorizontalHeaderLabels({tr("Product"), tr("Sentiment"), tr("Review")});
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    table_->verticalHeader()->setVisible(false);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setWordWrap(true);
    for (int r = 0; r < static_cast<int>(reviews.size()); ++r) {
        const auto i = static_cast<std::size_t>(r);
        table_->setItem(r, 0, new QTableWidgetItem(r < products.size() ? products[r] : QString()));
        table_->setItem(r, 1, new QTableWidgetItem(reviews.labels[i] ? SentimentText::sentiment(static_cast<int>(*reviews.labels[i])) : tr("unlabelled")));
        auto* text = new QTableWidgetItem(qs(reviews.texts[i]));
        text->setToolTip(qs(reviews.texts[i]));
        table_->setItem(r, 2, text);
    }
    layout->addWidget(table_, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* csv = buttons->addButton(tr("Export CSV…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(csv, &QPushButton::clicked, this, &ReviewListDialog::exportCsv);
}

int ReviewListDialog::reviewCount() const { return table_->rowCount(); }

void ReviewListDialog::exportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export reviews"), QString(), tr("CSV files (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString error = ExportFiles::writeText(path, ExportFiles::csv(*table_->model())); !error.isEmpty())
        QMessageBox::warning(this, tr("Export reviews"), error);
}

}  // namespace ss::ui
