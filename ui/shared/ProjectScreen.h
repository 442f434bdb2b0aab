// ProjectScreen: a workbench screen that shows something of the open project. The main window
// calls setProject() when a project opens (or closes: empty path). GUI thread only.
#pragma once

#include <QWidget>

namespace ss::ui {

class ProjectScreen : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void setProject(const QString& path) = 0;
};

}  // namespace ss::ui
