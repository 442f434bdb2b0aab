// CustomerListDialog: the customers behind a cohort cell — their ids in a list with the cell's
// description, exportable as CSV, and "Save as segment…" handing the name back to the screen (which
// saves in a job). GUI thread only.
#pragma once

#include <QDialog>
#include <QStringList>

class QLabel;
class QListView;
class QStringListModel;

namespace ss::ui {

class CustomerListDialog : public QDialog {
    Q_OBJECT
public:
    CustomerListDialog(const QString& description, const QStringList& customers, QWidget* parent = nullptr);
    QStringList customers() const { return customers_; }

signals:
    void saveRequested(const QString& name);

private:
    void exportCsv();
    void askForName();

    QStringList customers_;
    QLabel* status_;
};

}  // namespace ss::ui
