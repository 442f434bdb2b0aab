// ReviewListDialog: the reviews behind a topic (or any set) — product, sentiment and text, one per
// row, with the description above and CSV export. GUI thread only.
#pragma once

#include <QDialog>

#include "sentiment/ReviewCorpus.h"

class QTableWidget;

namespace ss::ui {

class ReviewListDialog : public QDialog {
    Q_OBJECT
public:
    // `products` holds each review's product id, aligned with the corpus.
    ReviewListDialog(const QString& description, const sentiment::ReviewCorpus& reviews, const QStringList& products, QWidget* parent = nullptr);
    int reviewCount() const;

private:
    void exportCsv();
    QTableWidget* table_;
};

}  // namespace ss::ui
