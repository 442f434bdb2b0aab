// IndexBar: the data browser's question when a big table is to be sorted by a column that no
// index serves — build an index (a job; Cancel stops it), sort without one (every page sorts the
// whole table), or keep the current order — or when a filter on a big events table matches items
// whose events only a scan of every event finds — build the index, or filter without it. While an
// index is built it says what is happening. It owns only its label and buttons; the DataScreen acts
// on its signals. GUI thread only.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace ss::ui {

class IndexBar : public QFrame {
    Q_OBJECT
public:
    explicit IndexBar(QWidget* parent = nullptr);

    // Shows the question for sorting about `rows` rows by `column`; without `canWrite` (a read-only
    // project) building is offered disabled, with the reason.
    void ask(const QString& column, qint64 rows, bool canWrite);
    // Shows the question for a filter whose matching events, among `rows`, an index on `column` would
    // find without reading them all.
    void askForFilter(const QString& column, qint64 rows, bool canWrite);
    void building(const QString& column);
    void buildingForFilter(const QString& column);
    bool asking() const;  // shown with the question (not while building)

    QPushButton* buildButton() const { return build_; }
    QPushButton* withoutButton() const { return without_; }
    QPushButton* keepButton() const { return keep_; }
    QPushButton* cancelButton() const { return cancel_; }
    QLabel* message() const { return message_; }

signals:
    void buildRequested();
    void withoutIndexRequested();
    void keepRequested();
    void cancelRequested();

private:
    void offerBuilding(bool canWrite);  // the build and without buttons, Cancel hidden

    QLabel* message_;
    QPushButton *build_, *without_, *keep_, *cancel_;
};

}  // namespace ss::ui
