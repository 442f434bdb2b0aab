#include "QualityPanel.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QVBoxLayout>

#include "ClassifierQualityModel.h"
#include "ConfusionMatrixModel.h"
#include "SentimentText.h"
#include "Text.h"

namespace ss::ui {

QualityPanel::QualityPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(summary_);
    model_ = new ClassifierQualityModel(this);
    table_ = new QTableView(this);
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->verticalHeader()->setVisible(false);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setMaximumHeight(170);  // three classifiers and the header
    layout->addWidget(table_);
    comparisons_ = new QLabel(this);
    comparisons_->setWordWrap(true);
    layout->addWidget(comparisons_);
    confusionTitle_ = new QLabel(this);
    layout->addWidget(confusionTitle_);
    confusion_ = new ConfusionMatrixModel(this);
    confusionView_ = new QTableView(this);
    confusionView_->setModel(confusion_);
    confusionView_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    confusionView_->setMaximumHeight(140);
    layout->addWidget(confusionView_);
    layout->addStretch(1);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) { selectClassifier(current.row()); });
    setReport(std::nullopt);
}

void QualityPanel::setReport(const std::optional<sentiment::SentimentReport>& report) {
    model_->setReport(report.value_or(sentiment::SentimentReport{}));
    if (!report) {
        summary_->setText(tr("No classifier has been trained in this project yet. Choose the labels and press Train: ShelfSense trains a TF-IDF "
                             "baseline and, with the encoder installed, two classifiers on its review vectors, and keeps the best on validation reviews."));
        comparisons_->clear();
        selectClassifier(-1);
        return;
    }
    summary_->setText(SentimentText::runSummary(*report));
    QStringList tests;
    const QLocale locale;
    for (const auto& t : report->comparisons)
        tests << tr("%1 vs %2: macro-F1 difference %3 [%4, %5]; %6 reviews only the first gets right, %7 only the second; McNemar p = %8.")
                     .arg(SentimentText::classifier(t.a), SentimentText::classifier(t.b), locale.toString(t.macroF1Difference, 'f', 3),
                          locale.toString(t.low, 'f', 3), locale.toString(t.high, 'f', 3))
                     .arg(t.onlyA)
                     .arg(t.onlyB)
                     .arg(locale.toString(t.pValue, 'g', 3));
    comparisons_->setText(tests.join('\n'));
    int kept = 0;
    for (int r = 0; r < model_->rowCount(); ++r)
        if (report->classifiers[static_cast<std::size_t>(r)].name == report->chosen) kept = r;
    table_->selectRow(kept);
    selectClassifier(kept);
}

void QualityPanel::selectClassifier(int row) {
    const auto& report = model_->report();
    if (row < 0 || row >= model_->rowCount() || !report.classifiers[static_cast<std::size_t>(row)].trained) {
        confusion_->setQuality({}, report.scheme);
        confusionTitle_->setText(QString());
        return;
    }
    const auto& c = report.classifiers[static_cast<std::size_t>(row)];
    confusion_->setQuality(c.heldout, report.scheme);
    confusionTitle_->setText(tr("Held-out reviews as %1 labels them:").arg(SentimentText::classifier(c.name)));
}

}  // namespace ss::ui
