#include "JobsPanel.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include "JobRunner.h"

namespace ss::ui {

JobsPanel::JobsPanel(JobRunner& runner, QWidget* parent) : QWidget(parent), runner_(runner) {
    auto* outer = new QVBoxLayout(this);
    rows_ = new QVBoxLayout();
    outer->addLayout(rows_);
    outer->addStretch();
    auto* idle = new QLabel(tr("No jobs running."), this);
    idle->setObjectName("idleLabel");
    rows_->addWidget(idle);
    connect(&runner, &JobRunner::jobStarted, this, &JobsPanel::addJob);
    connect(&runner, &JobRunner::jobProgress, this, &JobsPanel::updateJob);
    connect(&runner, &JobRunner::jobFinished, this, &JobsPanel::finishJob);
}

void JobsPanel::addJob(int id, const QString& title) {
    if (auto* idle = findChild<QLabel*>("idleLabel")) idle->hide();
    auto* row = new QWidget(this);
    auto* layout = new QVBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* label = new QLabel(title, row);
    auto* bar = new QProgressBar(row);
    bar->setRange(0, 0);
    bar->setObjectName("progress");
    auto* stage = new QLabel(row);
    stage->setObjectName("stage");
    auto* cancel = new QPushButton(tr("Cancel"), row);
    cancel->setObjectName("cancel");
    connect(cancel, &QPushButton::clicked, this, [this, id, cancel] {
        cancel->setEnabled(false);
        runner_.cancel(id);
    });
    layout->addWidget(label);
    layout->addWidget(bar);
    layout->addWidget(stage);
    layout->addWidget(cancel);
    rows_->insertWidget(0, row);
    widgets_.insert(id, row);
}

void JobsPanel::updateJob(int id, double fraction, const QString& stage) {
    QWidget* row = widgets_.value(id);
    if (!row) return;
    auto* bar = row->findChild<QProgressBar*>("progress");
    if (fraction < 0) bar->setRange(0, 0);
    else {
        bar->setRange(0, 1000);
        bar->setValue(static_cast<int>(fraction * 1000));
    }
    row->findChild<QLabel*>("stage")->setText(stage);
}

void JobsPanel::finishJob(int id, bool ok, bool cancelled, const QString& message) {
    QWidget* row = widgets_.value(id);
    if (!row) return;
    auto* bar = row->findChild<QProgressBar*>("progress");
    bar->setRange(0, 1000);
    bar->setValue(ok ? 1000 : 0);
    row->findChild<QPushButton*>("cancel")->hide();
    row->findChild<QLabel*>("stage")->setText(ok ? tr("Done") : cancelled ? tr("Cancelled: nothing was changed") : tr("Failed: %1").arg(message));
    // Keep the outcome of the last few jobs only, so the panel does not grow without end.
    finished_.push_back(id);
    while (finished_.size() > kKeptFinished) {
        if (QWidget* old = widgets_.take(finished_.takeFirst())) old->deleteLater();
    }
}

}  // namespace ss::ui
