#include "MainActions.h"

#include <QAction>
#include <QApplication>
#include <QKeySequence>
#include <QMainWindow>
#include <QMenuBar>

namespace ss::ui {

MainActions::MainActions(QMainWindow& window) : QObject(&window) {
    QMenu* project = window.menuBar()->addMenu(tr("&Project"));
    project->addAction(tr("&New project…"), QKeySequence::New, this, &MainActions::newProject);
    project->addAction(tr("&Open project…"), QKeySequence::Open, this, &MainActions::openProject);
    recent_ = project->addMenu(tr("Open &recent"));
    project->addAction(tr("New &sample shop…"), this, &MainActions::newSampleProject);
    project->addSeparator();
    import_ = project->addAction(tr("&Import data…"), QKeySequence(tr("Ctrl+I")), this, &MainActions::importData);
    import_->setObjectName("importAction");
    project->addSeparator();
    project->addAction(tr("&Quit"), QKeySequence::Quit, qApp, &QApplication::closeAllWindows);

    QMenu* tools = tools_ = window.menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("&Settings…"), QKeySequence::Preferences, this, &MainActions::showSettings);
    QMenu* help = window.menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("Add a sentence &encoder…"), this, &MainActions::addModel);
    help->addSeparator();
    help->addAction(tr("&About ShelfSense"), this, &MainActions::showAbout);
    setProjectOpen(false);
}

void MainActions::rebuildRecent(const QStringList& recent) {
    recent_->clear();
    for (const QString& path : recent) recent_->addAction(path, this, [this, path] { emit openRecent(path); });
    recent_->setEnabled(!recent.isEmpty());
}

void MainActions::setProjectOpen(bool open, bool readOnly) {
    import_->setEnabled(open && !readOnly);
    import_->setToolTip(open && readOnly ? tr("The project file is read-only: nothing can be imported into it") : QString());
}

void MainActions::addToTools(QAction* action) {
    if (!action) return;
    action->setText(tr("&Jobs panel"));
    tools_->addAction(action);
}

}  // namespace ss::ui
