// MainWindow: the workbench frame — navigation list with icons, stacked screens, a notice bar, the
// jobs dock (shown while a job runs long enough to watch), status bar.
// Owns the JobRunner; opening a project tells every screen. Menus live in MainActions.
// GUI thread only.
#pragma once

#include <QMainWindow>
#include <QVector>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ss::ui {

class JobRunner;
class LanguageManager;
class MainActions;
class ProjectScreen;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LanguageManager& language, QWidget* parent = nullptr);

    // Opens an existing or new project file; false (with a message box unless quiet) on failure.
    bool openProject(const QString& path, bool quiet = false);
    // Writes the built-in sample shop to `path` in a job, then opens it.
    void createSampleProject(const QString& path);
    QString projectPath() const { return projectPath_; }
    // True when the open project's file cannot be written (read-only file, folder or drive).
    bool projectReadOnly() const { return projectReadOnly_; }
    ~MainWindow() override;
    JobRunner& jobs() { return *jobs_; }
    void showScreen(int index);
    int screenCount() const;

    static QString defaultSamplePath();

    // Something a person should know that needs no decision (shown above the screens, logged).
    void addNotice(const QString& text);
    QStringList notices() const;
    // Opens the dialog that adds a sentence encoder (first start without one, or from Help).
    void offerModelSetup();

signals:
    void projectOpened(const QString& path);
    void languageRebuilt();

protected:
    void changeEvent(QEvent* event) override;

private:
    void addScreen(ProjectScreen* screen);
    void createScreens();
    void connectActions();
    void rebuildForLanguage();
    void retranslate();
    void chooseAndOpen();
    void chooseAndCreate();
    void runImportWizard();

    LanguageManager& language_;
    JobRunner* jobs_;
    MainActions* actions_;
    QListWidget* navigation_ = nullptr;
    QStackedWidget* stack_;
    QVector<ProjectScreen*> screens_;
    QLabel* statusProject_ = nullptr;
    class QDockWidget* dock_ = nullptr;
    class NoticeBar* notices_ = nullptr;
    bool jobsPanelAutoShown_ = false;
    static constexpr int kJobsPanelDelayMs = 700;
    static constexpr int kJobsPanelLingerMs = 2500;
    bool rebuildPending_ = false;
    QString projectPath_;
    bool projectReadOnly_ = false;
};

}  // namespace ss::ui
