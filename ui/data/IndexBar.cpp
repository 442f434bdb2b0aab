#include "SortIndexBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace ss::ui {

SortIndexBar::SortIndexBar(QWidget* parent) : QFrame(parent) {
    setObjectName("sortIndexBar");
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
    connect(build_, &QPushButton::clicked, this, &SortIndexBar::buildRequested);
    connect(without_, &QPushButton::clicked, this, &SortIndexBar::withoutIndexRequested);
    connect(keep_, &QPushButton::clicked, this, &SortIndexBar::keepRequested);
    connect(cancel_, &QPushButton::clicked, this, &SortIndexBar::cancelRequested);
    hide();
}

void SortIndexBar::ask(const QString& column, qint64 rows, bool canWrite) {
    message_->setText(tr("No index serves sorting the %1 rows by “%2”: every page would sort the whole table, which takes long "
                         "at this size. An index makes every page quick; building it takes a while once and makes the project "
                         "file larger.")
                          .arg(QLocale().toString(rows), column));
    build_->setEnabled(canWrite);
    build_->setToolTip(canWrite ? QString() : tr("The project file is read-only."));
    for (auto* button : {build_, without_, keep_}) button->show();
    cancel_->hide();
    show();
}

bool SortIndexBar::asking() const { return isVisible() && cancel_->isHidden(); }

void SortIndexBar::building(const QString& column) {
    message_->setText(tr("Building an index for sorting by “%1”… The table stays in its current order meanwhile.").arg(column));
    for (auto* button : {build_, without_, keep_}) button->hide();
    cancel_->show();
    show();
}

}  // namespace ss::ui
