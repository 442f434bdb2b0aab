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
    void setProjectOpen(bool open);

signals:
    void newProject();
    void openProject();
    void openRecent(const QString& path);
    void newSampleProject();
    void importData();
    void showSettings();
    void showAbout();

private:
    QMenu* recent_;
    QAction* import_;
};

}  // namespace ss::ui
