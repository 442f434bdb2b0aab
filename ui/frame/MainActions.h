// MainActions: the workbench's actions and menus (project, import, settings, language, help),
// kept out of MainWindow so the window stays small. GUI thread only.
#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace ss::ui {

class MainActions : public QObject {
    Q_OBJECT
public:
    explicit MainActions(QMainWindow& window);
    void rebuildRecent(const QStringList& recent);
    void setProjectOpen(bool open, bool readOnly = false);
    void addToTools(QAction* action);  // e.g. the jobs panel's show/hide toggle; null is ignored

signals:
    void newProject();
    void openProject();
    void openRecent(const QString& path);
    void newSampleProject();
    void importData();
    void showSettings();
    void showAbout();
    void addModel();

private:
    QMenu* recent_;
    QMenu* tools_;
    QAction* import_;
};

}  // namespace ss::ui
