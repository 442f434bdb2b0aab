// ProjectScreen: a workbench screen that shows something of the open project. The main window
// calls setProject() once a project has opened (or closed: null), with the one ProjectContext all
// screens share. GUI thread only.
#pragma once

#include <QWidget>

#include <memory>

#include "ProjectContext.h"

namespace ss::ui {

class ProjectScreen : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    virtual void setProject(const std::shared_ptr<ProjectContext>& project) = 0;
};

}  // namespace ss::ui
