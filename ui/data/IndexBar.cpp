#include "IndexBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace ss::ui {

IndexBar::IndexBar(QWidget* parent) : QFrame(parent) {
    setObjectName("indexBar");
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);
    auto* layout = new QHBoxLayout(this);
    message_ = new QLabel(this);
    message_->setWordWrap(true);
    build_ = new QPushButton(tr("Build the index"), this);
    without_ = new QPushButton(tr("Sort without it"), this);
    keep_ = new QPushButton(tr("Keep the current order"), this);
    cancel_ = new QPushButton(tr("Cancel"), this);
    layout->addWidget(message_, 1);
    for (auto* button : {build_, without_, keep_, cancel_}) layout->addWidget(button);
    connect(build_, &QPushButton::clicked, this, &IndexBar::buildRequested);
    connect(without_, &QPushButton::clicked, this, &IndexBar::withoutIndexRequested);
    connect(keep_, &QPushButton::clicked, this, &IndexBar::keepRequested);
    connect(cancel_, &QPushButton::clicked, this, &IndexBar::cancelRequested);
    hide();
}

void IndexBar::ask(const QString& column, qint64 rows, bool canWrite) {
    message_->setText(tr("No index serves sorting the %1 rows by “%2”: every page would sort the whole table, which takes long "
                         "at this size. An index makes every page quick; building it takes a while once and makes the project "
                         "file larger.")
                          .arg(QLocale().toString(rows), column));
    without_->setText(tr("Sort without it"));
    offerBuilding(canWrite);
    keep_->show();
}

void IndexBar::askForFilter(const QString& column, qint64 rows, bool canWrite) {
    message_->setText(tr("The filter matches items, and no index finds their events by “%2”: every page reads on through the "
                         "%1 events until it has found enough, which takes long at this size. An index finds them at once; "
                         "building it takes a while once and makes the project file larger.")
                          .arg(QLocale().toString(rows), column));
    without_->setText(tr("Filter without it"));
    offerBuilding(canWrite);
    keep_->hide();
}

void IndexBar::offerBuilding(bool canWrite) {
    build_->setEnabled(canWrite);
    build_->setToolTip(canWrite ? QString() : tr("The project file is read-only."));
    build_->show();
    without_->show();
    cancel_->hide();
    show();
}

bool IndexBar::asking() const { return isVisible() && cancel_->isHidden(); }

void IndexBar::building(const QString& column) {
    message_->setText(tr("Building an index for sorting by “%1”… The table stays in its current order meanwhile.").arg(column));
    for (auto* button : {build_, without_, keep_}) button->hide();
    cancel_->show();
    show();
}

void IndexBar::buildingForFilter(const QString& column) {
    building(column);
    message_->setText(tr("Building an index on “%1” for filtering… Rows keep arriving from the scan meanwhile.").arg(column));
}

}  // namespace ss::ui
