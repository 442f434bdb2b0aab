// PlaceholderScreen: an honest "not available yet" page for a workbench area whose engine has not
// landed; it names what is missing rather than pretending. GUI thread only.
#pragma once

#include "ProjectScreen.h"

class QLabel;

namespace ss::ui {

class PlaceholderScreen : public ProjectScreen {
    Q_OBJECT
public:
    PlaceholderScreen(const QString& title, const QString& explanation, QWidget* parent = nullptr);
    void setProject(const std::shared_ptr<ProjectContext>&) override {}
};

}  // namespace ss::ui
