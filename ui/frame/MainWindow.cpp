#include "MainWindow.h"

#include <QApplication>
#include <QDir>
#include <QDebug>
#include <QDockWidget>
#include <QIcon>
#include <QListWidgetItem>
#include <QVBoxLayout>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QTimer>

#include "DataScreen.h"
#include "ImportWizard.h"
#include "JobRunner.h"
#include "JobsPanel.h"
#include "LanguageManager.h"
#include "MainActions.h"
#include "ModelsScreen.h"
#include "OverviewScreen.h"
#include "CohortsScreen.h"
#include "SentimentScreen.h"
#include "PlaceholderScreen.h"
#include "RecommendationsScreen.h"
#ifdef SHELFSENSE_WITH_TORCH
#include "SearchScreen.h"
#endif
#include "SettingsDialog.h"
#include "SettingsRegistry.h"
#include "Text.h"
#include "AboutDialog.h"
#include "ModelSetupDialog.h"
#include "NoticeBar.h"
#include "sample/SampleShop.h"
#include "ProjectContext.h"

namespace ss::ui {

MainWindow::MainWindow(LanguageManager& language, QWidget* parent) : QMainWindow(parent), language_(language) {
    jobs_ = new JobRunner(this);
    actions_ = new MainActions(*this);
    navigation_ = new QListWidget(this);
    navigation_->setObjectName("navigation");
    navigation_->setFixedWidth(170);
    navigation_->setIconSize(QSize(20, 20));
    navigation_->setSpacing(2);
    stack_ = new QStackedWidget(this);
    notices_ = new NoticeBar(this);
    auto* central = new QWidget(this);
    auto* outer = new QVBoxLayout(central);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(notices_);
    auto* layout = new QHBoxLayout();
    layout->addWidget(navigation_);
    layout->addWidget(stack_, 1);
    outer->addLayout(layout, 1);
    setCentralWidget(central);

    createScreens();
    retranslate();
    connect(navigation_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
    navigation_->setCurrentRow(0);

    auto* dock = dock_ = new QDockWidget(tr("Jobs"), this);
    dock->setObjectName("jobsDock");
    dock->setWidget(new JobsPanel(*jobs_, dock));
    addDockWidget(Qt::RightDockWidgetArea, dock);
    dock->hide();  // out of the way until a job runs long enough to watch
    connect(jobs_, &JobRunner::jobStarted, this, [this](int id, const QString&) {
        // Quick jobs (loading a screen) come and go unseen; a job still running after a moment shows the panel.
        QTimer::singleShot(kJobsPanelDelayMs, this, [this, id] {
            if (jobs_->isRunning(id) && dock_->isHidden()) {
                dock_->show();
                jobsPanelAutoShown_ = true;
            }
        });
    });
    connect(jobs_, &JobRunner::jobFinished, this, [this](int, bool ok, bool cancelled, const QString&) {
        if (!ok && !cancelled) jobsPanelAutoShown_ = false;  // a failure stays on screen until closed
        QTimer::singleShot(kJobsPanelLingerMs, this, [this] {
            if (jobsPanelAutoShown_ && jobs_->runningCount() == 0) {
                dock_->hide();
                jobsPanelAutoShown_ = false;
            }
        });
    });
    statusProject_ = new QLabel(this);
    statusBar()->addPermanentWidget(statusProject_);
    connect(jobs_, &JobRunner::jobFinished, this, [this](int, bool ok, bool cancelled, const QString& message) {
        statusBar()->showMessage(ok ? tr("Job finished") : cancelled ? tr("Job cancelled") : tr("Job failed: %1").arg(message), 8000);
    });

    connectActions();
    actions_->rebuildRecent(SettingsRegistry::recentProjects());
    resize(1280, 800);
    // A job waiting for another program that writes to the project says so (the observer runs on
    // the job's thread; the message is shown on this one).
    Database::setBusyObserver([window = QPointer<MainWindow>(this)](const std::filesystem::path& file, std::chrono::milliseconds) {
        QMetaObject::invokeMethod(qApp, [window, name = QFileInfo(qs(file.string())).fileName()] {
            if (window) window->statusBar()->showMessage(tr("Waiting: another program is writing to %1…").arg(name), 2000);
        }, Qt::QueuedConnection);
        return true;
    });
}

MainWindow::~MainWindow() { Database::setBusyObserver({}); }

QString MainWindow::defaultSamplePath() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/projects/sample-shop.shelfsense";
}

void MainWindow::addScreen(ProjectScreen* screen) {
    static const char* const icons[] = {"overview", "data", "recommendations", "models", "cohorts", "sentiment", "search"};
    const int index = static_cast<int>(screens_.size());
    screens_.push_back(screen);
    stack_->addWidget(screen);
    auto* item = new QListWidgetItem(navigation_);
    if (index < int(std::size(icons))) item->setIcon(QIcon(QStringLiteral(":/icons/navigation/%1.svg").arg(QLatin1String(icons[index]))));
}

void MainWindow::addNotice(const QString& text) {
    qWarning().noquote() << text;
    notices_->addNotice(text);
}

QStringList MainWindow::notices() const { return notices_->notices(); }

void MainWindow::offerModelSetup() {
    auto* dialog = new ModelSetupDialog(*jobs_, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ModelSetupDialog::installed, this, [this](const QString& dir) {
        statusBar()->showMessage(tr("Sentence encoder added: %1").arg(dir), 10000);
        if (project_)
            for (auto* screen : screens_) screen->setProject(project_);
    });
    dialog->open();  // window-modal and non-blocking: the workbench is already there behind it
}

int MainWindow::screenCount() const { return static_cast<int>(screens_.size()); }
void MainWindow::showScreen(int index) { navigation_->setCurrentRow(index); }

void MainWindow::retranslate() {
    const QString names[] = {tr("Overview"), tr("Data"), tr("Recommendations"), tr("Models"), tr("Cohorts"), tr("Sentiment"), tr("Search")};
    for (int i = 0; i < navigation_->count() && i < int(std::size(names)); ++i) navigation_->item(i)->setText(names[i]);
    const QString path = projectPath();
    const bool readOnly = projectReadOnly();
    setWindowTitle(path.isEmpty() ? tr("ShelfSense")
                   : readOnly     ? tr("%1 (%2, read-only) — ShelfSense").arg(QFileInfo(path).completeBaseName(), path)
                                  : tr("%1 (%2) — ShelfSense").arg(QFileInfo(path).completeBaseName(), path));
    if (statusProject_)
        statusProject_->setText(path.isEmpty() ? QString()
                                : readOnly     ? tr("%1 — read-only: it can be explored, not changed").arg(path)
                                               : path);
}

void MainWindow::createScreens() {
    addScreen(new OverviewScreen(*jobs_, this));
    addScreen(new DataScreen(*jobs_, this));
    addScreen(new RecommendationsScreen(*jobs_, this));
    addScreen(new ModelsScreen(*jobs_, this));
    addScreen(new CohortsScreen(*jobs_, this));
    addScreen(new SentimentScreen(*jobs_, this));
#ifdef SHELFSENSE_WITH_TORCH
    addScreen(new SearchScreen(*jobs_, this));
#else
    addScreen(new PlaceholderScreen(tr("Search"), tr("This build has no LibTorch, so the sentence encoder (search, similar items, map) is not available."), this));
#endif
}

void MainWindow::connectActions() {
    connect(actions_, &MainActions::openProject, this, &MainWindow::chooseAndOpen);
    connect(actions_, &MainActions::newProject, this, &MainWindow::chooseAndCreate);
    connect(actions_, &MainActions::openRecent, this, [this](const QString& p) { openProject(p); });
    connect(actions_, &MainActions::newSampleProject, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("New sample shop"), defaultSamplePath(), tr("ShelfSense projects (*.shelfsense)"));
        if (!path.isEmpty()) createSampleProject(path);
    });
    connect(actions_, &MainActions::importData, this, &MainWindow::runImportWizard);
    connect(actions_, &MainActions::showSettings, this, [this] {
        SettingsDialog dialog(this);
        connect(&dialog, &SettingsDialog::languageChanged, this, [this](const QString& l) { language_.apply(l); });
        dialog.showCoverage(*jobs_, project_);
        dialog.showModels(*jobs_, project_);
        dialog.exec();
    });
    connect(actions_, &MainActions::showAbout, this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    connect(actions_, &MainActions::addModel, this, &MainWindow::offerModelSetup);
    actions_->addToTools(dock_ ? dock_->toggleViewAction() : nullptr);
}

// Every screen sets its texts when it is built, so a language switch rebuilds the screens (and the
// menus) and shows the open project again; running jobs go on, their results reach the new screens
// only through the project file.
void MainWindow::rebuildForLanguage() {
    rebuildPending_ = false;
    const int current = navigation_->currentRow();
    for (auto* screen : screens_) {
        stack_->removeWidget(screen);
        delete screen;  // called from the event loop (a queued timer), never from a screen's own handler
    }
    screens_.clear();
    navigation_->clear();
    createScreens();
    menuBar()->clear();
    actions_->deleteLater();
    actions_ = new MainActions(*this);
    connectActions();
    actions_->rebuildRecent(SettingsRegistry::recentProjects());
    actions_->setProjectOpen(project_ != nullptr, projectReadOnly());
    dock_->setWindowTitle(tr("Jobs"));
    retranslate();
    navigation_->setCurrentRow(std::max(0, current));
    if (project_)
        for (auto* screen : screens_) screen->setProject(project_);
    emit languageRebuilt();
}

void MainWindow::changeEvent(QEvent* event) {
    // Installing the application and Qt catalogues sends two events: rebuild once.
    if (event->type() == QEvent::LanguageChange && !rebuildPending_ && navigation_) {
        rebuildPending_ = true;
        QTimer::singleShot(0, this, &MainWindow::rebuildForLanguage);
    }
    QMainWindow::changeEvent(event);
}

QString MainWindow::projectPath() const { return project_ ? project_->path() : QString(); }

bool MainWindow::projectReadOnly() const { return project_ && project_->readOnly(); }

void MainWindow::openProject(const QString& path, bool quiet, std::function<void(bool)> then) {
    using Opened = std::shared_ptr<ProjectContext>;
    std::function<Result<Opened>(const JobContext&)> job = [p = std::filesystem::path(utf8(path))](const JobContext& ctx) {
        return ProjectContext::open(p, ctx);
    };
    // Keyed: a second open (a click on another recent project) replaces one still running.
    jobs_->start<Opened>(QStringLiteral("project/open"), tr("Opening %1").arg(QFileInfo(path).fileName()), job, this,
                         [this, path, quiet, then = std::move(then)](Result<Opened> r) {
                             if (!r) {
                                 const QString message = qs(r.error().describe());
                                 if (!quiet) QMessageBox::warning(this, tr("Cannot open project"), message);
                                 emit projectOpenFailed(path, message);
                                 if (then) then(false);
                                 return;
                             }
                             showProject(std::move(*r));
                             if (then) then(true);
                         });
}

void MainWindow::showProject(std::shared_ptr<ProjectContext> project) {
    project_ = std::move(project);
    const QString path = project_->path();
    SettingsRegistry::addRecentProject(path);
    actions_->rebuildRecent(SettingsRegistry::recentProjects());
    actions_->setProjectOpen(true, project_->readOnly());
    for (auto* screen : screens_) screen->setProject(project_);
    retranslate();
    emit projectOpened(path);
}

void MainWindow::createSampleProject(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(path)) QFile::remove(path);
    std::function<Result<SampleShopSummary>(const JobContext&)> job = [p = utf8(path)](const JobContext& ctx) {
        return SampleShop::write(p, SampleShopOptions{}, ctx);
    };
    jobs_->start<SampleShopSummary>(tr("Writing the sample shop"), job, this, [this, path](Result<SampleShopSummary> r) {
        if (!r) {
            QMessageBox::warning(this, tr("Sample shop"), qs(r.error().describe()));
            return;
        }
        openProject(path);
    });
}

void MainWindow::chooseAndOpen() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), tr("ShelfSense projects (*.shelfsense);;All files (*)"));
    if (!path.isEmpty()) openProject(path);
}

void MainWindow::chooseAndCreate() {
    QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(), tr("ShelfSense projects (*.shelfsense)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(".shelfsense")) path += ".shelfsense";
    openProject(path);
}

void MainWindow::runImportWizard() {
    if (!project_) return;
    auto* wizard = new ImportWizard(*jobs_, project_->path(), this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    // The import changed the file: open it afresh, so every cache starts from what is there now.
    connect(wizard, &ImportWizard::importFinished, this, [this, path = project_->path()](bool ok) {
        if (ok) openProject(path);
    });
    wizard->show();
}

}  // namespace ss::ui
