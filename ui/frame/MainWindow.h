// MainWindow: the workbench frame — navigation list with icons, stacked screens, a notice bar, the
// jobs dock (shown while a job runs long enough to watch), status bar.
// Owns the JobRunner and the open project's ProjectContext; opening a project is a job, and when it
// has opened every screen is given the context. Menus live in MainActions.
// GUI thread only.
#pragma once

#include <QMainWindow>
#include <QVector>

#include <functional>
#include <memory>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace ss::ui {

class JobRunner;
class LanguageManager;
class MainActions;
class ProjectContext;
class ProjectScreen;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(LanguageManager& language, QWidget* parent = nullptr);

    // Opens an existing or new project file in a job (it may create or upgrade the file). Then
    // projectOpened, or projectOpenFailed (and a message box unless quiet); `then` is told which.
    // The project open so far stays open until the new one has opened.
    void openProject(const QString& path, bool quiet = false, std::function<void(bool)> then = {});
    // Writes the built-in sample shop to `path` in a job, then opens it.
    void createSampleProject(const QString& path);
    QString projectPath() const;
    // True when the open project's file cannot be written (read-only file, folder or drive).
    bool projectReadOnly() const;
    const std::shared_ptr<ProjectContext>& project() const { return project_; }
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
    void projectOpenFailed(const QString& path, const QString& message);
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
    void showProject(std::shared_ptr<ProjectContext> project);

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
    std::shared_ptr<ProjectContext> project_;
};

}  // namespace ss::ui
